package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/** What finance reads back: a submission's status and result links, and a year's submissions. */
public record SubmissionQueries(SubmissionStore submissions, ResultStore results) {
  public static final Duration LINK_LIFETIME = Duration.ofMinutes(10);

  /**
   * A submission as finance sees it.
   *
   * @param current whether its lines are the year's figures now
   * @param reportUrl the findings workbook, once processed
   * @param outcomeUrl the JSON outcome, once processed
   */
  public record View(
      Submission submission, boolean current, Optional<URI> reportUrl, Optional<URI> outcomeUrl) {}

  /**
   * The submission, refused ({@code UNIT_FORBIDDEN}) when it belongs to a unit the caller may not
   * act for; empty when there is none.
   */
  public Optional<View> find(SubmissionId id, UnitScope actingFor) {
    return submissions
        .find(id)
        .map(
            submission -> {
              actingFor.require(submission.unit());
              boolean current =
                  submissions
                      .current(submission.unit(), submission.year())
                      .map(id::equals)
                      .orElse(false);
              String name = baseName(submission.fileName());
              return new View(
                  submission,
                  current,
                  submission
                      .outcome()
                      .map(
                          o ->
                              results.presignDownload(
                                  o.reportKey(), name + "-校验结果.xlsx", LINK_LIFETIME)),
                  submission
                      .outcome()
                      .map(
                          o ->
                              results.presignDownload(
                                  o.outcomeKey(), name + "-校验结果.json", LINK_LIFETIME)));
            });
  }

  /** The year's submissions, newest first, and which one holds the figures. */
  public record YearView(Optional<SubmissionId> current, List<Submission> submissions) {}

  public YearView list(UnitId unit, FiscalYear year) {
    // the unit comes from the route, checked at the edge (StaffUnits.pathUnit)
    List<Submission> all = new ArrayList<>(submissions.list(unit, year));
    Collections.reverse(all);
    return new YearView(submissions.current(unit, year), all);
  }

  private static String baseName(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot > 0 ? fileName.substring(0, dot) : fileName;
  }
}
