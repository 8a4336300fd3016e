package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.application.IngestUpload;
import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.infrastructure.SniffingSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.poi.EncryptedDocumentException;
import org.apache.poi.hssf.record.BOFRecord;
import org.apache.poi.hssf.record.BoolErrRecord;
import org.apache.poi.hssf.record.BoundSheetRecord;
import org.apache.poi.hssf.record.EOFRecord;
import org.apache.poi.hssf.record.FormulaRecord;
import org.apache.poi.hssf.record.LabelRecord;
import org.apache.poi.hssf.record.LabelSSTRecord;
import org.apache.poi.hssf.record.NumberRecord;
import org.apache.poi.hssf.record.Record;
import org.apache.poi.hssf.record.RecordFactoryInputStream;
import org.apache.poi.hssf.record.SSTRecord;
import org.apache.poi.hssf.record.StringRecord;
import org.apache.poi.hssf.record.UncalcedRecord;
import org.apache.poi.hssf.record.crypto.Biff8EncryptionKey;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.DirectoryNode;
import org.apache.poi.poifs.filesystem.DocumentEntry;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.formula.FormulaRenderer;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.util.IOUtils;

/**
 * Reads an Excel 97–2003 workbook (.xls, BIFF8) with Apache POI's record stream, the event API
 * beneath HSSF: the OLE2 container is opened read-only from the file, the {@code Workbook} stream
 * is read record by record, and no workbook model is built. Sheets reach the sink in tab order,
 * their rows in ascending order, their cells as {@link RawCell}s the way the xlsx reader gives
 * them: numbers as the digits Excel shows, formulas by their cached value, booleans as TRUE/FALSE
 * text, errors as {@link RawCell.Kind#ERROR}, and the formulas of a sheet Excel saved without
 * calculating ({@code UNCALCED}) as {@link RawCell.Kind#UNCALCULATED}.
 *
 * <p>Hostile files: POI follows sector chains with a loop detector and refuses records longer than
 * BIFF allows; on top, no single allocation may exceed the upload limit ({@link
 * IOUtils#setByteArrayMaxOverride}), and whatever POI throws becomes a refusal, never a crash.
 */
public final class HssfSpreadsheetReader implements SpreadsheetReader {
  /** The most POI may allocate at once while reading: a whole uploaded file, no more. */
  static final int MAX_ALLOCATION = (int) IngestUpload.MAX_BYTES;

  /** Excel's last column is IV (256) in .xls; WPS writes up to XFD, as in xlsx. */
  private static final int MAX_COLUMNS = 16_384;

  /**
   * POI's allocation cap, set when the first .xls is read: a process-wide setting (this function
   * uses POI for nothing else), and a container that only ever sees xlsx never loads POI.
   */
  private static final class PoiLimits {
    static {
      IOUtils.setByteArrayMaxOverride(MAX_ALLOCATION);
    }

    static void apply() {
      // the static initializer did it
    }
  }

  private final int maxRows;

  public HssfSpreadsheetReader() {
    this(MAX_ROWS);
  }

  HssfSpreadsheetReader(int maxRows) {
    this.maxRows = maxRows;
  }

  @Override
  public void read(Path file, RowSink sink) {
    PoiLimits.apply();
    // POI decrypts with this thread's password, else Excel's default one (a workbook that only
    // protects its structure): never with a password someone left set on this thread
    String password = Biff8EncryptionKey.getCurrentUserPassword();
    Biff8EncryptionKey.setCurrentUserPassword(null);
    try (POIFSFileSystem container = new POIFSFileSystem(file.toFile(), true)) {
      DirectoryNode root = container.getRoot();
      DocumentEntry workbook = (DocumentEntry) root.getEntryCaseInsensitive(workbookStream(root));
      if (workbook.getSize() > Files.size(file)) {
        // POI would read only what the sector chain holds; a size the file cannot hold is damage
        throw damaged();
      }
      try (InputStream in = root.createDocumentInputStream(workbook)) {
        new WorkbookStream(sink, maxRows).read(new RecordFactoryInputStream(in, false));
      }
    } catch (SinkFailure failure) {
      throw failure.bug;
    } catch (UnreadableWorkbook refused) {
      throw refused;
    } catch (EncryptedDocumentException encrypted) {
      throw encrypted();
    } catch (IOException | RuntimeException damaged) {
      throw damaged();
    } finally {
      Biff8EncryptionKey.setCurrentUserPassword(password);
    }
  }

