package cn.gov.liuyang.bizenv.spending.infrastructure.xlsx;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import com.fasterxml.aalto.stax.InputFactoryImpl;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

/**
 * Reads an uploaded xlsx workbook in one streaming pass that is also its safety check: the package
 * is distrusted ({@link XlsxPackage}: zip-bomb budgets while inflating), the XML too ({@link
 * XmlCursor}: no DTD, bounded depth), and the rows reach the sink as the StAX parser finds them.
 * Memory stays bounded by the shared-string budget and one row, whatever the file's size.
 *
 * <p>Why not a spreadsheet library's reader: they open the package themselves with their own parser
 * settings, so the safety checks had to inflate and scan every part a second time first.
 */
public final class XlsxSpreadsheetReader implements SpreadsheetReader {
  private final XMLInputFactory factory;
  private final XlsxPackage.Limits limits;

  public XlsxSpreadsheetReader() {
    this(new InputFactoryImpl(), XlsxPackage.Limits.UPLOADS);
  }

  XlsxSpreadsheetReader(XMLInputFactory factory, XlsxPackage.Limits limits) {
    this.factory = XmlCursor.safeFactory(factory);
    this.limits = limits;
  }

  @Override
  public void read(Path file, RowSink sink) {
    try (XlsxPackage pkg = XlsxPackage.open(file, limits)) {
      WorkbookParts parts = WorkbookParts.read(pkg, factory);
      SharedStrings strings =
          parts.sharedStrings().isPresent()
              ? SharedStrings.read(pkg.part(parts.sharedStrings().get()), factory)
              : SharedStrings.NONE;
      RowBudget budget = new RowBudget(sink);
      for (WorkbookParts.Sheet sheet : parts.sheets()) {
        if (!sink.wantsMore()) {
          return;
        }
        sink.startSheet(sheet.name());
        try (InputStream in = pkg.part(sheet.partName());
            XmlCursor xml = XmlCursor.open(factory, in)) {
          SheetRows.stream(xml, strings, budget);
        }
      }
    } catch (XMLStreamException | IOException | RuntimeException failure) {
      throw refusal(failure);
    }
  }

  /**
   * What to tell the uploader: our own refusal if the parser wrapped one, a bug of the sink as
   * itself, and anything else the parser or the zip raised as a damaged file.
   */
  private static RuntimeException refusal(Exception failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof UnreadableWorkbook refused) {
        return refused;
      }
      if (cause instanceof SinkFailure bug) {
        return bug.bug;
      }
    }
    return new UnreadableWorkbook(
        FindingCode.WORKBOOK_UNREADABLE, "工作簿内容无法解析（文件可能已损坏）：请用 Excel 或 WPS 重新保存后上传");
  }

  /** Counts rows across sheets and keeps the sink's own failures apart from damaged files. */
  private static final class RowBudget implements SheetRows.Rows {
    private static final int MAX_ROWS = SpreadsheetReader.MAX_ROWS;

    private final RowSink sink;
    private int rows;

    RowBudget(RowSink sink) {
      this.sink = sink;
    }

    @Override
    public boolean row(int number, List<RawCell> cells) {
      if (++rows > MAX_ROWS) {
        throw new UnreadableWorkbook(
            FindingCode.TOO_MANY_ROWS, "工作簿超过 " + MAX_ROWS + " 行，超出一个单位一年的合理规模：请只上传支出明细");
      }
      try {
        sink.row(number, cells);
      } catch (RuntimeException bug) {
        throw new SinkFailure(bug);
      }
      return sink.wantsMore();
    }
  }

  /** Carries a sink's bug through the parser: it is a bug to see, not a damaged file. */
  private static final class SinkFailure extends RuntimeException {
    private final RuntimeException bug;

    SinkFailure(RuntimeException bug) {
      super(bug);
      this.bug = bug;
    }
  }
}
