package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A generated report as the registry keeps it: which version of which unit's year, where the PDF
 * is, and the fingerprint that proves what it was made from.
 *
 * @param objectKey where the PDF is in the reports bucket
 * @param narrativeVersion the version of staff's texts it used
 * @param spendingSubmission the accepted spending submission it used
 * @param indicatorSetVersion the version of the indicator set it was scored against (empty for
 *     reports recorded before the registry kept it)
 */
public record ReportRecord(
    UnitId unit,
    FiscalYear year,
    int version,
    String fingerprint,
    String objectKey,
    String fileName,
    long sizeBytes,
    BigDecimal score,
    Grade grade,
    Instant generatedAt,
    Author requestedBy,
    int narrativeVersion,
    String spendingSubmission,
    Optional<String> indicatorSetVersion) {

  /**
   * {@code reports/<unit>/<year>/v<version>-<fingerprint prefix>.pdf}: unit, year and version in
   * the name; the fingerprint keeps two racing requests from overwriting each other.
   */
  public static String objectKey(UnitId unit, FiscalYear year, int version, String fingerprint) {
    return "reports/%s/%d/v%04d-%s.pdf"
        .formatted(unit.value(), year.value(), version, fingerprint.substring(0, 12));
  }
}
