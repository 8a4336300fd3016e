package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.util.List;
import org.dhatim.fastexcel.Worksheet;

/**
 * What the 校验结果.xlsx of a spending workbook and of a ledger write alike: the summary sheet's title,
 * label–value rows and notes, and the 问题清单 sheet (one row per finding: sheet, row, column, value,
 * what is wrong, code).
 */
public final class ResultsSheets {
  private static final List<String> HEADINGS =
      List.of("序号", "工作表", "行号", "列", "所填内容", "问题及修改方法", "问题代码");

  private ResultsSheets() {}

  /** The summary sheet's two columns and title; the row the first label–value row goes on. */
  public static int title(Worksheet sheet, String title, int labelWidth, int valueWidth) {
    sheet.width(0, labelWidth);
    sheet.width(1, valueWidth);
    sheet.value(0, 0, title);
    sheet.style(0, 0).bold().fontSize(14).set();
    return 2;
  }

  /** A label and its value on {@code row}; the next row. */
  public static int pair(Worksheet sheet, int row, String label, String value) {
    sheet.value(row, 0, label);
    sheet.value(row, 1, value);
    return row + 1;
  }

  /** The notes under a 说明 heading after a blank row, when there are any; the next row. */
  public static int notes(Worksheet sheet, int row, List<String> notes) {
    if (notes.isEmpty()) {
      return row;
    }
    int r = row + 1;
    sheet.value(r++, 0, "说明");
    for (String note : notes) {
      sheet.value(r++, 1, note);
    }
    return r;
  }

  /**
   * The 问题清单 sheet: the findings kept, a line for those left out of {@code findingCount}, or 未发现问题.
   *
   * @param widths the seven columns' widths
   */
  public static void findings(
      Worksheet sheet, List<Finding> findings, int findingCount, int[] widths) {
    for (int c = 0; c < HEADINGS.size(); c++) {
      sheet.value(0, c, HEADINGS.get(c));
      sheet.style(0, c).bold().fillColor("FCE4D6").set();
      sheet.width(c, widths[c]);
    }
    sheet.freezePane(0, 1);
    int r = 1;
    for (Finding finding : findings) {
      sheet.value(r, 0, r);
      sheet.value(r, 1, finding.sheet());
      if (finding.row() > 0) {
        sheet.value(r, 2, finding.row());
      }
      sheet.value(r, 3, finding.column());
      sheet.value(r, 4, finding.value());
      sheet.value(r, 5, finding.message());
      sheet.value(r, 6, finding.code().name());
      r++;
    }
    if (findingCount > findings.size()) {
      sheet.value(r, 5, "另有 " + (findingCount - findings.size()) + " 处问题未列出：请先修改以上问题");
    }
    if (findingCount == 0) {
      sheet.value(1, 5, "未发现问题");
    }
  }
}
