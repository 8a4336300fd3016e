package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;

/**
 * Streams an xlsx workbook with fastexcel-reader (StAX, row by row), after {@link XlsxZipGuard} has
 * vouched for the package. Formula cells give their cached value.
 */
public final class FastExcelSpreadsheetReader implements SpreadsheetReader {
  /** Rows of all sheets together, blank or not: beyond it the file is not a unit's ledger. */
  public static final int MAX_ROWS = 300_000;

  private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  private static final ReadingOptions OPTIONS = new ReadingOptions(false, true);

  private final boolean guarded;

  public FastExcelSpreadsheetReader() {
    this(true);
  }

  private FastExcelSpreadsheetReader(boolean guarded) {
    this.guarded = guarded;
  }

  /**
   * Trusts the package without {@link XlsxZipGuard}: for measuring what the check costs, never for
   * uploads.
   */
  public static FastExcelSpreadsheetReader withoutPackageCheck() {
    return new FastExcelSpreadsheetReader(false);
  }

  @Override
  public void read(Path file, RowSink sink) {
    if (guarded) {
      XlsxZipGuard.check(file);
    }
    int rows = 0;
    try (ReadableWorkbook workbook = new ReadableWorkbook(file.toFile(), OPTIONS)) {
      List<Sheet> sheets = workbook.getSheets().toList();
      for (Sheet sheet : sheets) {
        if (!sink.wantsMore()) {
          return;
        }
        sink.startSheet(sheet.getName());
        try (Stream<Row> stream = sheet.openStream()) {
          Iterator<Row> iterator = stream.iterator();
          while (iterator.hasNext() && sink.wantsMore()) {
            Row row = iterator.next();
            if (++rows > MAX_ROWS) {
              throw new UnreadableWorkbook(
                  FindingCode.TOO_MANY_ROWS, "工作簿超过 " + MAX_ROWS + " 行，超出一个单位一年的合理规模：请只上传支出明细");
            }
            List<RawCell> cells = cells(row);
            try {
              sink.row(row.getRowNum(), cells);
            } catch (RuntimeException bug) {
              throw new SinkFailure(bug);
            }
          }
        }
      }
    } catch (UnreadableWorkbook refused) {
      throw refused;
    } catch (SinkFailure failure) {
      throw failure.bug;
    } catch (IOException | RuntimeException damaged) {
      // the reader and its XML parser signal a damaged package with assorted runtime exceptions
      throw new UnreadableWorkbook(
          FindingCode.WORKBOOK_UNREADABLE, "工作簿内容无法解析（文件可能已损坏）：请用 Excel 或 WPS 重新保存后上传");
    }
  }

  /** Lets the sink's own failures through: they are bugs to see, not damaged files. */
  private static final class SinkFailure extends RuntimeException {
    private final RuntimeException bug;

    SinkFailure(RuntimeException bug) {
      super(bug);
      this.bug = bug;
    }
  }

  private static List<RawCell> cells(Row row) {
    int count = row.getCellCount();
    List<RawCell> cells = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      cells.add(cell(row.getCell(i)));
    }
    return cells;
  }

  private static RawCell cell(Cell cell) {
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
