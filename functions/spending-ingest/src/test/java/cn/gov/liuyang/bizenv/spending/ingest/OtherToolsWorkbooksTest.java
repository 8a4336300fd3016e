package cn.gov.liuyang.bizenv.spending.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.ledger.application.ParsedLedger;
import cn.gov.liuyang.bizenv.ledger.fixtures.ParseLedger;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that other tools wrote (xlwt for Excel 97–2003, openpyxl for xlsx; made by
 * tools/fixtures/other_tools_workbooks.py from the 2021 sample), read the way the deployed function
 * reads them: our readers are not only tried on files they made themselves.
 */
class OtherToolsWorkbooksTest {

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"finance-export-xlwt.xls", "finance-export-openpyxl.xlsx"})
  void aFinanceExportWrittenByAnotherTool_isAcceptedWithTheSamplesFigures(String file) {
    ParsedWorkbook parsed =
        Parse.workbook(resource(file), Seed2021.YEAR, SpendingIngestHandler.spreadsheetReader());

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.lines()).hasSize(Seed2021.lines().size());
    assertThat(parsed.totals().orElseThrow().total()).isEqualTo(Money.ofWanYuan("385.5"));
    assertThat(parsed.totals().orElseThrow().project()).isEqualTo(Money.ofWanYuan("200.6"));
    assertThat(parsed.facts()).isEqualTo(UnitYearFacts.NONE);
    assertThat(parsed.statedYears()).extracting(y -> y.value()).containsExactly(2021);
  }

  @Test
  void aCaseLedgerWrittenByAnotherTool_isAcceptedWithEveryCase() {
    ParsedLedger parsed = ParseLedger.of(resource("ledger-openpyxl.xlsx"), 2021);

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.acceptable()).isTrue();
    assertThat(parsed.cases()).hasSize(20);
  }

  private static byte[] resource(String name) {
    try (InputStream in =
        OtherToolsWorkbooksTest.class.getResourceAsStream("/other-tools/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource other-tools/" + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
