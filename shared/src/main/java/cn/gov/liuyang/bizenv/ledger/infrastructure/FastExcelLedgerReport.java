package cn.gov.liuyang.bizenv.ledger.infrastructure;

import cn.gov.liuyang.bizenv.ledger.application.LedgerReportWriter;
import cn.gov.liuyang.bizenv.ledger.application.ParsedLedger;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * 校验结果.xlsx for a ledger: a 校验结果 sheet (verdict, the year's figures its cases give, notes) and a
 * 问题清单 sheet (one row per finding: sheet, row, column, value, what is wrong, code).
 */
public final class FastExcelLedgerReport implements LedgerReportWriter {
  private static final List<String> HEADINGS =
      List.of("序号", "工作表", "行号", "列", "所填内容", "问题及修改方法", "问题代码");

  private static final Map<String, String> FIGURE_LABELS = new LinkedHashMap<>();

  static {
    FIGURE_LABELS.put("received", "收到诉求（件）");
    FIGURE_LABELS.put("COMPLAINT", "其中：投诉");
    FIGURE_LABELS.put("REPORT", "举报");
    FIGURE_LABELS.put("SUGGESTION", "意见建议（含咨询）");
    FIGURE_LABELS.put("DIFFICULTY", "困难诉求");
    FIGURE_LABELS.put("accepted", "受理（件）");
    FIGURE_LABELS.put("closed", "办结（件）");
    FIGURE_LABELS.put("closedOnTime", "按时办结（件）");
    FIGURE_LABELS.put("meetings", "多方联动会议（次）");
    FIGURE_LABELS.put("difficultiesResolved", "解决困难（个）");
    FIGURE_LABELS.put("rated", "回访评价（件）");
    FIGURE_LABELS.put("satisfiedWithResult", "对结果满意（含基本满意）");
    FIGURE_LABELS.put("satisfiedWithService", "对服务满意（含基本满意）");
  }

  @Override
  public byte[] write(
      LedgerSubmission submission,
      ParsedLedger parsed,
      boolean current,
      Map<String, Integer> figures,
      List<String> notes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "bizenv", "1.0");
      Worksheet summary = workbook.newWorksheet("校验结果");
      summary.width(0, 28);
      summary.width(1, 70);
      summary.value(0, 0, submission.year() + " 年度投诉台账校验结果");
      summary.style(0, 0).bold().fontSize(14).set();
      int r = 2;
      r = pair(summary, r, "提交编号", submission.id().value());
      r = pair(summary, r, "单位", submission.unit().value());
      r = pair(summary, r, "文件", submission.fileName());
      String verdict =
          !parsed.acceptable()
              ? "未通过：发现 " + parsed.findingCount() + " 处问题，本次台账未导入，原有数据保持不变。请按“问题清单”修改后重新上传。"
              : current
                  ? "已导入：共 " + parsed.cases().size() + " 件案件，替换本单位该年度此前导入的台账。"
                  : "已通过校验，但导入期间已有更晚申请的台账生效，本次未替换它。";
      r = pair(summary, r, "结论", verdict);
      if (!figures.isEmpty()) {
        r++;
        summary.value(r++, 0, "本台账计入年度统计的数字");
        for (Map.Entry<String, String> label : FIGURE_LABELS.entrySet()) {
          if (figures.containsKey(label.getKey())) {
            summary.value(r, 0, label.getValue());
            summary.value(r++, 1, figures.get(label.getKey()));
          }
        }
      }
      if (!notes.isEmpty()) {
        r++;
        summary.value(r++, 0, "说明");
        for (String note : notes) {
          summary.value(r++, 1, note);
        }
      }
      Worksheet sheet = workbook.newWorksheet("问题清单");
      int[] widths = {6, 14, 8, 14, 24, 80, 24};
      for (int c = 0; c < HEADINGS.size(); c++) {
        sheet.value(0, c, HEADINGS.get(c));
        sheet.style(0, c).bold().fillColor("FCE4D6").set();
        sheet.width(c, widths[c]);
      }
      sheet.freezePane(0, 1);
      int row = 1;
      for (Finding finding : parsed.findings()) {
        sheet.value(row, 0, row);
        sheet.value(row, 1, finding.sheet());
        if (finding.row() > 0) {
          sheet.value(row, 2, finding.row());
        }
        sheet.value(row, 3, finding.column());
        sheet.value(row, 4, finding.value());
        sheet.value(row, 5, finding.message());
        sheet.value(row, 6, finding.code().name());
        row++;
      }
      if (parsed.findingCount() > parsed.findings().size()) {
        sheet.value(
            row,
            5,
            "另有 " + (parsed.findingCount() - parsed.findings().size()) + " 处问题未列出：请先修改以上问题");
      } else if (parsed.findings().isEmpty()) {
        sheet.value(1, 5, "未发现问题");
      }
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static int pair(Worksheet sheet, int row, String label, String value) {
    sheet.value(row, 0, label);
    sheet.value(row, 1, value);
    return row + 1;
  }
}
