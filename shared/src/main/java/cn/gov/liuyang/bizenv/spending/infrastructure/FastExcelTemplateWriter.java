package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.application.TemplateWriter;
import cn.gov.liuyang.bizenv.spending.model.EconomicClassification;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Range;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** The template workbook, written with fastexcel: amounts in 万元, drop-downs from a code sheet. */
public record FastExcelTemplateWriter(EconomicClassification classification)
    implements TemplateWriter {
  static final List<String> HEADINGS =
      List.of("年度", "支出类型", "项目名称", "经济分类科目编码", "经济分类科目名称", "预算数", "执行数", "资金来源");
  private static final List<String> FUND_SOURCES = List.of("财政拨款", "财政专户管理资金", "单位资金", "其他资金");
  private static final int FIRST_LINE = 3;
  private static final int INPUT_ROWS = 2_000;

  @Override
  public void write(FiscalYear year, Optional<Prefill> prefill, OutputStream out)
      throws IOException {
    Workbook workbook = new Workbook(out, "bizenv", "1.0");
    Worksheet lines = workbook.newWorksheet("支出明细");
    Worksheet info = workbook.newWorksheet("基本信息");
    Worksheet guide = workbook.newWorksheet("填表说明");
    Worksheet codes = workbook.newWorksheet("代码表");

    int codeRows = writeCodes(codes);
    writeLinesSheet(lines, codes, year, prefill.map(Prefill::lines).orElse(List.of()), codeRows);
    writeInfoSheet(info, prefill);
    writeGuide(guide);
    workbook.finish();
  }

  private static void writeLinesSheet(
      Worksheet sheet, Worksheet codes, FiscalYear year, List<SpendingLine> prefill, int codeRows) {
    sheet.value(0, 0, year + " 年度部门支出明细表");
    sheet.range(0, 0, 0, HEADINGS.size() - 1).merge();
    sheet.style(0, 0).bold().fontSize(14).horizontalAlignment("center").set();
    sheet.value(1, HEADINGS.size() - 1, "单位：万元");
    for (int c = 0; c < HEADINGS.size(); c++) {
      sheet.value(2, c, HEADINGS.get(c));
      sheet.style(2, c).bold().fillColor("DDEBF7").borderStyle("thin").wrapText(true).set();
    }
    int[] widths = {8, 12, 28, 18, 24, 14, 14, 14};
    for (int c = 0; c < widths.length; c++) {
      sheet.width(c, widths[c]);
    }
    sheet.freezePane(0, FIRST_LINE);
    int last = FIRST_LINE + INPUT_ROWS - 1;
    sheet
        .range(FIRST_LINE, 1, last, 1)
        .validateWithList(codesRange(codes, 2, 2))
        .errorStyle(DataValidationErrorStyle.STOP)
        .showErrorMessage(true)
        .errorTitle("支出类型")
        .error("请选择“基本支出”或“项目支出”");
    sheet
        .range(FIRST_LINE, 3, last, 3)
        .validateWithList(codesRange(codes, 0, codeRows))
        .errorStyle(DataValidationErrorStyle.STOP)
        .showErrorMessage(true)
        .errorTitle("经济分类科目编码")
        .error("请从下拉列表中选择 5 位经济分类科目编码");
    sheet
        .range(FIRST_LINE, 7, last, 7)
        .validateWithList(codesRange(codes, 3, FUND_SOURCES.size()))
        .showErrorMessage(false);
    int r = FIRST_LINE;
    for (SpendingLine line : prefill) {
      sheet.value(r, 0, year.value());
      sheet.value(r, 1, line.type().label());
      sheet.value(r, 2, line.project().orElse(""));
      sheet.value(r, 3, line.economicCode().value());
      sheet.value(r, 4, line.economicName());
      sheet.value(r, 5, wan(line.budget()));
      sheet.value(r, 6, wan(line.actual()));
      sheet.value(r, 7, line.fundSource());
      r++;
    }
    if (!prefill.isEmpty()) {
      Money budget = Money.ZERO;
      Money actual = Money.ZERO;
      for (SpendingLine line : prefill) {
        budget = budget.plus(line.budget());
        actual = actual.plus(line.actual());
      }
      sheet.value(r, 1, "合计");
      sheet.value(r, 5, wan(budget));
      sheet.value(r, 6, wan(actual));
      sheet.style(r, 1).bold().set();
    }
  }

  /** Rows 2.. of a 代码表 column, for list validation. */
  private static Range codesRange(Worksheet codes, int column, int rows) {
    return codes.range(1, column, rows, column);
  }

  private int writeCodes(Worksheet sheet) {
    sheet.value(0, 0, "经济分类科目编码");
    sheet.value(0, 1, "经济分类科目名称");
    sheet.value(0, 2, "支出类型");
    sheet.value(0, 3, "资金来源");
    int r = 1;
    for (Map.Entry<String, String> item : classification.items().entrySet()) {
      sheet.value(r, 0, item.getKey());
      sheet.value(r, 1, item.getValue());
      r++;
    }
    sheet.value(1, 2, ExpenditureType.BASIC.label());
    sheet.value(2, 2, ExpenditureType.PROJECT.label());
    for (int i = 0; i < FUND_SOURCES.size(); i++) {
      sheet.value(1 + i, 3, FUND_SOURCES.get(i));
    }
    sheet.width(0, 18);
    sheet.width(1, 28);
    return r - 1;
  }

  private static void writeInfoSheet(Worksheet sheet, Optional<Prefill> prefill) {
    sheet.value(0, 0, "基本信息");
    sheet.style(0, 0).bold().fontSize(14).set();
    sheet.value(1, 0, "项目");
    sheet.value(1, 1, "数值");
    sheet.value(2, 0, "编制数（人）");
    sheet.value(3, 0, "在职人数（人）");
    sheet.value(4, 0, "上年三公经费决算数（万元）");
    sheet.value(5, 0, "本年三公经费预算数（万元）");
    // optional: the parser reads a blank value as not stated
    sheet.value(6, 0, "政府采购预算数（万元）（选填）");
    sheet.value(7, 0, "政府采购实际数（万元）（选填）");
    sheet.value(8, 0, "预算调整数（万元）（选填，调减填负数）");
    sheet.width(0, 40);
    sheet.width(1, 14);
    prefill.ifPresent(
        figures -> {
          UnitYearFacts facts = figures.facts();
          facts.headcount(Fact.AUTHORIZED_POSTS).ifPresent(count -> sheet.value(2, 1, count));
          facts.headcount(Fact.STAFF_ON_PAYROLL).ifPresent(count -> sheet.value(3, 1, count));
          int row = 4;
          for (Fact fact :
              List.of(
                  Fact.PRIOR_YEAR_SAN_GONG,
                  Fact.SAN_GONG_BUDGET,
                  Fact.PROCUREMENT_BUDGET,
                  Fact.PROCUREMENT_ACTUAL,
                  Fact.BUDGET_ADJUSTMENT)) {
            int at = row++;
            facts.amount(fact).ifPresent(amount -> sheet.value(at, 1, wan(amount)));
          }
        });
  }

  private static void writeGuide(Worksheet sheet) {
    List<String> guide =
        List.of(
            "填表说明",
            "1. “支出明细”表每行填写一个经济分类科目的支出：基本支出不填项目名称，项目支出必须填写项目名称。",
            "2. 经济分类科目编码填到款级（5 位，如 30201），可从下拉列表选择；名称可不填，系统按编码核对。",
            "3. 金额单位为万元，最多 6 位小数（精确到分）；没有发生请填 0。可保留或删除合计行，合计行只用于核对。",
            "4. “基本信息”表填写编制数、在职人数和三公经费（没有请填 0）；政府采购预算数、政府采购实际数和预算调整数为选填，"
                + "填写后报告将列出政府采购和预算调整情况。预算调整数为全年调整后预算减去年初预算的差额，调减填负数。",
            "5. 同一支出类型、项目、科目和资金来源只能有一行。上传后系统逐行校验，全部通过才会采用本次数据；",
            "   未通过时原有数据保持不变，并提供逐行的问题清单。");
    for (int i = 0; i < guide.size(); i++) {
      sheet.value(i, 0, guide.get(i));
    }
    sheet.width(0, 100);
  }

  private static BigDecimal wan(Money money) {
    return money.yuan().divide(BigDecimal.valueOf(10_000)).stripTrailingZeros();
  }
}
