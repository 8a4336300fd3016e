package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.infrastructure.xlsx.XlsxSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * Chooses the reader by what the file is, not by what its name claims: xlsx (a zip package), CSV
 * (text), an OLE2 compound file (.xls, or an encrypted workbook) when an OLE2 reader is given, or a
 * clear refusal for OpenDocument, Excel 4.0 and older, PDFs and other binaries.
 */
public final class SniffingSpreadsheetReader implements SpreadsheetReader {
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] PDF = {'%', 'P', 'D', 'F'};
  private static final byte[] ODS_MIMETYPE_NAME = "mimetype".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ODS_MIMETYPE =
      "application/vnd.oasis.opendocument.spreadsheet".getBytes(StandardCharsets.US_ASCII);

  private final SpreadsheetReader xlsx;
  private final SpreadsheetReader csv;
  private final Optional<SpreadsheetReader> ole2;

  /** Reads xlsx and CSV; refuses every OLE2 file (.xls, encrypted workbooks). */
  public SniffingSpreadsheetReader() {
    this(Optional.empty());
  }

  /**
   * Reads xlsx and CSV, and hands OLE2 compound files (.xls, encrypted workbooks, Word files…) to
   * {@code ole2}, which answers or refuses each; without it every OLE2 file is refused.
   */
  public SniffingSpreadsheetReader(Optional<SpreadsheetReader> ole2) {
    this(new XlsxSpreadsheetReader(), new CsvSpreadsheetReader(), ole2);
  }

  SniffingSpreadsheetReader(SpreadsheetReader xlsx, SpreadsheetReader csv) {
    this(xlsx, csv, Optional.empty());
  }

  SniffingSpreadsheetReader(
      SpreadsheetReader xlsx, SpreadsheetReader csv, Optional<SpreadsheetReader> ole2) {
    this.xlsx = xlsx;
    this.csv = csv;
    this.ole2 = ole2;
  }

  /** Excel 5.0/95 and older: neither the xlsx nor the .xls (BIFF8) reader can read them. */
  public static UnreadableWorkbook excel95OrOlder() {
    return new UnreadableWorkbook(
        FindingCode.LEGACY_XLS,
        "这是 Excel 5.0/95 或更早版本的工作簿格式，无法读取：请在 Excel 或 WPS 中“另存为” Excel 工作簿（.xlsx）后上传");
  }

  @Override
  public void read(Path file, RowSink sink) {
    byte[] head = head(file);
    if (head.length == 0) {
      throw new UnreadableWorkbook(FindingCode.FILE_EMPTY, "文件是空的（0 字节）：请重新上传");
    }
    if (startsWith(head, ZIP)) {
      if (isOpenDocumentSpreadsheet(head)) {
        throw new UnreadableWorkbook(
            FindingCode.FORMAT_UNSUPPORTED,
            "这是 WPS/LibreOffice 的 .ods 表格：请在其中“另存为” Excel 工作簿（.xlsx）后上传");
      }
      xlsx.read(file, sink);
    } else if (startsWith(head, OLE2)) {
      if (ole2.isEmpty()) {
        throw new UnreadableWorkbook(
            FindingCode.LEGACY_XLS, "这是旧版 .xls 工作簿或加了密码的工作簿：请取消密码，并在 Excel 或 WPS 中“另存为” .xlsx 后上传");
      }
      ole2.get().read(file, sink);
    } else if (isBareBiffStream(head)) {
      throw excel95OrOlder();
    } else if (startsWith(head, PDF)) {
      throw new UnreadableWorkbook(
          FindingCode.NOT_A_SPREADSHEET, "这是 PDF 文件，不是电子表格：请上传 .xlsx 或 .csv");
    } else if (looksLikeText(head)) {
      csv.read(file, sink);
    } else {
      throw new UnreadableWorkbook(
          FindingCode.NOT_A_SPREADSHEET, "文件不是电子表格（既不是 .xlsx 也不是 .csv）：请上传模板格式的工作簿");
    }
  }

  private static byte[] head(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      return in.readNBytes(4096);
    } catch (IOException e) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "文件无法读取");
    }
  }

  /**
   * OpenDocument puts an uncompressed {@code mimetype} entry first, so its name and content follow
   * the first local file header (30 bytes, then the name, then the extra field).
   */
  private static boolean isOpenDocumentSpreadsheet(byte[] head) {
    if (head.length < 38) {
      return false;
    }
    int nameLength = (head[26] & 0xFF) | (head[27] & 0xFF) << 8;
    int extraLength = (head[28] & 0xFF) | (head[29] & 0xFF) << 8;
    int content = 38 + extraLength;
    return nameLength == 8
        && Arrays.equals(head, 30, 38, ODS_MIMETYPE_NAME, 0, 8)
        && content + ODS_MIMETYPE.length <= head.length
        && Arrays.equals(
            head, content, content + ODS_MIMETYPE.length, ODS_MIMETYPE, 0, ODS_MIMETYPE.length);
  }

  /**
   * Excel 2.x–4.0 (and some Excel 5 exports) wrote the BIFF record stream as the file itself, not
   * inside an OLE2 container: it starts with a BOF record ({@code 09 00|02|04|08}) of 4–16 bytes.
   */
  private static boolean isBareBiffStream(byte[] head) {
    return head.length >= 8
        && head[0] == 0x09
        && (head[1] == 0x00 || head[1] == 0x02 || head[1] == 0x04 || head[1] == 0x08)
        && (head[2] == 4 || head[2] == 6 || head[2] == 8 || head[2] == 16)
        && head[3] == 0;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static boolean looksLikeText(byte[] head) {
    for (byte b : head) {
      if (b == 0 || (b > 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r')) {
        return false;
      }
    }
    return true;
  }
}
