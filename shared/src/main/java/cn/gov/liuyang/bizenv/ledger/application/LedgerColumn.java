package cn.gov.liuyang.bizenv.ledger.application;

import java.util.List;
import java.util.Optional;

/** The columns of a case ledger, with the headings offices give them. */
enum LedgerColumn {
  SEQUENCE("序号", List.of("序号", "序", "顺序号", "编号序号")),
  NUMBER(
      "登记编号",
      List.of(
          "登记编号", "编号", "登记号", "受理编号", "案件编号", "诉求编号", "工单编号", "工单号", "流水号", "来件编号", "投诉编号", "件号",
          "案号")),
  RECEIVED(
      "受理时间",
      List.of(
          "受理时间", "受理日期", "登记时间", "登记日期", "接收时间", "接收日期", "收到时间", "收件时间", "来件时间", "来件日期", "来访时间",
          "来电时间", "投诉时间", "投诉日期", "反映时间", "诉求时间", "提出时间", "交办时间", "派单时间", "日期", "时间", "受理时间日期")),
  KIND(
      "诉求类别",
      List.of(
          "诉求类别", "诉求类型", "类别", "类型", "诉求分类", "事项类别", "事项类型", "投诉类别", "投诉类型", "问题类别", "问题类型", "性质",
          "诉求性质", "来件类别", "件别", "分类")),
  DEPARTMENT(
      "涉及单位",
      List.of(
          "涉及单位", "涉及部门", "涉及单位部门", "涉及单位或部门", "被投诉单位", "被投诉对象", "被投诉部门", "被反映单位", "责任单位", "承办单位",
          "办理单位", "承办部门", "责任部门", "交办单位", "转办单位", "涉及单位名称", "相关单位", "主办单位")),
  SUMMARY(
      "诉求内容摘要",
      List.of(
          "诉求内容摘要", "诉求内容", "内容摘要", "主要内容", "反映内容", "投诉内容", "举报内容", "问题描述", "诉求事项", "反映问题", "简要内容",
          "摘要", "事项", "诉求", "主要诉求", "基本情况", "来件内容", "内容", "问题", "诉求摘要", "反映事项", "主要问题")),
  HANDLING(
      "办理情况",
      List.of(
          "办理情况",
          "办理结果",
          "处理情况",
          "处理结果",
          "办理情况及结果",
          "办理结果及情况",
          "答复情况",
          "办结情况",
          "办理过程",
          "处置情况",
          "处理意见",
          "办理情况办理结果",
          "落实情况",
          "解决情况",
          "答复意见",
          "结果")),
  CLOSED(
      "办结时间",
      List.of(
          "办结时间", "办结日期", "完成时间", "完结时间", "答复时间", "回复时间", "处理完成时间", "办理完成时间", "结案时间", "结案日期",
          "办结")),
  SATISFACTION(
      "回访满意度",
      List.of(
          "回访满意度", "满意度", "回访情况", "回访结果", "评价", "满意度评价", "群众满意度", "企业满意度", "回访评价", "评价结果", "是否满意",
          "回访", "满意情况")),
  RESULT_SATISFACTION("结果满意度", List.of("结果满意度", "对结果满意度", "办理结果满意度", "结果评价")),
  SERVICE_SATISFACTION("服务满意度", List.of("服务满意度", "对服务满意度", "服务评价", "服务态度满意度")),
  NOTES("备注", List.of("备注", "说明", "备注说明", "其他")),
  MEETINGS(
      "多方联动会议",
      List.of(
          "多方联动会议",
          "多方联动会议次数",
          "联动会议",
          "联动会议次数",
          "会议次数",
          "协调会次数",
          "召开会议次数",
          "协调会议次数",
          "召开多方联动会议",
          "多方联动会",
          "会商次数")),
  SOLVED(
      "解决困难数",
      List.of(
          "解决困难数", "解决问题数", "解决困难诉求数", "解决困难", "解决诉求数", "解决困难问题数", "解决企业困难数", "解决问题个数", "解决困难个数",
          "解决数")),
  /** personal data and the like, recognised so that they are not taken for something else */
  IGNORED(
      "",
      List.of(
          "企业名称",
          "诉求人",
          "反映人",
          "投诉人",
          "举报人",
          "联系人",
          "联系电话",
          "电话",
          "手机",
          "姓名",
          "来源",
          "来件渠道",
          "渠道",
          "受理方式",
          "诉求渠道",
          "承办人",
          "经办人",
          "受理人",
          "办理时限",
          "时限",
          "是否办结",
          "办理状态",
          "状态",
          "所属乡镇",
          "乡镇",
          "行业",
          "地址",
          "统一社会信用代码",
          "身份证号"));

  private final String heading;
  private final List<String> synonyms;

  LedgerColumn(String heading, List<String> synonyms) {
    this.heading = heading;
    this.synonyms = synonyms;
  }

  /** The heading findings quote when the ledger's own is not known. */
  String heading() {
    return heading;
  }

  /** The column a heading names, with units in brackets, spaces and punctuation set aside. */
  static Optional<LedgerColumn> of(String text) {
    String whole = normalise(text).replaceAll("[/、]", "");
    if (whole.isEmpty()) {
      return Optional.empty();
    }
    Optional<LedgerColumn> column = exactly(whole);
    if (column.isPresent()) {
      return column;
    }
    // 涉及单位/部门, 办理情况（办理结果）, 投诉时间、受理时间: the first part that names a column
    String parted = text.replaceAll("[（(]", "/").replaceAll("[)）]", "");
    for (String part : parted.split("[/、]")) {
      column = exactly(normalise(part));
      if (column.isPresent()) {
        return column;
      }
    }
    return Optional.empty();
  }

  private static Optional<LedgerColumn> exactly(String normalised) {
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    for (LedgerColumn column : values()) {
      if (column.synonyms.contains(normalised)) {
        return Optional.of(column);
      }
    }
    return Optional.empty();
  }

  static String normalise(String text) {
    return text.replaceAll("[（(][^）)]*[)）]", "").replaceAll("[\\s*＊:：\u3000\"“”'‘’]", "").strip();
  }
}
