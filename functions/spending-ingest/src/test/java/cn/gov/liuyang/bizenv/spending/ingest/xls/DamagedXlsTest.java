package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.ingest.SpendingIngestHandler;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The seed .xls damaged at random places, in the container and in the records: every import ends
 * with an answer (findings, or acceptance when the damage hit nothing that matters), never with an
 * exception, a hang or a large allocation.
 */
class DamagedXlsTest {
  private static final byte[] XLS = XlsWorkbooks.seedMessy();
  private static final int RUNS = 400;

  @Test
  void randomlyDamagedXls_alwaysEndsWithAnAnswer() {
    Random random = new Random(2021);
    int refused = 0;
    Duration slowest = Duration.ZERO;
    for (int run = 0; run < RUNS; run++) {
      byte[] damaged = damage(random);
      long started = System.nanoTime();
      ParsedWorkbook parsed =
          Parse.workbook(damaged, Seed2021.YEAR, SpendingIngestHandler.spreadsheetReader());
      Duration took = Duration.ofNanos(System.nanoTime() - started);
      slowest = took.compareTo(slowest) > 0 ? took : slowest;
      if (!parsed.acceptable()) {
        refused++;
        assertThat(parsed.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
        assertThat(parsed.findings()).extracting(Finding::code).isNotEmpty();
      }
    }
    assertThat(slowest).isLessThan(Duration.ofSeconds(1));
    // most damage is found: the sizes, chains and records are all over the file
    assertThat(refused).isGreaterThan(RUNS / 4);
  }

  private static byte[] damage(Random random) {
    byte[] bytes = XLS.clone();
    switch (random.nextInt(4)) {
      case 0 -> {
        for (int i = 1 + random.nextInt(8); i > 0; i--) {
          bytes[random.nextInt(bytes.length)] ^= (byte) (1 + random.nextInt(255));
        }
      }
      case 1 -> {
        int at = random.nextInt(bytes.length - 16);
        for (int i = 0; i < 16; i++) {
          bytes[at + i] = (byte) random.nextInt(256);
        }
      }
      case 2 -> {
        // the header and the sector table, where sizes and chains are
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
          bytes[random.nextInt(1024)] = (byte) random.nextInt(256);
        }
      }
      default -> bytes = Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length - 1));
    }
    return bytes;
  }
}
