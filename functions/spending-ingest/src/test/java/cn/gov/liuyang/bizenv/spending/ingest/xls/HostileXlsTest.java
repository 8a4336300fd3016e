package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks.Case;
import cn.gov.liuyang.bizenv.spending.ingest.SpendingIngestHandler;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each damaged, hostile or unreadable .xls is refused by the function's reader with its own finding
 * and a sentence that says what to do, within a second, and (where the damage is in the container
 * or before the first sheet) before any row reaches the import.
 */
class HostileXlsTest {
  @TempDir Path dir;

  static List<Case> corpus() {
    List<Case> corpus = new ArrayList<>(BrokenXlsWorkbooks.all());
    // and the legacy and OpenDocument files of the shared corpus, through the .xls-reading path
    for (Case broken : BrokenWorkbooks.all()) {
      if (broken.expected() == FindingCode.LEGACY_XLS
          || broken.expected() == FindingCode.FORMAT_UNSUPPORTED) {
        corpus.add(broken);
      }
    }
    return corpus;
  }

  @Test
  void corpusCoversTheContainerTheRecordsAndWhatIsNoWorkbook() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(15);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachHostileXls_isRefusedQuicklyWithItsFinding(Case broken) throws IOException {
    // GIVEN the file as uploaded
    Path file = dir.resolve("upload.bin");
    Files.write(file, broken.bytes());
    CollectingSink sink = new CollectingSink();

    // WHEN the function's reader reads it
    long started = System.nanoTime();
    UnreadableWorkbook refused = null;
    try {
      SpendingIngestHandler.spreadsheetReader().read(file, sink);
    } catch (UnreadableWorkbook e) {
      refused = e;
    }
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    // THEN it is refused with the expected finding, a Chinese sentence, in well under a second
    if (refused == null) {
      fail("read without a refusal: " + sink.sheets.keySet());
    }
    assertThat(refused.finding().code()).isEqualTo(broken.expected());
    assertThat(refused.finding().message()).containsPattern("\\p{IsHan}").contains("：");
    assertThat(took).isLessThan(Duration.ofSeconds(1));
    if (!BrokenXlsWorkbooks.DAMAGED_AFTER_SOME_SHEETS.contains(broken.name())) {
      assertThat(sink.rows()).as("rows before the refusal").isZero();
    }
  }
}
