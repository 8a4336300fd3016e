package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static cn.gov.liuyang.bizenv.spending.ingest.xls.HandMadeBiff.rkDouble;
import static cn.gov.liuyang.bizenv.spending.ingest.xls.HandMadeBiff.rkHundredths;
import static cn.gov.liuyang.bizenv.spending.ingest.xls.HandMadeBiff.rkInteger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RawCell.Kind;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeOle2;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.poi.hssf.usermodel.HSSFRow;
import org.apache.poi.hssf.usermodel.HSSFSheet;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.IOUtils;
import org.apache.poi.util.RecordFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HssfSpreadsheetReaderTest {
  @TempDir Path dir;

  @Test
  void sheetsArriveInTabOrder_withTheirNames() throws IOException {
    // GIVEN a workbook whose instructions sheet comes first
    HSSFWorkbook workbook = new HSSFWorkbook();
    for (String name : List.of("填表说明", "2021年决算明细", "基本信息", "Sheet3")) {
      workbook.createSheet(name).createRow(0).createCell(0).setCellValue(name);
    }

    // WHEN it is read
    CollectingSink sink = read(XlsWorkbooks.write(workbook, null));

    // THEN every sheet arrives, in tab order, with its name
    assertThat(sink.sheets).containsOnlyKeys("填表说明", "2021年决算明细", "基本信息", "Sheet3");
    assertThat(sink.sheets.keySet()).containsExactly("填表说明", "2021年决算明细", "基本信息", "Sheet3");
    assertThat(sink.cell("基本信息", 1, 0)).isEqualTo(RawCell.text("基本信息"));
  }

  @Test
  void sheetsStoredInAnotherOrderThanTheirTabs_stillArriveInTabOrder() throws IOException {
    // GIVEN a file whose second tab's substream comes first
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("第一").number(0, 0, 1);
    biff.sheet("第二").number(0, 0, 2);
    biff.streamOrder(1, 0);

    // WHEN it is read
    CollectingSink sink = read(biff.xls());

    // THEN the sheets come in tab order, each with its own cells
    assertThat(sink.sheets.keySet()).containsExactly("第一", "第二");
    assertThat(sink.cell("第一", 1, 0)).isEqualTo(RawCell.number("1"));
    assertThat(sink.cell("第二", 1, 0)).isEqualTo(RawCell.number("2"));
  }

  @Test
  void chartSheets_areSkipped() throws IOException {
    // GIVEN a chart sheet between two worksheets
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").number(0, 0, 1);
    biff.chart("图表1").number(0, 0, 99);
    biff.sheet("基本信息").number(0, 0, 2);

    // WHEN it is read, THEN only the worksheets arrive
    CollectingSink sink = read(biff.xls());
    assertThat(sink.sheets.keySet()).containsExactly("明细", "基本信息");
    assertThat(sink.cell("基本信息", 1, 0)).isEqualTo(RawCell.number("2"));
  }

  @Test
  void cellsStoredOutOfRowOrder_arriveInAscendingRowsFromColumnA() throws IOException {
    // GIVEN a writer that put row 5 before row 2, and column C before column A
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").number(4, 2, 3).number(1, 1, 2).number(4, 0, 1);

    // WHEN it is read
    CollectingSink sink = read(biff.xls());

    // THEN rows 2 and 5 arrive in order, blanks filling the columns before a cell
    assertThat(sink.rowNumbers).containsExactly(2, 5);
    assertThat(sink.row("明细", 2)).containsExactly(RawCell.BLANK, RawCell.number("2"));
    assertThat(sink.row("明细", 5))
        .containsExactly(RawCell.number("1"), RawCell.BLANK, RawCell.number("3"));
  }

  @Test
  void numbers_readAsTheDigitsExcelShows() throws IOException {
    // GIVEN numbers stored as doubles
    double[] values = {
      0.1 + 0.2, 1739000.0, 1.0 / 3, 1e20, 123456789012345678.0, -0.5, 1e-7, 12345678.9, 2021, -0.0
    };

    // WHEN read
    List<RawCell> row = read(XlsWorkbooks.write(numbers(values), null)).row("数", 1);

    // THEN each is a number of its digits to 15 significant places, without trailing zeros
    assertThat(row).extracting(RawCell::kind).containsOnly(Kind.NUMBER);
    assertThat(row)
        .extracting(RawCell::text)
        .containsExactly(
            "0.3",
            "1739000",
            "0.333333333333333",
            "100000000000000000000",
            "123456789012346000",
            "-0.5",
            "0.0000001",
            "12345678.9",
            "2021",
            "0");
  }

  @Test
  void rkAndMulRkNumbers_asExcelStoresMostNumbers_readAsNumbers() throws IOException {
    // GIVEN Excel's compact number records: an integer, hundredths, a short double, and a row of
    // them
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细")
        .rk(0, 0, rkInteger(2021))
        .rk(0, 1, rkHundredths(173900055))
        .rk(0, 2, rkDouble(0.5))
        .mulRk(1, 1, rkInteger(30201), rkHundredths(-1250), rkDouble(1739000.0));

    // WHEN it is read
    CollectingSink sink = read(biff.xls());

    // THEN they are numbers with Excel's digits
    assertThat(sink.row("明细", 1))
        .containsExactly(
            RawCell.number("2021"), RawCell.number("1739000.55"), RawCell.number("0.5"));
    assertThat(sink.row("明细", 2))
        .containsExactly(
            RawCell.BLANK,
            RawCell.number("30201"),
            RawCell.number("-12.5"),
            RawCell.number("1739000"));
  }

  @Test
  void booleans_readAsTrueOrFalseText_likeTheXlsxReader() throws IOException {
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").bool(0, 0, true).bool(0, 1, false).formulaSpecial(0, 2, 1, 1);

    assertThat(read(biff.xls()).row("明细", 1))
        .containsExactly(RawCell.text("TRUE"), RawCell.text("FALSE"), RawCell.text("TRUE"));
  }

  @Test
  void errorCells_andFormulasThatGaveAnError_readAsErrors() throws IOException {
    // GIVEN an error typed in, and formulas whose cached results are #DIV/0! and #REF!
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFRow row = workbook.createSheet("明细").createRow(0);
    row.createCell(0).setCellErrorValue(FormulaError.NA.getCode());
    byte[] typed = XlsWorkbooks.write(workbook, null);
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").formulaSpecial(0, 0, 2, 0x07).formulaSpecial(0, 1, 2, 0x17);

    // WHEN read, THEN they are error cells with Excel's text
    assertThat(read(typed).cell("明细", 1, 0)).isEqualTo(new RawCell(Kind.ERROR, "#N/A"));
    assertThat(read(biff.xls()).row("明细", 1))
        .containsExactly(new RawCell(Kind.ERROR, "#DIV/0!"), new RawCell(Kind.ERROR, "#REF!"));
  }

  @Test
  void formulaTextResults_areReadFromTheStringRecordAfterTheFormula() throws IOException {
    // GIVEN formulas whose cached results are texts, in Chinese
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFRow row = workbook.createSheet("明细").createRow(0);
    row.createCell(0).setCellFormula("\"办公\"&\"费\"");
    row.getCell(0).setCellValue("办公费");
    row.createCell(1).setCellFormula("B5");
    row.getCell(1).setCellValue(12.5);

    // WHEN read, THEN the text and the number are the cached values
    assertThat(read(XlsWorkbooks.write(workbook, null)).row("明细", 1))
        .containsExactly(RawCell.text("办公费"), RawCell.number("12.5"));
  }

  @Test
  void aFormulaThatGaveAnEmptyText_isBlank() throws IOException {
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").formulaSpecial(0, 0, 3, 0).number(0, 1, 7);

    assertThat(read(biff.xls()).row("明细", 1)).containsExactly(RawCell.BLANK, RawCell.number("7"));
  }

  @Test
  void aTextResultWhoseStringRecordIsMissing_isUncalculated() throws IOException {
    HandMadeBiff biff = new HandMadeBiff();
    biff.sheet("明细").formulaSpecial(0, 0, 0, 0).number(0, 1, 7);

    assertThat(read(biff.xls()).row("明细", 1))
        .containsExactly(new RawCell(Kind.UNCALCULATED, "=42"), RawCell.number("7"));
  }

  @Test
  void formulasOfASheetSavedWithoutCalculating_areUncalculated() throws IOException {
    // GIVEN a sheet marked as not recalculated (BIFF's UNCALCED record), with stale values
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFSheet sheet = workbook.createSheet("明细");
    HSSFRow row = sheet.createRow(0);
    row.createCell(0).setCellValue(1);
    row.createCell(1).setCellFormula("SUM(A1:A1)");
    sheet.setForceFormulaRecalculation(true);

    // WHEN read, THEN the formula has no value to trust, and says which formula it is
    assertThat(read(XlsWorkbooks.write(workbook, null)).row("明细", 1))
        .containsExactly(RawCell.number("1"), new RawCell(Kind.UNCALCULATED, "=SUM(A1:A1)"));
  }

  @Test
  void texts_fromTheSharedStringTableOrLabelRecords_keepTheirChinese() throws IOException {
    // GIVEN shared strings (as Excel writes them) and LABEL records (as older exports do)
    HandMadeBiff biff = new HandMadeBiff().sst("经济分类科目编码", "单位：元");
    biff.sheet("明细").sst(0, 0, 1).sst(1, 0, 0).label(1, 1, "办公费（30201）").sst(2, 3, 0);

    // WHEN read
    CollectingSink sink = read(biff.xls());

    // THEN each text is itself, and one shared string read twice is the same cell
    assertThat(sink.cell("明细", 1, 0)).isEqualTo(RawCell.text("单位：元"));
    assertThat(sink.row("明细", 2))
        .containsExactly(RawCell.text("经济分类科目编码"), RawCell.text("办公费（30201）"));
    assertThat(sink.cell("明细", 3, 3)).isSameAs(sink.cell("明细", 2, 0));
  }

  @Test
  void rowsWithOnlyFormattedBlankCells_doNotArrive() throws IOException {
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFSheet sheet = workbook.createSheet("明细");
    sheet.createRow(0).createCell(3);
    sheet.createRow(1).createCell(0).setCellValue("   ");
    sheet.createRow(2).createCell(2).setCellValue("表头");

    CollectingSink sink = read(XlsWorkbooks.write(workbook, null));

    assertThat(sink.rowNumbers).containsExactly(3);
    assertThat(sink.row("明细", 3)).containsExactly(RawCell.BLANK, RawCell.BLANK, RawCell.text("表头"));
  }

  @Test
  void readingStops_whenTheSinkWantsNoMore() throws IOException {
    // GIVEN three sheets of ten rows
    HSSFWorkbook workbook = new HSSFWorkbook();
    for (int s = 0; s < 3; s++) {
      HSSFSheet sheet = workbook.createSheet("表" + s);
      for (int r = 0; r < 10; r++) {
        sheet.createRow(r).createCell(0).setCellValue(r);
      }
    }

    // WHEN the sink has enough after three rows
    CollectingSink sink = new CollectingSink().stopAfter(3);
    new HssfSpreadsheetReader().read(file(XlsWorkbooks.write(workbook, null)), sink);

    // THEN no row, and no sheet, follows
    assertThat(sink.rowNumbers).containsExactly(1, 2, 3);
    assertThat(sink.sheets).containsOnlyKeys("表0");
  }

  @Test
  void moreRowsThanTheLimit_isRefusedAsTooManyRows() throws IOException {
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFSheet sheet = workbook.createSheet("明细");
    for (int r = 0; r < 6; r++) {
      sheet.createRow(r).createCell(0).setCellValue(r);
    }
    Path file = file(XlsWorkbooks.write(workbook, null));

    assertThatThrownBy(() -> new HssfSpreadsheetReader(5).read(file, new CollectingSink()))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class,
            e -> {
              assertThat(e.finding().code()).isEqualTo(FindingCode.TOO_MANY_ROWS);
              assertThat(e.finding().message()).contains("超过 5 行");
            });
  }

  @Test
  void aBugInTheSink_surfacesAsItself_notAsADamagedFile() throws IOException {
    HSSFWorkbook workbook = new HSSFWorkbook();
    workbook.createSheet("明细").createRow(0).createCell(0).setCellValue(1);
    Path file = file(XlsWorkbooks.write(workbook, null));
    IllegalStateException bug = new IllegalStateException("a bug in the parser");
    RowSink failing =
        new RowSink() {
          @Override
          public void startSheet(String name) {}

          @Override
          public void row(int number, List<RawCell> cells) {
            throw bug;
          }

          @Override
          public boolean wantsMore() {
            return true;
          }
        };

    assertThatThrownBy(() -> new HssfSpreadsheetReader().read(file, failing)).isSameAs(bug);
  }

  @Test
  void aWorkbookProtectedOnlyWithExcelsDefaultPassword_isRead() throws IOException {
    // GIVEN a workbook encrypted with the password Excel uses when none is asked on opening
    HSSFWorkbook workbook = new HSSFWorkbook();
    workbook.createSheet("明细").createRow(0).createCell(0).setCellValue("只读保护");

    // WHEN read, THEN it reads as Excel opens it: without asking
    assertThat(read(XlsWorkbooks.write(workbook, "VelvetSweatshop")).cell("明细", 1, 0))
        .isEqualTo(RawCell.text("只读保护"));
  }

  @Test
  void excel95Workbooks_areRefusedAsLegacy_whetherByStreamNameOrByVersion() throws IOException {
    byte[] book = new HandMadeOle2().stream("Book", HandMadeOle2.biff5Bof()).bytes();
    HandMadeBiff biff5 = new HandMadeBiff().version(0x0500);
    biff5.sheet("Sheet1").number(0, 0, 1);

    for (byte[] old : List.of(book, biff5.xls())) {
      Path file = file(old);
      assertThatThrownBy(() -> new HssfSpreadsheetReader().read(file, new CollectingSink()))
          .isInstanceOfSatisfying(
              UnreadableWorkbook.class,
              e -> {
                assertThat(e.finding().code()).isEqualTo(FindingCode.LEGACY_XLS);
                assertThat(e.finding().message()).contains("Excel 5.0/95", ".xlsx");
              });
    }
  }

  @Test
  void readingAnXls_capsAnyOneAllocationOfPoiAtTheUploadLimit() throws IOException {
    // GIVEN an .xls has been read
    HSSFWorkbook workbook = new HSSFWorkbook();
    workbook.createSheet("明细").createRow(0).createCell(0).setCellValue(1);
    read(XlsWorkbooks.write(workbook, null));

    // THEN no length a file declares can make POI allocate more than an upload can hold
    assertThat(IOUtils.getByteArrayMaxOverride())
        .isEqualTo(HssfSpreadsheetReader.MAX_ALLOCATION)
        .isEqualTo((int) IngestUpload.MAX_BYTES);
    assertThatThrownBy(() -> IOUtils.safelyAllocate(IngestUpload.MAX_BYTES + 1, Integer.MAX_VALUE))
        .isInstanceOf(RecordFormatException.class);
  }

  // ------------------------------------------------------------------ helpers

  private static HSSFWorkbook numbers(double[] values) {
    HSSFWorkbook workbook = new HSSFWorkbook();
    HSSFRow row = workbook.createSheet("数").createRow(0);
    for (int c = 0; c < values.length; c++) {
      row.createCell(c).setCellValue(values[c]);
    }
    return workbook;
  }

  private CollectingSink read(byte[] xls) throws IOException {
    CollectingSink sink = new CollectingSink();
    new HssfSpreadsheetReader().read(file(xls), sink);
    return sink;
  }

  private Path file(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "workbook-", ".xls");
    Files.write(file, bytes);
    return file;
  }
}