  /** The stream that holds the workbook, as Excel and HSSF look for it, or a refusal. */
  private static String workbookStream(DirectoryNode root) {
    if (root.hasEntryCaseInsensitive("Workbook")) {
      return "Workbook";
    }
    if (root.hasEntryCaseInsensitive(Decryptor.DEFAULT_POIFS_ENTRY)
        || root.hasEntryCaseInsensitive("EncryptionInfo")) {
      // an xlsx with an open password is an OLE2 file holding the encrypted package
      throw encrypted();
    }
    if (root.hasEntry("Book")) {
      throw SniffingSpreadsheetReader.excel95OrOlder();
    }
    if (root.hasEntryCaseInsensitive("BOOK")) {
      // BIFF8 under the old name, as some report generators write it
      return "BOOK";
    }
    if (root.hasEntryCaseInsensitive("WordDocument")) {
      throw new UnreadableWorkbook(
          FindingCode.NOT_A_SPREADSHEET, "这是 Word 文档，不是电子表格：请上传 .xlsx、.xls 或 .csv 工作簿");
    }
    throw new UnreadableWorkbook(
        FindingCode.NOT_A_SPREADSHEET,
        "文件不是 Excel 工作簿（没有工作簿数据）：请上传 .xlsx、.xls 或 .csv；WPS 表格请先“另存为” Excel 工作簿（.xlsx）");
  }

  static UnreadableWorkbook damaged() {
    return new UnreadableWorkbook(
        FindingCode.WORKBOOK_UNREADABLE, ".xls 文件已损坏或格式不正确，无法读取：请用 Excel 或 WPS 打开后另存为 .xlsx 再上传");
  }

  static UnreadableWorkbook encrypted() {
    return new UnreadableWorkbook(FindingCode.WORKBOOK_ENCRYPTED, "工作簿设置了打开密码：请取消密码后重新上传");
  }

  /** One pass over the workbook stream: the globals first, then one substream per sheet. */
  private static final class WorkbookStream {
    private final RowSink sink;
    private final int maxRows;
    private final List<BoundSheetRecord> sheets = new ArrayList<>();
    private SSTRecord strings;
    private RawCell[] stringCells = new RawCell[0];

    /** The sheets' tab index in the order their substreams follow each other. */
    private int[] tabOfSubstream;

    private SheetCells[] finished;
    private boolean[] done;
    private int nextTab;
    private int substreams;
    private int rows;
    private boolean stopped;

    private int depth;
    private boolean inGlobals;
    private SheetCells sheet;
    private int sheetTab = -1;
    private boolean uncalculated;
    private FormulaRecord stringFormula;

    WorkbookStream(RowSink sink, int maxRows) {
      this.sink = sink;
      this.maxRows = maxRows;
    }

    void read(RecordFactoryInputStream records) {
      Record first = records.nextRecord();
      if (!(first instanceof BOFRecord bof) || bof.getType() != BOFRecord.TYPE_WORKBOOK) {
        if (first instanceof BOFRecord old && old.getVersion() < BOFRecord.VERSION) {
          throw SniffingSpreadsheetReader.excel95OrOlder();
        }
        throw damaged();
      }
      if (bof.getVersion() < BOFRecord.VERSION) {
        throw SniffingSpreadsheetReader.excel95OrOlder();
      }
      depth = 1;
      inGlobals = true;
      for (Record record = records.nextRecord();
          record != null && !stopped;
          record = records.nextRecord()) {
        accept(record);
      }
      if (stopped) {
        return;
      }
      if (depth != 0 || substreams < sheets.size()) {
        // the stream ended inside a substream, or before every sheet had one: a truncated file
        throw damaged();
      }
    }

