package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.infrastructure.xlsx.XlsxSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Chooses the reader by what the file is, not by what its name claims: xlsx (a zip package), CSV
 * (text), or a clear refusal for old .xls, encrypted workbooks, PDFs and other binaries.
 */
public final class SniffingSpreadsheetReader implements SpreadsheetReader {
  private static final byte[] ZIP = {'P', 'K', 3, 4};
  private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
  private static final byte[] PDF = {'%', 'P', 'D', 'F'};

  private final SpreadsheetReader xlsx;
  private final SpreadsheetReader csv;

  public SniffingSpreadsheetReader() {
    this(new XlsxSpreadsheetReader(), new CsvSpreadsheetReader());
  }

  SniffingSpreadsheetReader(SpreadsheetReader xlsx, SpreadsheetReader csv) {
    this.xlsx = xlsx;
    this.csv = csv;
  }

  @Override
  public void read(Path file, RowSink sink) {
    byte[] head = head(file);
    if (head.length == 0) {
      throw new UnreadableWorkbook(FindingCode.FILE_EMPTY, "文件是空的（0 字节）：请重新上传");
    }
    if (startsWith(head, ZIP)) {
      xlsx.read(file, sink);
    } else if (startsWith(head, OLE2)) {
      throw new UnreadableWorkbook(
          FindingCode.LEGACY_XLS, "这是旧版 .xls 工作簿或加了密码的工作簿：请取消密码，并在 Excel 或 WPS 中“另存为” .xlsx 后上传");
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
