package cn.gov.liuyang.bizenv.ledger.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.UploadKey.FileFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a ledger is uploaded: {@code ledgers/<unit>/<year>/<submission id>.<xlsx|xls|csv>}. The key
 * alone tells the ingest which ledger submission an object-created event is about.
 */
public record LedgerUploadKey(
    UnitId unit, FiscalYear year, SubmissionId submission, FileFormat format) {
  public static final String PREFIX = "ledgers/";
  private static final Pattern SHAPE =
      Pattern.compile("ledgers/([a-z0-9][a-z0-9-]{1,39})/(\\d{4})/([0-9a-f]{32})\\.(xlsx|xls|csv)");

  public String value() {
    return PREFIX + unit + "/" + year + "/" + submission + "." + format.extension();
  }

  /** Reads a key back; empty for keys the ledger import did not hand out. */
  public static Optional<LedgerUploadKey> parse(String key) {
    Matcher m = SHAPE.matcher(key);
    if (!m.matches()) {
      return Optional.empty();
    }
    return FiscalYear.parse(m.group(2))
        .map(
            year ->
                new LedgerUploadKey(
                    new UnitId(m.group(1)),
                    year,
                    new SubmissionId(m.group(3)),
                    FileFormat.valueOf(m.group(4).toUpperCase(Locale.ROOT))));
  }

  @Override
  public String toString() {
    return value();
  }
}