    private void accept(Record record) {
      if (record instanceof BOFRecord bof) {
        depth++;
        if (depth == 1) {
          startSubstream(bof);
        }
        return;
      }
      if (record instanceof EOFRecord) {
        depth--;
        if (depth == 0) {
          endSubstream();
        }
        return;
      }
      if (depth != 1) {
        // a chart embedded in a sheet, or records after the last EOF
        return;
      }
      if (inGlobals) {
        if (record instanceof BoundSheetRecord bound) {
          sheets.add(bound);
        } else if (record instanceof SSTRecord sst) {
          strings = sst;
        }
        return;
      }
      if (sheet != null) {
        cell(record);
      }
    }

    private void startSubstream(BOFRecord bof) {
      if (inGlobals || depth != 1) {
        throw damaged();
      }
      if (tabOfSubstream == null) {
        substreamsBegin();
      }
      int index = substreams++;
      sheetTab = index < tabOfSubstream.length ? tabOfSubstream[index] : -1;
      // charts, macro sheets and VBA modules have substreams of their own: no rows in them
      sheet = bof.getType() == BOFRecord.TYPE_WORKSHEET && sheetTab >= 0 ? new SheetCells() : null;
      uncalculated = false;
      stringFormula = null;
    }

    /** The globals ended: the sheets' substreams follow in the order of their offsets. */
    private void substreamsBegin() {
      Integer[] byOffset = new Integer[sheets.size()];
      for (int i = 0; i < byOffset.length; i++) {
        byOffset[i] = i;
      }
      Arrays.sort(byOffset, Comparator.comparingLong(i -> sheets.get(i).getPositionOfBof()));
      tabOfSubstream = new int[byOffset.length];
      for (int i = 0; i < byOffset.length; i++) {
        tabOfSubstream[i] = byOffset[i];
      }
      finished = new SheetCells[sheets.size()];
      done = new boolean[sheets.size()];
    }

    private void endSubstream() {
      if (inGlobals) {
        inGlobals = false;
        return;
      }
      pendingStringFormula();
      if (sheetTab >= 0 && !done[sheetTab]) {
        done[sheetTab] = true;
        finished[sheetTab] = sheet;
      }
      sheet = null;
      sheetTab = -1;
      handOutFinishedSheets();
    }

    /** The sheets whose turn has come, in tab order: usually just the one that ended. */
    private void handOutFinishedSheets() {
      while (!stopped && nextTab < done.length && done[nextTab]) {
        SheetCells cells = finished[nextTab];
        finished[nextTab] = null;
        if (cells != null) {
          if (!sinkWantsMore()) {
            stopped = true;
            return;
          }
          startSheet(sheets.get(nextTab).getSheetname());
          stopped = !cells.handOut(this::row);
        }
        nextTab++;
      }
    }

    private boolean row(int number, List<RawCell> cells) {
      if (++rows > maxRows) {
        throw new UnreadableWorkbook(
            FindingCode.TOO_MANY_ROWS, "工作簿超过 " + maxRows + " 行，超出一个单位一年的合理规模：请只上传支出明细");
      }
      try {
        sink.row(number, cells);
        return sink.wantsMore();
      } catch (RuntimeException bug) {
        throw new SinkFailure(bug);
      }
    }

    private void startSheet(String name) {
      try {
        sink.startSheet(name);
      } catch (RuntimeException bug) {
        throw new SinkFailure(bug);
      }
    }

    private boolean sinkWantsMore() {
      try {
        return sink.wantsMore();
      } catch (RuntimeException bug) {
        throw new SinkFailure(bug);
      }
    }

