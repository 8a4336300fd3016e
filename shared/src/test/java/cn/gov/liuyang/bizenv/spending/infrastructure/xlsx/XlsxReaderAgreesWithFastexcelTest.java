package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.lifecycle.AfterProperty;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our reader replaced fastexcel-reader: on any workbook a writer makes, both must find the same
 * sheets, rows and cells (fastexcel's cells seen the way the import saw them before).
 */
class XlsxReaderAgreesWithFastexcelTest {
  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private final List<Path> files = new ArrayList<>();

  @Test
  void theSpendingWorkbooksOfTheTestsReadAlike() throws IOException {
    for (byte[] workbook :
        List.of(SpendingWorkbooks.seedTemplate(), SpendingWorkbooks.seedMessy())) {
      Path file = Files.createTempFile("agree-", ".xlsx");
      files.add(file);
      Files.write(file, workbook);

      assertThat(ours(file)).isEqualTo(fastexcel(file)).isNotEmpty();
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "datetime",
        "empty_row",
        "float",
        "float2",
        "last-column-empty",
        "namespace",
        "no_cell_ids",
        "percentage",
        "sheets",
        "sheets_order",
        "skip_empty_lines",
        "timeformat",
        "twolettercolumns",
        "utf8",
        "variousdelim",
        "xlsx2csv-test-file"
      })
  void workbooksMadeByOtherToolsReadAlike(String name) throws IOException {
    Path file = realWorld(name);

    assertThat(ours(file)).isEqualTo(fastexcel(file)).isNotEmpty();
  }

  @Test
  void aRichInlineStringIsItsRunsNotTheWhitespaceBetweenThem() throws IOException {
    // fastexcel-reader kept the indentation between the runs
    assertThat(ours(realWorld("formatted_inline_string"))).contains("row 1: 0=TEXT Regular Bold");
  }

  @Test
  void anEmptyTextFormulaCellIsBlankNotAnUncalculatedFormula() throws IOException {
    // <c t="str"> with neither <f> nor <v>: fastexcel-reader made it "=null", never calculated
    List<String> rows = ours(realWorld("input-weird"));

    assertThat(rows.get(1)).isEqualTo("row 1:");
    assertThat(rows.get(2)).isEqualTo("row 2: 0=TEXT Some data");
  }

  @Test
  void aBooleanFormulaResultIsTextNotANumber() throws IOException {
    // <c t="b"><f>FALSE()</f><v>0</v></c>: fastexcel-reader, seeing the formula, made it the number
    // 0
    for (String name : List.of("escape", "junk-small")) {
      assertThat(ours(realWorld(name)).get(1)).endsWith(" 5=TEXT 0");
    }
  }

  private Path realWorld(String name) throws IOException {
    Path file = Files.createTempFile("real-world-", ".xlsx");
    files.add(file);
    try (InputStream in =
        getClass().getResourceAsStream("/spending/real-world-xlsx/" + name + ".xlsx")) {
      Files.write(file, in.readAllBytes());
    }
    return file;
  }

  @Property(tries = 60)
  void anyGeneratedWorkbookReadsAlike(@ForAll("sheets") List<List<List<Object>>> sheets)
      throws IOException {
    Path file = Files.createTempFile("agree-", ".xlsx");
    files.add(file);
    write(file, sheets);

    assertThat(ours(file)).isEqualTo(fastexcel(file));
  }

  @AfterEach
  @AfterProperty
  void deleteFiles() throws IOException {
    for (Path file : files) {
      Files.deleteIfExists(file);
    }
    files.clear();
  }

  @Provide
  Arbitrary<List<List<List<Object>>>> sheets() {
    Arbitrary<Object> text =
        Arbitraries.oneOf(
            Arbitraries.of("基本支出", "项目支出", "办公费", "合计", " 前后空格 ", "a&b<c>\"d'", "", "　"),
            Arbitraries.strings().ofMaxLength(12));
    Arbitrary<Object> number =
        Arbitraries.oneOf(
            Arbitraries.bigDecimals().between(new BigDecimal("-1e12"), new BigDecimal("1e12")),
            Arbitraries.doubles(),
            Arbitraries.integers().map(Integer::valueOf));
    Arbitrary<Object> cell =
        Arbitraries.<Object>frequencyOf(
            weighted(4, text),
            weighted(4, number),
            weighted(2, Arbitraries.just(null)),
            weighted(1, Arbitraries.of(Boolean.TRUE, Boolean.FALSE)),
            weighted(1, Arbitraries.of("=SUM(A1:A2)", "=B1*2").map(Formula::new)));
    Arbitrary<List<Object>> row = cell.list().ofMaxSize(12);
    return row.list().ofMaxSize(30).list().ofMinSize(1).ofMaxSize(3);
  }

  private static Tuple2<Integer, Arbitrary<? extends Object>> weighted(
      int weight, Arbitrary<?> arbitrary) {
    return Tuple.of(weight, arbitrary);
  }

  private record Formula(String expression) {}

  private static void write(Path file, List<List<List<Object>>> sheets) throws IOException {
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook workbook = new Workbook(out, "agree", "1.0");
      for (int s = 0; s < sheets.size(); s++) {
        Worksheet sheet = workbook.newWorksheet("表" + (s + 1));
        List<List<Object>> rows = sheets.get(s);
        for (int r = 0; r < rows.size(); r++) {
          for (int c = 0; c < rows.get(r).size(); c++) {
            Object value = rows.get(r).get(c);
            if (value instanceof String text) {
              sheet.value(r, c, text);
            } else if (value instanceof Number number) {
              sheet.value(r, c, number);
            } else if (value instanceof Boolean bool) {
              sheet.value(r, c, bool);
            } else if (value instanceof Formula formula) {
              sheet.formula(r, c, formula.expression().substring(1));
            }
          }
        }
      }
      workbook.finish();
    }
  }

  /** Sheets, rows and cells as text, blank cells left out (a reader may or may not pad them). */
  private static List<String> ours(Path file) {
    List<String> seen = new ArrayList<>();
    new XlsxSpreadsheetReader()
        .read(
            file,
            new RowSink() {
              @Override
              public void startSheet(String name) {
                seen.add("sheet " + name);
              }

              @Override
              public void row(int number, List<RawCell> cells) {
                seen.add(describe(number, cells));
              }

              @Override
              public boolean wantsMore() {
                return true;
              }
            });
    return seen;
  }

  private static List<String> fastexcel(Path file) throws IOException {
    List<String> seen = new ArrayList<>();
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile())) {
      for (Sheet sheet : workbook.getSheets().toList()) {
        seen.add("sheet " + sheet.getName());
        try (Stream<Row> rows = sheet.openStream()) {
          rows.forEach(
              row -> {
                List<RawCell> cells = new ArrayList<>();
                for (int i = 0; i < row.getCellCount(); i++) {
                  cells.add(asTheImportSawIt(row.getCell(i)));
                }
                seen.add(describe(row.getRowNum(), cells));
              });
        }
      }
    }
    return seen;
  }

  private static String describe(int number, List<RawCell> cells) {
    StringBuilder row = new StringBuilder("row " + number + ":");
    for (int c = 0; c < cells.size(); c++) {
      if (!cells.get(c).isBlank()) {
        row.append(' ').append(c).append('=').append(cells.get(c).kind()).append(' ');
        row.append(cells.get(c).text());
      }
    }
    return row.toString();
  }

  /** How the import turned a fastexcel cell into a RawCell before it had its own reader. */
  private static RawCell asTheImportSawIt(Cell cell) {
    if (cell == null) {
      return RawCell.BLANK;
    }
    String raw = cell.getRawValue();
    return switch (cell.getType()) {
      case NUMBER -> RawCell.number(raw);
      case STRING -> RawCell.text(cell.getText());
      case BOOLEAN -> RawCell.text(raw);
      case ERROR -> new RawCell(RawCell.Kind.ERROR, raw);
      case FORMULA -> {
        if (raw == null || raw.isEmpty()) {
          yield new RawCell(RawCell.Kind.UNCALCULATED, "=" + cell.getFormula());
        }
        yield NUMBER.matcher(raw).matches() ? RawCell.number(raw) : RawCell.text(raw);
      }
      case EMPTY -> RawCell.BLANK;
    };
  }
}
