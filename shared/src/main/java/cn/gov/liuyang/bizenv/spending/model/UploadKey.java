package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a submission's workbook is uploaded: {@code spending/<unit>/<year>/<submission
 * id>.<xlsx|xls|csv>}. The key alone tells the import which submission an object-created event is
 * about.
 */
public record UploadKey(UnitId unit, FiscalYear year, SubmissionId submission, FileFormat format) {
  public static final String PREFIX = "spending/";
  private static final Pattern SHAPE = SubmissionKeys.shape(PREFIX);

  /** The spreadsheet formats the import reads. */
  public enum FileFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** Excel 97–2003 (BIFF8), as older finance software exports it */
    XLS("application/vnd.ms-excel"),
    CSV("text/csv");

    private final String contentType;

    FileFormat(String contentType) {
      this.contentType = contentType;
    }

    public String contentType() {
      return contentType;
    }

    public String extension() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The format a file name's extension announces, if it is one the import reads. */
    public static Optional<FileFormat> ofFileName(String fileName) {
      String lower = fileName.toLowerCase(Locale.ROOT);
      if (lower.endsWith(".xlsx")) {
        return Optional.of(XLSX);
      }
      if (lower.endsWith(".xls")) {
        return Optional.of(XLS);
      }
      return lower.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
  }

  public String value() {
    return SubmissionKeys.value(PREFIX, new SubmissionKeys.Parts(unit, year, submission, format));
  }

  /** Reads a key back; empty for keys this import did not hand out. */
  public static Optional<UploadKey> parse(String key) {
    return SubmissionKeys.parse(SHAPE, key)
        .map(k -> new UploadKey(k.unit(), k.year(), k.submission(), k.format()));
  }

  @Override
  public String toString() {
    return value();
  }
}