    private void cell(Record record) {
      if (record instanceof StringRecord text) {
        if (stringFormula != null) {
          put(stringFormula.getRow(), stringFormula.getColumn(), RawCell.text(text.getString()));
          stringFormula = null;
        }
        return;
      }
      if (record instanceof UncalcedRecord) {
        uncalculated = true;
        return;
      }
      if (record instanceof NumberRecord number) {
        // RK and MulRK records arrive converted to numbers
        pendingStringFormula();
        checkColumn(number.getColumn());
        sheet.number(number.getRow(), number.getColumn(), number.getValue());
      } else if (record instanceof LabelSSTRecord label) {
        pendingStringFormula();
        put(label.getRow(), label.getColumn(), sharedString(label.getSSTIndex()));
      } else if (record instanceof LabelRecord label) {
        pendingStringFormula();
        put(label.getRow(), label.getColumn(), RawCell.text(label.getValue()));
      } else if (record instanceof BoolErrRecord value) {
        pendingStringFormula();
        put(
            value.getRow(),
            value.getColumn(),
            value.isBoolean()
                ? RawCell.text(value.getBooleanValue() ? "TRUE" : "FALSE")
                : error(value.getErrorValue()));
      } else if (record instanceof FormulaRecord formula) {
        pendingStringFormula();
        formula(formula);
      }
    }

    private void formula(FormulaRecord formula) {
      int row = formula.getRow();
      short column = formula.getColumn();
      if (uncalculated) {
        put(row, column, new RawCell(RawCell.Kind.UNCALCULATED, formulaText(formula)));
        return;
      }
      CellType type = formula.getCachedResultTypeEnum();
      switch (type) {
        case NUMERIC -> {
          checkColumn(column);
          sheet.number(row, column, formula.getValue());
        }
        case BOOLEAN ->
            put(row, column, RawCell.text(formula.getCachedBooleanValue() ? "TRUE" : "FALSE"));
        case ERROR -> put(row, column, error(formula.getCachedErrorValue()));
        default -> {
          if (formula.hasCachedResultString()) {
            // the text follows in a STRING record
            stringFormula = formula;
          }
          // else an empty text: a blank cell
        }
      }
    }

    /** A formula whose STRING record never came: its value is not in the file. */
    private void pendingStringFormula() {
      if (stringFormula != null) {
        FormulaRecord formula = stringFormula;
        stringFormula = null;
        put(
            formula.getRow(),
            formula.getColumn(),
            new RawCell(RawCell.Kind.UNCALCULATED, formulaText(formula)));
      }
    }

    private void put(int row, int column, RawCell cell) {
      checkColumn(column);
      sheet.cell(row, column, cell);
    }

    private RawCell sharedString(int index) {
      if (strings == null) {
        throw damaged();
      }
      if (index < 0) {
        throw damaged();
      }
      if (index < stringCells.length && stringCells[index] != null) {
        return stringCells[index];
      }
      // throws for an index the table does not have
      RawCell cell = RawCell.text(strings.getString(index).getString());
      if (index >= stringCells.length) {
        stringCells = Arrays.copyOf(stringCells, Math.max(index + 1, stringCells.length * 2));
      }
      stringCells[index] = cell;
      return cell;
    }

    private static void checkColumn(int column) {
      if (column < 0 || column >= MAX_COLUMNS) {
        throw damaged();
      }
    }

    private static RawCell error(int code) {
      String text;
      try {
        text = FormulaError.forInt(code).getString();
      } catch (IllegalArgumentException unknown) {
        text = "#ERROR!";
      }
      return new RawCell(RawCell.Kind.ERROR, text);
    }

    /** The formula as Excel writes it where it needs no workbook to name things, else "=…". */
    private static String formulaText(FormulaRecord formula) {
      try {
        return "=" + FormulaRenderer.toFormulaString(null, formula.getParsedExpression());
      } catch (RuntimeException needsTheWorkbook) {
        return "=…";
      }
    }
  }

  /** Carries a sink's bug past the refusals: it is a bug to see, not a damaged file. */
  private static final class SinkFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient RuntimeException bug;

    SinkFailure(RuntimeException bug) {
      super(bug);
      this.bug = bug;
    }
  }
}
