package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx.ErrorValue;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx.Formula;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.ingest.SpendingIngestHandler;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import org.junit.jupiter.api.Test;

/** An .xls import gives exactly what the same workbook gives as .xlsx: lines, totals, findings. */
class XlsImportTest {

  @Test
  void theClerksMessySheetAsXls_importsExactlyAsTheSameSheetAsXlsx() {
    // GIVEN the clerk's sheet (instructions sheet first, title row, 单位：元 line, merged two-row
    // headings, amounts as numbers and as text with thousands separators, 小计/合计 formulas with
    // cached values, blank rows, an empty sheet) as .xlsx and as .xls
    byte[] xlsx = SpendingWorkbooks.seedMessy();
    byte[] xls = XlsWorkbooks.seedMessy();

    // WHEN both are imported the way the function imports them
    ParsedWorkbook fromXlsx = Parse.workbook(xlsx, Seed2021.YEAR, deployed());
    ParsedWorkbook fromXls = Parse.workbook(xls, Seed2021.YEAR, deployed());

    // THEN the .xls is accepted with the seed's figures, and nothing differs from the .xlsx
    assertThat(fromXls.findings()).isEmpty();
    assertThat(fromXls.acceptable()).isTrue();
    SpendingTotals totals = fromXls.totals().orElseThrow();
    assertThat(totals.total()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(totals.basic()).isEqualTo(Money.ofWanYuan("184.9"));
    assertThat(totals.project()).isEqualTo(Money.ofWanYuan("200.6"));
    assertThat(totals.sanGong()).isEqualTo(Money.ofWanYuan("0.5"));
    assertThat(fromXls.lines()).hasSize(Seed2021.lines().size());
    assertThat(fromXls.staffing()).contains(Seed2021.STAFFING);
    assertThat(fromXls).isEqualTo(fromXlsx);
  }

  @Test
  void aFormulaNeverCalculated_isTheSameFindingAsInXlsx() {
    HandMadeXlsx workbook = SpendingWorkbooks.messy(Seed2021.lines());
    workbook.sheet("2021年决算明细").row("基本", null, "30201", "办公费", 0, new Formula("E30*2", null));

    ParsedWorkbook parsed = Parse.workbook(XlsWorkbooks.of(workbook), Seed2021.YEAR, deployed());

    assertThat(parsed.acceptable()).isFalse();
    assertThat(parsed.findings())
        .extracting(Finding::code)
        .contains(FindingCode.FORMULA_NOT_CALCULATED);
  }

  @Test
  void anErrorAsAmount_isTheSameFindingAsInXlsx() {
    HandMadeXlsx workbook = SpendingWorkbooks.messy(Seed2021.lines());
    workbook.sheet("2021年决算明细").row("基本", null, "30201", "办公费", 0, new ErrorValue("#REF!"));

    ParsedWorkbook fromXls = Parse.workbook(XlsWorkbooks.of(workbook), Seed2021.YEAR, deployed());
    ParsedWorkbook fromXlsx = Parse.workbook(workbook.bytes(), Seed2021.YEAR, deployed());

    assertThat(fromXls.findings()).extracting(Finding::code).contains(FindingCode.CELL_ERROR);
    assertThat(fromXls.findings()).isEqualTo(fromXlsx.findings());
  }

  private static SpreadsheetReader deployed() {
    return SpendingIngestHandler.spreadsheetReader();
  }
}
