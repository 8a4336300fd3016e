package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import cn.gov.liuyang.bizenv.spending.application.SpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.application.UnreadableWorkbook;
import cn.gov.liuyang.bizenv.spending.infrastructure.SniffingSpreadsheetReader;
import cn.gov.liuyang.bizenv.spending.ingest.SpendingIngestHandler;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads files with the function's reader and prints what it saw. Run by {@link ShadedJarReadsXlsIT}
 * in a fresh JVM whose class path is the deployment jar and this class only, so a class the shading
 * left out shows as an error here, not in production. Also the cold-start probe of
 * docs/spending-xls.md: {@code java -cp <jar>:target/test-classes ... ShadedJarProbe f}.
 */
public final class ShadedJarProbe {
  private ShadedJarProbe() {}

  public static void main(String[] args) {
    long started = System.nanoTime();
    for (String file : args) {
      System.out.println("== " + file);
      System.out.println(describe(Path.of(file)));
    }
    System.out.printf("== read in %.1f ms%n", (System.nanoTime() - started) / 1e6);
  }

  /**
   * The function's reader; with {@code -Dprobe.reader=xlsx-csv} the reader of the jar before .xls
   * support, to time a cold start against an older jar.
   */
  private static SpreadsheetReader reader() {
    return "xlsx-csv".equals(System.getProperty("probe.reader"))
        ? new SniffingSpreadsheetReader()
        : SpendingIngestHandler.spreadsheetReader();
  }

  /** Sheets, rows and cells as read, or the refusal's code; errors of the JVM as themselves. */
  static String describe(Path file) {
    StringBuilder seen = new StringBuilder();
    try {
      reader()
          .read(
              file,
              new RowSink() {
                @Override
                public void startSheet(String name) {
                  seen.append("sheet ").append(name).append('\n');
                }

                @Override
                public void row(int number, List<RawCell> cells) {
                  seen.append(number).append(':');
                  for (RawCell cell : cells) {
                    seen.append(' ').append(cell.kind()).append('=').append(cell.text());
                  }
                  seen.append('\n');
                }

                @Override
                public boolean wantsMore() {
                  return true;
                }
              });
    } catch (UnreadableWorkbook refused) {
      seen.append("refused ").append(refused.finding().code()).append('\n');
    } catch (RuntimeException | LinkageError failure) {
      seen.append("FAILED ").append(failure).append('\n');
    }
    return seen.toString().strip();
  }
}
