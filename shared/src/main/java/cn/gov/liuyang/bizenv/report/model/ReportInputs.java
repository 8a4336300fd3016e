package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/** Everything a self-evaluation report is made from; its fingerprint identifies the report. */
public record ReportInputs(
    UnitId unit,
    FiscalYear year,
    AcceptedSpending spending,
    ComplaintYearStatistics complaints,
    NarrativeVersion narrative,
    IndicatorSet indicatorSet) {

  public ReportInputs {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(spending, "spending");
    Objects.requireNonNull(complaints, "complaints");
    Objects.requireNonNull(narrative, "narrative");
    Objects.requireNonNull(indicatorSet, "indicatorSet");
  }

  /** The document date: when the last of its inputs was settled. */
  public Instant settledAt() {
    Instant accepted = spending.acceptedAt();
    return accepted == null || accepted.isBefore(narrative.savedAt())
        ? narrative.savedAt()
        : accepted;
  }

  /**
   * SHA-256 (hex) of a canonical text of every input and of the layout version, in a fixed order,
   * so equal inputs give equal fingerprints across machines and runs.
   */
  public String fingerprint(String layoutVersion) {
    Canonical c = new Canonical();
    c.put("layout", layoutVersion);
    c.put("unit", unit.value());
    c.put("year", year.toString());
    c.put("spending.submission", spending.submissionId());
    c.put("spending.acceptedAt", String.valueOf(spending.acceptedAt()));
    for (SpendingLine line : spending.lines()) {
      c.put(
          "spending.line",
          line.type().name(),
          line.project().orElse(""),
          line.economicCode().value(),
          line.economicName(),
          line.budget().yuan().toPlainString(),
          line.actual().yuan().toPlainString(),
          String.valueOf(line.fundSource()));
    }
    spending
        .staffing()
        .ifPresent(
            staffing ->
                c.put(
                    "spending.staffing",
                    Integer.toString(staffing.authorizedPosts()),
                    Integer.toString(staffing.staffOnPayroll())));
    c.put(
        "spending.priorYearSanGong",
        spending.priorYearSanGong().map(ReportInputs::amount).orElse(""));
    c.put("spending.sanGongBudget", spending.sanGongBudget().map(ReportInputs::amount).orElse(""));
    // only when stated, so the fingerprints of inputs without them do not change
    spending
        .procurementBudget()
        .ifPresent(budget -> c.put("spending.procurementBudget", amount(budget)));
    spending
        .procurementActual()
        .ifPresent(actual -> c.put("spending.procurementActual", amount(actual)));
    spending
        .budgetAdjustment()
        .ifPresent(adjustment -> c.put("spending.budgetAdjustment", amount(adjustment)));
    c.put("complaints.received", complaints.received());
    for (ComplaintKind kind : ComplaintKind.values()) {
      c.put("complaints.kind." + kind.name(), complaints.receivedOf(kind));
    }
    c.put("complaints.accepted", complaints.accepted());
    c.put("complaints.closed", complaints.closed());
    c.put("complaints.closedOnTime", complaints.closedOnTime());
    c.put("complaints.overdueOpen", complaints.overdueOpen());
    c.put("complaints.meetings", complaints.meetings());
    c.put("complaints.difficultiesResolved", complaints.difficultiesResolved());
    c.put("complaints.rated", complaints.rated());
    c.put("complaints.satisfiedWithResult", complaints.satisfiedWithResult());
    c.put("complaints.satisfiedWithService", complaints.satisfiedWithService());
    c.put(
        "complaints.averageWorkingDaysToClose",
        complaints.averageWorkingDaysToClose().map(d -> d.toPlainString()).orElse(""));
    c.put("narrative.version", narrative.version());
    c.put("narrative.savedAt", narrative.savedAt().toString());
    ReportNarrative text = narrative.narrative();
    c.put("profile.unitName", text.profile().unitName());
    c.put("profile.functions", text.profile().functions());
    c.put("profile.departments", text.profile().departments());
    c.put("profile.staffing", text.profile().staffing());
    for (NarrativeSection section : NarrativeSection.values()) {
      c.put("section." + section.key(), text.section(section));
    }
    text.projectNotes().forEach(note -> c.put("projectNote", note.project(), note.text()));
    text.manualScores()
        .forEach(
            score ->
                c.put(
                    "manualScore",
                    score.indicatorId(),
                    score.score().toPlainString(),
                    score.note().orElse("")));
    c.put("indicatorSet.version", indicatorSet.version());
    return c.sha256();
  }

  private static String amount(Money money) {
    return money == null ? "" : money.yuan().toPlainString();
  }

  /** Length-prefixed fields, one record a line: no separator inside a value can fake another. */
  private static final class Canonical {
    private final StringBuilder text = new StringBuilder();

    void put(String key, int value) {
      put(key, Integer.toString(value));
    }

    void put(String key, Optional<String> value) {
      put(key, value.orElse(""));
    }

    void put(String key, String... values) {
      text.append(key);
      for (String value : values) {
        text.append('|').append(value.length()).append(':').append(value);
      }
      text.append('\n');
    }

    String sha256() {
      try {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        return HexFormat.of()
            .formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("SHA-256 is part of every JVM", e);
      }
    }
  }
}
