package cn.gov.liuyang.bizenv.ledger.infrastructure;

import cn.gov.liuyang.bizenv.ledger.application.LedgerReportWriter;
import cn.gov.liuyang.bizenv.ledger.application.ParsedLedger;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.infrastructure.ResultsSheets;
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
      int r = ResultsSheets.title(summary, submission.year() + " 年度投诉台账校验结果", 28, 70);
      r = ResultsSheets.pair(summary, r, "提交编号", submission.id().value());
      r = ResultsSheets.pair(summary, r, "单位", submission.unit().value());
      r = ResultsSheets.pair(summary, r, "文件", submission.fileName());
      String verdict =
          !parsed.acceptable()
              ? "未通过：发现 " + parsed.findingCount() + " 处问题，本次台账未导入，原有数据保持不变。请按“问题清单”修改后重新上传。"
              : current
                  ? "已导入：共 " + parsed.cases().size() + " 件案件，替换本单位该年度此前导入的台账。"
                  : "已通过校验，但导入期间已有更晚申请的台账生效，本次未替换它。";
      r = ResultsSheets.pair(summary, r, "结论", verdict);
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
      ResultsSheets.notes(summary, r, notes);
      ResultsSheets.findings(
          workbook.newWorksheet("问题清单"),
          parsed.findings(),
          parsed.findingCount(),
          new int[] {6, 14, 8, 14, 24, 80, 24});
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
