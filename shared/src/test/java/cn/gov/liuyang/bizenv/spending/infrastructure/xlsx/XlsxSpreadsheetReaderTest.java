package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RawCell.Kind;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XlsxSpreadsheetReaderTest {
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String RELS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  @TempDir Path dir;

  @Test
  void readsEveryKindOfCellAsTheFileStoresIt() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put(
        "xl/sharedStrings.xml",
        "<sst xmlns=\""
            + MAIN
            + "\"><si><t>办公费</t></si>"
            + "<si><r><rPr><b/></rPr><t>项目</t></r><r><t xml:space=\"preserve\"> 一</t></r>"
            + "<rPh sb=\"0\" eb=\"1\"><t>xiangmu</t></rPh></si></sst>");
    parts.put(
        "xl/worksheets/sheet1.xml",
        sheet(
            "<row r=\"2\">"
                + "<c r=\"A2\" t=\"s\"><v>1</v></c>"
                + "<c r=\"B2\" t=\"s\"><v>0</v></c>"
                + "<c r=\"C2\"><v>3.8999999999999999</v></c>"
                + "<c r=\"D2\"><f>SUM(C2:C3)</f><v>12.5</v></c>"
                + "<c r=\"E2\"><f>SUM(C2:C3)</f></c>"
                + "<c r=\"F2\" t=\"e\"><v>#REF!</v></c>"
                + "<c r=\"G2\" t=\"inlineStr\"><is><t>资金&amp;来源</t></is></c>"
                + "<c r=\"H2\" t=\"str\"><f>A2&amp;B2</f><v>项目 一办公费</v></c>"
                + "<c r=\"I2\" t=\"b\"><v>1</v></c>"
                + "<c r=\"K2\" s=\"3\"/>"
                + "</row>"));

    List<Row> rows = read(parts);

    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).number()).isEqualTo(2);
    assertThat(rows.get(0).cells())
        .containsExactly(
            RawCell.text("项目 一"),
            RawCell.text("办公费"),
            RawCell.number("3.8999999999999999"),
            RawCell.number("12.5"),
            new RawCell(Kind.UNCALCULATED, "=SUM(C2:C3)"),
            new RawCell(Kind.ERROR, "#REF!"),
            RawCell.text("资金&来源"),
            RawCell.text("项目 一办公费"),
            RawCell.text("1"),
            RawCell.BLANK,
            RawCell.BLANK);
  }

  @Test
  void placesCellsByTheirReferenceAndCountsOnWhereWritersLeaveReferencesOut() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put(
        "xl/worksheets/sheet1.xml",
        sheet(
            "<row r=\"1\"><c r=\"C1\"><v>3</v></c><c><v>4</v></c></row>"
                + "<row><c><v>1</v></c><c r=\"AA2\"><v>27</v></c></row>"
                + "<row r=\"7\"/>"));

    List<Row> rows = read(parts);

    assertThat(rows).extracting(Row::number).containsExactly(1, 2, 7);
    assertThat(rows.get(0).cells())
        .containsExactly(RawCell.BLANK, RawCell.BLANK, RawCell.number("3"), RawCell.number("4"));
    assertThat(rows.get(1).cells()).hasSize(27);
    assertThat(rows.get(1).cells().get(26)).isEqualTo(RawCell.number("27"));
    assertThat(rows.get(2).cells()).isEmpty();
  }

  @Test
  void followsTheWorkbooksSheetOrderAndNamesThroughItsRelationships() throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "_rels/.rels",
        rels(
            "<Relationship Id=\"r1\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument\""
                + " Target=\"/Book/Main.xml\"/>"));
    parts.put(
        "Book/Main.xml",
        "<workbook xmlns=\"http://purl.oclc.org/ooxml/spreadsheetml/main\" xmlns:r=\""
            + RELS
            + "\"><sheets><sheet name=\"基本信息\" sheetId=\"2\" r:id=\"b\"/>"
            + "<sheet name=\"图表\" sheetId=\"3\" r:id=\"c\"/>"
            + "<sheet name=\"明细\" sheetId=\"1\" r:id=\"a\"/></sheets></workbook>");
    parts.put(
        "Book/_rels/Main.xml.rels",
        rels(
            "<Relationship Id=\"a\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\""
                + " Target=\"sheets/one.xml\"/>"
                + "<Relationship Id=\"b\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet\""
                + " Target=\"../Book/sheets/Two.xml\"/>"
                + "<Relationship Id=\"c\" Type=\"http://purl.oclc.org/ooxml/officeDocument/relationships/chartsheet\""
                + " Target=\"charts/one.xml\"/>"));
    parts.put("Book/sheets/one.xml", sheet("<row r=\"1\"><c><v>1</v></c></row>"));
    // part names are case-insensitive in OPC
    parts.put("book/sheets/two.xml", sheet("<row r=\"1\"><c><v>2</v></c></row>"));
    parts.put("Book/charts/one.xml", "<chartsheet/>");

    List<String> seen = new ArrayList<>();
    new XlsxSpreadsheetReader()
        .read(
            file(parts),
            new Recorder() {
              @Override
              public void startSheet(String name) {
                seen.add(name);
              }

              @Override
              public void row(int number, List<RawCell> cells) {
                seen.add(cells.get(0).text());
              }
            });

    assertThat(seen).containsExactly("基本信息", "2", "明细", "1");
  }

  @Test
  void aZipWithoutAWorkbookIsNotASpreadsheet() throws IOException {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put("word/document.xml", "<w:document xmlns:w=\"urn:w\"/>");

    assertRefused(parts, FindingCode.NOT_A_SPREADSHEET);
  }

  @Test
  void aZipBombIsStoppedWhileInflatingEvenWhenItsDirectoryUnderstatesItsSize() throws IOException {
    Map<String, String> parts = workbook("明细");
    // elements no row needs, which inflate a thousandfold
    parts.put("xl/worksheets/sheet1.xml", sheet("<x/>".repeat(2 << 20) + "<row r=\"1\"/>"));
    byte[] honest = zip(parts);
    byte[] lying = understateSizes(honest, 2_000);

    Path file = dir.resolve("bomb.xlsx");
    Files.write(file, lying);

    assertThatThrownBy(() -> new XlsxSpreadsheetReader().read(file, new Recorder()))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class,
            e -> {
              assertThat(e.finding().code()).isEqualTo(FindingCode.ARCHIVE_SUSPICIOUS);
              assertThat(e.finding().message()).contains("压缩炸弹");
            });
  }

  @Test
  void aSingleTextLongerThanAnyCellCouldHoldIsRefusedBeforeTheParserHoldsIt() throws IOException {
    Random random = new Random(7);
    StringBuilder text = new StringBuilder();
    while (text.length() < (1 << 20) + 10) {
      text.append((char) ('a' + random.nextInt(26)));
    }
    Map<String, String> parts = workbook("明细");
    parts.put(
        "xl/worksheets/sheet1.xml",
        sheet("<row r=\"1\"><c t=\"inlineStr\"><is><t>" + text + "</t></is></c></row>"));

    assertRefused(parts, FindingCode.ARCHIVE_SUSPICIOUS);
  }

  @Test
  void cdataIsRefusedWhereTextIsKept() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put(
        "xl/worksheets/sheet1.xml",
        sheet("<row r=\"1\"><c t=\"str\"><v><![CDATA[<<>>]]></v></c></row>"));

    assertRefused(parts, FindingCode.WORKBOOK_UNREADABLE);
  }

  @Test
  void xmlInAnotherEncodingThanUtf8IsRefused() throws IOException {
    Map<String, String> parts = workbook("明细");
    String utf16 =
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + sheet("<row r=\"1\"><c><v>1</v></c></row>");
    Map<String, byte[]> bytes = encode(parts, StandardCharsets.UTF_8);
    bytes.put("xl/worksheets/sheet1.xml", utf16.getBytes(StandardCharsets.UTF_16));
    Path file = dir.resolve("utf16.xlsx");
    Files.write(file, zipBytes(bytes));

    assertThatThrownBy(() -> new XlsxSpreadsheetReader().read(file, new Recorder()))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class,
            e -> assertThat(e.finding().code()).isEqualTo(FindingCode.WORKBOOK_UNREADABLE));
  }

  @Test
  void aTextCellPointingPastTheSharedStringsIsADamagedFile() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put("xl/sharedStrings.xml", "<sst xmlns=\"" + MAIN + "\"><si><t>一</t></si></sst>");
    parts.put("xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c t=\"s\"><v>1</v></c></row>"));

    assertRefused(parts, FindingCode.WORKBOOK_UNREADABLE);
  }

  @Test
  void aColumnBeyondExcelsLastIsADamagedFile() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put("xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row>"));

    assertRefused(parts, FindingCode.WORKBOOK_UNREADABLE);
  }

  @Test
  void theSinksOwnFailureComesThroughAsItselfNotAsADamagedFile() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put("xl/worksheets/sheet1.xml", sheet("<row r=\"1\"><c><v>1</v></c></row>"));
    Path file = file(parts);

    assertThatThrownBy(
            () ->
                new XlsxSpreadsheetReader()
                    .read(
                        file,
                        new Recorder() {
                          @Override
                          public void row(int number, List<RawCell> cells) {
                            throw new IllegalStateException("a bug in the sink");
                          }
                        }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug in the sink");
  }

  @Test
  void stopsReadingAsSoonAsTheSinkHasSeenEnough() throws IOException {
    Map<String, String> parts = workbook("明细");
    parts.put(
        "xl/worksheets/sheet1.xml",
        sheet("<row r=\"1\"><c><v>1</v></c></row><row r=\"2\"><c><v>2</v></c></row>"));
    List<Integer> seen = new ArrayList<>();

    new XlsxSpreadsheetReader()
        .read(
            file(parts),
            new Recorder() {
              @Override
              public void row(int number, List<RawCell> cells) {
                seen.add(number);
              }

              @Override
              public boolean wantsMore() {
                return seen.isEmpty();
              }
            });

    assertThat(seen).containsExactly(1);
  }

  // ---- building packages

  private record Row(int number, List<RawCell> cells) {}

  private static class Recorder implements RowSink {
    final List<Row> rows = new ArrayList<>();

    @Override
    public void startSheet(String name) {}

    @Override
    public void row(int number, List<RawCell> cells) {
      rows.add(new Row(number, List.copyOf(cells)));
    }

    @Override
    public boolean wantsMore() {
      return true;
    }
  }

  private List<Row> read(Map<String, String> parts) throws IOException {
    Recorder recorder = new Recorder();
    new XlsxSpreadsheetReader().read(file(parts), recorder);
    return recorder.rows;
  }

  private void assertRefused(Map<String, String> parts, FindingCode code) throws IOException {
    Path file = file(parts);
    assertThatThrownBy(() -> new XlsxSpreadsheetReader().read(file, new Recorder()))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class, e -> assertThat(e.finding().code()).isEqualTo(code));
  }

  private Path file(Map<String, String> parts) throws IOException {
    Path file = Files.createTempFile(dir, "workbook", ".xlsx");
    Files.write(file, zip(parts));
    return file;
  }

  /** The smallest package Excel would open: relationships, a workbook and one worksheet. */
  private static Map<String, String> workbook(String sheetName) {
    Map<String, String> parts = new LinkedHashMap<>();
    parts.put(
        "_rels/.rels",
        rels(
            "<Relationship Id=\"rId1\" Type=\""
                + RELS
                + "/officeDocument\" Target=\"xl/workbook.xml\"/>"));
    parts.put(
        "xl/workbook.xml",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><workbook xmlns=\""
            + MAIN
            + "\" xmlns:r=\""
            + RELS
            + "\"><sheets><sheet name=\""
            + sheetName
            + "\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>");
    parts.put(
        "xl/_rels/workbook.xml.rels",
        rels(
            "<Relationship Id=\"rId1\" Type=\""
                + RELS
                + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + "<Relationship Id=\"rId2\" Type=\""
                + RELS
                + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"));
    return parts;
  }

  private static String rels(String relationships) {
    return "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + relationships
        + "</Relationships>";
  }

  private static String sheet(String rows) {
    return "<worksheet xmlns=\""
        + MAIN
        + "\"><sheetData>"
        + rows
        + "</sheetData><mergeCells count=\"1\"><mergeCell ref=\"A1:B1\"/></mergeCells></worksheet>";
  }

  private static Map<String, byte[]> encode(Map<String, String> parts, Charset charset) {
    Map<String, byte[]> bytes = new LinkedHashMap<>();
    parts.forEach((name, text) -> bytes.put(name, text.getBytes(charset)));
    return bytes;
  }

  private static byte[] zip(Map<String, String> parts) throws IOException {
    return zipBytes(encode(parts, StandardCharsets.UTF_8));
  }

  private static byte[] zipBytes(Map<String, byte[]> parts) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      for (Map.Entry<String, byte[]> part : parts.entrySet()) {
        zip.putNextEntry(new ZipEntry(part.getKey()));
        zip.write(part.getValue());
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Rewrites every central-directory entry's uncompressed size to {@code size}: what a crafted bomb
   * does to slip past a check of the directory alone.
   */
  private static byte[] understateSizes(byte[] zip, int size) {
    ByteBuffer buffer = ByteBuffer.wrap(zip.clone()).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i + 46 <= zip.length; i++) {
      if (buffer.getInt(i) == 0x02014b50) {
        buffer.putInt(i + 24, size);
      }
    }
    return buffer.array();
  }
}
