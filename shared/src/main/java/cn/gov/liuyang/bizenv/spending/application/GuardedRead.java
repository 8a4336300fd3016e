package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Reads an uploaded file into a sink the way every import does: refused before downloading when the
 * event says it is too large, downloaded within the limit, read, and answered with one file-level
 * finding whatever goes wrong (a failure no rule foresaw is logged, class and place only, so that
 * the rule can be added); the temporary file is always deleted.
 */
public final class GuardedRead {
  /** Fetches an object into a temporary file, at most {@code maxBytes}. */
  @FunctionalInterface
  public interface Download {
    /**
     * @throws UploadStore.TooLarge when the object is larger than {@code maxBytes}
     */
    Path download(UploadedObject object, long maxBytes);
  }

  private GuardedRead() {}

  /**
   * Reads {@code object} into {@code sink}.
   *
   * @param tooLarge the finding's sentence for a file over {@link IngestUpload#MAX_BYTES}
   * @param unreadable the finding's sentence for a file no rule foresaw
   * @return the refusal, or empty when the sink saw the whole file
   */
  public static Optional<Finding> read(
      UploadedObject object,
      Download download,
      SpreadsheetReader reader,
      RowSink sink,
      IngestLog log,
      String submissionId,
      String tooLarge,
      String unreadable) {
    if (object.size() > IngestUpload.MAX_BYTES) {
      return Optional.of(Finding.ofFile(FindingCode.FILE_TOO_LARGE, tooLarge));
    }
    Path file;
    try {
      file = download.download(object, IngestUpload.MAX_BYTES);
    } catch (UploadStore.TooLarge e) {
      return Optional.of(Finding.ofFile(FindingCode.FILE_TOO_LARGE, tooLarge));
    }
    try {
      reader.read(file, sink);
      return Optional.empty();
    } catch (UnreadableWorkbook refused) {
      return Optional.of(refused.finding());
    } catch (RuntimeException unforeseen) {
      // a file no rule foresaw must still get an answer rather than retry into the DLQ
      log.unforeseen(submissionId, unforeseen);
      return Optional.of(Finding.ofFile(FindingCode.WORKBOOK_UNREADABLE, unreadable));
    } finally {
      try {
        Files.deleteIfExists(file);
      } catch (IOException e) {
        // Lambda's /tmp is recycled with the container; nothing else to do
      }
    }
  }
}
