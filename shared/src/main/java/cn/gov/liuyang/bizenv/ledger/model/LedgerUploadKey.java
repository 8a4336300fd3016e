package cn.gov.liuyang.bizenv.ledger.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKeys;
import cn.gov.liuyang.bizenv.spending.model.UploadKey.FileFormat;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a ledger is uploaded: {@code ledgers/<unit>/<year>/<submission id>.<xlsx|xls|csv>}. The key
 * alone tells the ingest which ledger submission an object-created event is about.
 */
public record LedgerUploadKey(
    UnitId unit, FiscalYear year, SubmissionId submission, FileFormat format) {
  public static final String PREFIX = "ledgers/";
  private static final Pattern SHAPE = SubmissionKeys.shape(PREFIX);

  public String value() {
    return SubmissionKeys.value(PREFIX, new SubmissionKeys.Parts(unit, year, submission, format));
  }

  /** Reads a key back; empty for keys the ledger import did not hand out. */
  public static Optional<LedgerUploadKey> parse(String key) {
    return SubmissionKeys.parse(SHAPE, key)
        .map(k -> new LedgerUploadKey(k.unit(), k.year(), k.submission(), k.format()));
  }

  @Override
  public String toString() {
    return value();
  }
}
