package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.application.FindingsReportWriter;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * The workbook finance downloads after an upload: a 校验结果 sheet (outcome and reconciled totals) and
 * a 问题清单 sheet (one row per finding: sheet, row, column, value, what is wrong, code), both as
 * {@link ResultsSheets} writes them.
 */
public final class FastExcelFindingsReport implements FindingsReportWriter {
  @Override
  public byte[] write(
      Submission submission, ParsedWorkbook parsed, boolean adopted, List<String> notes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      Workbook workbook = new Workbook(out, "bizenv", "1.0");
      writeSummary(workbook.newWorksheet("校验结果"), submission, parsed, adopted, notes);
      ResultsSheets.findings(
          workbook.newWorksheet("问题清单"),
          parsed.findings(),
          parsed.findingCount(),
          new int[] {6, 16, 8, 18, 20, 80, 26});
      workbook.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static void writeSummary(
      Worksheet sheet,
      Submission submission,
      ParsedWorkbook parsed,
      boolean adopted,
      List<String> notes) {
    int r = ResultsSheets.title(sheet, submission.year() + " 年度支出数据校验结果", 24, 60);
    r = ResultsSheets.pair(sheet, r, "提交编号", submission.id().value());
    r = ResultsSheets.pair(sheet, r, "单位", submission.unit().value());
    r = ResultsSheets.pair(sheet, r, "文件", submission.fileName());
    String verdict;
    if (!parsed.acceptable()) {
      verdict = "未通过：发现 " + parsed.findingCount() + " 处问题，本次数据未采用，原有数据保持不变。请按“问题清单”修改后重新上传。";
    } else if (submission.kind() == SubmissionKind.CHECK) {
      verdict = "预检通过：共 " + parsed.lines().size() + " 行明细。本次数据尚未启用，在用数据保持不变；核对与在用数据的对比后，可一键启用。";
    } else if (adopted) {
      verdict = "通过：共 " + parsed.lines().size() + " 行明细，已作为本年度数据。";
    } else {
      verdict = "通过，但已有更新的提交被采用：本次数据仅存档。";
    }
    r = ResultsSheets.pair(sheet, r, "结论", verdict);
    if (parsed.totals().isPresent() && parsed.acceptable()) {
      SpendingTotals totals = parsed.totals().get();
      r++;
      sheet.value(r++, 0, "核对结果（万元）");
      r = ResultsSheets.pair(sheet, r, "支出合计", wan(totals.total()));
      r = ResultsSheets.pair(sheet, r, "  基本支出", wan(totals.basic()));
      r = ResultsSheets.pair(sheet, r, "    人员经费", wan(totals.personnel()));
      r = ResultsSheets.pair(sheet, r, "    日常公用经费", wan(totals.publicOperating()));
      r = ResultsSheets.pair(sheet, r, "  项目支出", wan(totals.project()));
      r = ResultsSheets.pair(sheet, r, "三公经费", wan(totals.sanGong()));
      r = ResultsSheets.pair(sheet, r, "项目个数", Integer.toString(totals.projects()));
      // the optional rows, so finance sees which were recognised (a row not listed was not read)
      ProcurementAndAdjustment optional = parsed.facts().procurementAndAdjustment();
      r = optionalPair(sheet, r, "政府采购预算数", optional.procurementBudget());
      r = optionalPair(sheet, r, "政府采购实际数", optional.procurementActual());
      r = optionalPair(sheet, r, "预算调整数", optional.budgetAdjustment());
    }
    ResultsSheets.notes(sheet, r, notes);
  }

  private static int optionalPair(Worksheet sheet, int row, String label, Optional<Money> amount) {
    return amount.isPresent() ? ResultsSheets.pair(sheet, row, label, wan(amount.get())) : row;
  }

  private static String wan(Money money) {
    return money.toWanYuan(2).stripTrailingZeros().toPlainString();
  }
}
