package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.UploadKey.FileFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The shape the spending and ledger imports' upload keys share: {@code
 * <prefix><unit>/<year>/<submission id>.<xlsx|xls|csv>}, so each key alone tells which submission
 * an object-created event is about.
 */
public final class SubmissionKeys {
  private SubmissionKeys() {}

  /** What a key names. */
  public record Parts(UnitId unit, FiscalYear year, SubmissionId submission, FileFormat format) {}

  /** The pattern of the keys under {@code prefix}. */
  public static Pattern shape(String prefix) {
    return Pattern.compile(
        Pattern.quote(prefix)
            + "([a-z0-9][a-z0-9-]{1,39})/(\\d{4})/([0-9a-f]{32})\\.(xlsx|xls|csv)");
  }

  public static String value(String prefix, Parts parts) {
    return prefix
        + parts.unit()
        + "/"
        + parts.year()
        + "/"
        + parts.submission()
        + "."
        + parts.format().extension();
  }

  /** Reads a key of {@code shape} back; empty for keys that import did not hand out. */
  public static Optional<Parts> parse(Pattern shape, String key) {
    Matcher m = shape.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    return FiscalYear.parse(m.group(2))
        .map(
            year ->
                new Parts(
                    new UnitId(m.group(1)),
                    year,
                    new SubmissionId(m.group(3)),
                    FileFormat.valueOf(m.group(4).toUpperCase(Locale.ROOT))));
  }
}
