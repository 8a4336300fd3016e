package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/** What staff read back about a ledger upload: its status, outcome and result links. */
public record LedgerSubmissionQueries(LedgerSubmissionStore submissions, ResultStore results) {
  private static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

  /**
   * A ledger submission with short-lived links to 校验结果.xlsx and the JSON outcome, once processed.
   */
  public record View(LedgerSubmission submission, Optional<Links> links) {}

  public record Links(URI report, URI outcome) {}

  /** The ledger submission; refused ({@code UNIT_FORBIDDEN}) when it is another unit's. */
  public Optional<View> find(SubmissionId id, UnitScope actingFor) {
    return submissions
        .find(id)
        .map(
            s -> {
              actingFor.require(s.unit());
              String name = baseName(s.fileName());
              return new View(
                  s,
                  s.outcome()
                      .map(
                          o ->
                              new Links(
                                  results.presignDownload(
                                      o.reportKey(), name + "-校验结果.xlsx", LINK_LIFETIME),
                                  results.presignDownload(
                                      o.outcomeKey(), name + "-校验结果.json", LINK_LIFETIME))));
            });
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
