package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a submission's workbook is uploaded: {@code spending/<unit>/<year>/<submission
 * id>.<xlsx|xls|csv>}. The key alone tells the import which submission an object-created event is
 * about.
 */
public record UploadKey(UnitId unit, FiscalYear year, SubmissionId submission, FileFormat format) {
  public static final String PREFIX = "spending/";
  private static final Pattern SHAPE =
      Pattern.compile(
          "spending/([a-z0-9][a-z0-9-]{1,39})/(\\d{4})/([0-9a-f]{32})\\.(xlsx|xls|csv)");

  /** The spreadsheet formats the import reads. */
  public enum FileFormat {
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    /** Excel 97–2003; WPS's .et files are uploaded as this too (the import reads BIFF ones). */
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
      if (lower.endsWith(".xls") || lower.endsWith(".et")) {
        return Optional.of(XLS);
      }
      return lower.endsWith(".csv") ? Optional.of(CSV) : Optional.empty();
    }
  }

  public String value() {
    return PREFIX + unit + "/" + year + "/" + submission + "." + format.extension();
  }

  /** Reads a key back; empty for keys this import did not hand out. */
  public static Optional<UploadKey> parse(String key) {
    Matcher m = SHAPE.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    Optional<FiscalYear> year = FiscalYear.parse(m.group(2));
    if (year.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new UploadKey(
            new UnitId(m.group(1)),
            year.get(),
            new SubmissionId(m.group(3)),
            FileFormat.valueOf(m.group(4).toUpperCase(Locale.ROOT))));
  }

  @Override
  public String toString() {
    return value();
  }
}
