package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Streams a CSV file with commons-csv as one sheet of text cells. Excel on Chinese Windows saves
 * CSV in GBK: a file that is not valid UTF-8 is read as GB18030 (a superset of GBK).
 */
public final class CsvSpreadsheetReader implements SpreadsheetReader {
  private static final Charset GB18030 = Charset.forName("GB18030");

  @Override
  public void read(Path file, RowSink sink) {
    Charset charset = isUtf8(file) ? StandardCharsets.UTF_8 : GB18030;
    try (Reader reader =
            new BufferedReader(new InputStreamReader(Files.newInputStream(file), charset));
        CSVParser parser =
            CSVFormat.EXCEL
                .builder()
                .setTrailingData(false)
                .setLenientEof(false)
                .get()
                .parse(reader)) {
      sink.startSheet("CSV");
      int rows = 0;
      for (CSVRecord record : parser) {
        if (!sink.wantsMore()) {
          return;
        }
        if (++rows > MAX_ROWS) {
          throw new UnreadableWorkbook(
              FindingCode.TOO_MANY_ROWS, "文件超过 " + MAX_ROWS + " 行，超出一个单位一年的合理规模");
        }
        List<RawCell> cells = new ArrayList<>(record.size());
        for (String value : record) {
          cells.add(RawCell.text(rows == 1 ? value.replace("\uFEFF", "") : value));
        }
        sink.row((int) record.getRecordNumber(), cells);
      }
    } catch (IOException
        | UncheckedIOException
        | IllegalStateException
        | IllegalArgumentException e) {
      throw new UnreadableWorkbook(FindingCode.WORKBOOK_UNREADABLE, "CSV 文件格式有误（如引号不配对），无法读取");
    }
  }

  private static boolean isUtf8(Path file) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try (InputStream in = Files.newInputStream(file);
        Reader reader = new InputStreamReader(in, decoder)) {
      char[] buffer = new char[8192];
      while (reader.read(buffer) >= 0) {
        // decoding is the check
      }
      return true;
    } catch (IOException notUtf8) {
      return false;
    }
  }
}
