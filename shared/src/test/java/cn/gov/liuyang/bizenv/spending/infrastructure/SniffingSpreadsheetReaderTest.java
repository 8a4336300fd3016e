package cn.gov.liuyang.bizenv.spending.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeOle2;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SniffingSpreadsheetReaderTest {
  @TempDir Path dir;

  private final List<String> calls = new ArrayList<>();
  private final SpreadsheetReader xlsx = (file, sink) -> calls.add("xlsx");
  private final SpreadsheetReader csv = (file, sink) -> calls.add("csv");
  private final SpreadsheetReader ole2 = (file, sink) -> calls.add("ole2");

  @Test
  void anOle2File_goesToTheOle2Reader_whenOneIsGiven() throws IOException {
    Path xls = file(new HandMadeOle2().stream("Workbook", new byte[10]).bytes());

    new SniffingSpreadsheetReader(xlsx, csv, Optional.of(ole2)).read(xls, NO_ROWS);

    assertThat(calls).containsExactly("ole2");
  }

  @Test
  void anOle2File_isRefusedAsLegacy_withoutAnOle2Reader() throws IOException {
    Path xls = file(new HandMadeOle2().stream("Workbook", new byte[10]).bytes());

    assertThatThrownBy(() -> new SniffingSpreadsheetReader(xlsx, csv).read(xls, NO_ROWS))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class,
            e -> assertThat(e.finding().code()).isEqualTo(FindingCode.LEGACY_XLS));
    assertThat(calls).isEmpty();
  }

  @Test
  void anOdsFile_isRefusedWithHowToSaveItAsXlsx_beforeAnyReaderSeesIt() throws IOException {
    Path ods = file(BrokenWorkbooks.ods());

    assertThatThrownBy(
            () -> new SniffingSpreadsheetReader(xlsx, csv, Optional.of(ole2)).read(ods, NO_ROWS))
        .isInstanceOfSatisfying(
            UnreadableWorkbook.class,
            e -> {
              assertThat(e.finding().code()).isEqualTo(FindingCode.FORMAT_UNSUPPORTED);
              assertThat(e.finding().message()).contains(".ods", "另存为", ".xlsx");
            });
    assertThat(calls).isEmpty();
  }

  @Test
  void xlsxAndCsv_stillGoToTheirReaders() throws IOException {
    SniffingSpreadsheetReader reader = new SniffingSpreadsheetReader(xlsx, csv, Optional.of(ole2));

    reader.read(file(SpendingWorkbooks.seedTemplate()), NO_ROWS);
    reader.read(file(SpendingWorkbooks.seedCsv()), NO_ROWS);

    assertThat(calls).containsExactly("xlsx", "csv");
  }

  private Path file(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(dir, "upload-", ".bin");
    Files.write(file, bytes);
    return file;
  }

  private static final RowSink NO_ROWS =
      new RowSink() {
        @Override
        public void startSheet(String name) {}

        @Override
        public void row(int number, List<RawCell> cells) {}

        @Override
        public boolean wantsMore() {
          return true;
        }
      };
}
