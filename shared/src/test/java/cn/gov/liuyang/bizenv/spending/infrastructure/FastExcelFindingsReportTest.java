package cn.gov.liuyang.bizenv.spending.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FastExcelFindingsReportTest {
  private static final Submission SUBMISSION =
      Submission.requested(
          UploadKey.parse("spending/lyyshj/2021/" + "c".repeat(32) + ".xlsx").orElseThrow(),
          "2021年度支出明细.xlsx",
          Instant.parse("2022-01-10T02:00:00Z"),
          "finance");

  @Test
  void theOptionalFiguresRead_areListedWithTheTotals_soFinanceSeesTheyWereRecognised()
      throws IOException {
    // GIVEN a workbook stating 政府采购 but not 预算调整
    ParsedWorkbook parsed =
        Parse.workbook(
            SpendingWorkbooks.seedTemplate(
                new ProcurementAndAdjustment(
                    Optional.of(Money.ofWanYuan("40")),
                    Optional.of(Money.ofYuan("423456.78")),
                    Optional.empty())));

    // WHEN
    List<List<String>> summary =
        rowsOf(
            new FastExcelFindingsReport().write(SUBMISSION, parsed, true, parsed.notes()), "校验结果");

    // THEN
    assertThat(summary)
        .contains(List.of("政府采购预算数", "40"), List.of("政府采购实际数", "42.35"))
        .noneMatch(row -> row.get(0).equals("预算调整数"));
  }

  @Test
  void aWorkbookWithoutThem_listsNone() throws IOException {
    ParsedWorkbook parsed = Parse.workbook(SpendingWorkbooks.seedTemplate());

    List<List<String>> summary =
        rowsOf(
            new FastExcelFindingsReport().write(SUBMISSION, parsed, true, parsed.notes()), "校验结果");

    assertThat(summary)
        .extracting(row -> row.get(0))
        .contains("项目个数")
        .noneMatch(label -> label.startsWith("政府采购") || label.equals("预算调整数"));
  }

  private static List<List<String>> rowsOf(byte[] workbook, String sheetName) throws IOException {
    Path file = Files.createTempFile("findings-", ".xlsx");
    try {
      Files.write(file, workbook);
      List<List<String>> rows = new ArrayList<>();
      new SniffingSpreadsheetReader()
          .read(
              file,
              new RowSink() {
                private String sheet = "";

                @Override
                public void startSheet(String name) {
                  sheet = name;
                }

                @Override
                public void row(int number, List<RawCell> cells) {
                  if (sheet.equals(sheetName)) {
                    rows.add(cells.stream().map(RawCell::text).toList());
                  }
                }

                @Override
                public boolean wantsMore() {
                  return true;
                }
              });
      return rows;
    } finally {
      Files.deleteIfExists(file);
    }
  }
}
