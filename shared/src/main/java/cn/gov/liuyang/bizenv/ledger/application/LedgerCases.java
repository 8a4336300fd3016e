package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.LedgerOrigin;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.RefusalReason;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.YearFigures;
import cn.gov.liuyang.bizenv.ledger.model.LedgerCase;
import cn.gov.liuyang.bizenv.ledger.model.Satisfaction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Turns ledger rows into cases that went through the same state machine as filed ones (受理 → 多方联动会议
 * → 办结 → 回访), so that the statistics count them exactly alike: on time against the working-day
 * limits and calendars, satisfaction from the follow-up, meetings, difficulties solved.
 */
public final class LedgerCases {
  /** Who the steps of an imported case are recorded as taken by. */
  public static final Officer LEDGER = new Officer("ledger-import", "台账导入");

  private static final LocalTime RECEIVED_AT = LocalTime.of(9, 0);
  private static final LocalTime CLOSED_AT = LocalTime.of(17, 0);

  private LedgerCases() {}

  /** The case a row states, as imported by {@code importId} for {@code unit}. */
  public static Complaint toComplaint(
      LedgerCase row, String importId, UnitId unit, Deadlines deadlines) {
    Instant received = at(row.receivedOn(), RECEIVED_AT);
    Complaint c =
        Complaint.file(
            trackingNumber(importId, row.sheet(), row.row()),
            row.kind(),
            row.department().orElse(row.kind().label()),
            row.summary().isEmpty() ? "（台账未记录诉求内容）" : row.summary(),
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            received,
            deadlines);
    Optional<String> note = Optional.of("台账第 " + row.row() + " 行");
    if (row.refused()) {
      c =
          c.apply(
              new ComplaintAction.Refuse(RefusalReason.OUTSIDE_REMIT, row.handling()),
              LEDGER,
              received.plusSeconds(60),
              deadlines);
      return c.importedFrom(origin(row, importId, unit));
    }
    c = c.apply(new ComplaintAction.Accept(note), LEDGER, received.plusSeconds(60), deadlines);
    for (int i = 0; i < row.meetings(); i++) {
      c =
          c.apply(
              new ComplaintAction.Meeting("台账记载", row.handling().orElse("多方联动会议")),
              LEDGER,
              received.plusSeconds(120L + i),
              deadlines);
    }
    if (!row.closed()) {
      return c.importedFrom(origin(row, importId, unit));
    }
    String result = row.handling().orElse("已办结");
    Instant closedAt =
        row.closedOn().map(day -> at(day, CLOSED_AT)).orElse(received.plusSeconds(3600));
    // a closing on the day of receipt is still after the acceptance and the meetings
    if (!closedAt.isAfter(received.plusSeconds(180L + row.meetings()))) {
      closedAt = received.plusSeconds(180L + row.meetings());
    }
    c =
        c.apply(
            new ComplaintAction.Close(result, row.difficultiesSolved(), note),
            LEDGER,
            closedAt,
            deadlines);
    if (row.closedOn().isEmpty()) {
      // closed on a day the ledger does not give: not counted late on a date nobody knows, and
      // left out of the average time to close
      c = c.withClosingDateUnknown();
    }
    if (row.resultSatisfaction().rated() || row.serviceSatisfaction().rated()) {
      c =
          c.apply(
              new ComplaintAction.Revisit(
                  satisfied(row.resultSatisfaction(), row.serviceSatisfaction()),
                  satisfied(row.serviceSatisfaction(), row.resultSatisfaction()),
                  Optional.of(
                      "回访："
                          + row.resultSatisfaction().label()
                          + "（结果）/"
                          + row.serviceSatisfaction().label()
                          + "（服务）")),
              LEDGER,
              closedAt.plusSeconds(60),
              deadlines);
    }
    return c.importedFrom(origin(row, importId, unit));
  }

  /** The year's figures these cases give, as the statistics count them. */
  public static Map<String, Integer> figures(
      FiscalYear year, List<Complaint> cases, LocalDate today, Deadlines deadlines) {
    ComplaintYearStatistics s = YearFigures.count(year, cases, today, deadlines);
    Map<String, Integer> figures = new LinkedHashMap<>();
    figures.put("received", s.received());
    for (ComplaintKind kind : ComplaintKind.values()) {
      figures.put(kind.name(), s.receivedOf(kind));
    }
    figures.put("accepted", s.accepted());
    figures.put("closed", s.closed());
    figures.put("closedOnTime", s.closedOnTime());
    figures.put("meetings", s.meetings());
    figures.put("difficultiesResolved", s.difficultiesResolved());
    figures.put("rated", s.rated());
    figures.put("satisfiedWithResult", s.satisfiedWithResult());
    figures.put("satisfiedWithService", s.satisfiedWithService());
    return figures;
  }

  /** One side unrated while the other is rated: the rated side stands for both. */
  private static boolean satisfied(Satisfaction side, Satisfaction other) {
    return side.rated() ? side.satisfied() : other.satisfied();
  }

  private static LedgerOrigin origin(LedgerCase row, String importId, UnitId unit) {
    return new LedgerOrigin(importId, unit, row.sheet(), row.row(), row.registrationNumber());
  }

  private static Instant at(LocalDate day, LocalTime time) {
    return day.atTime(time).atZone(Complaint.ZONE).toInstant();
  }

  /**
   * The same number for the same row of the same import, so that a redelivery writes the same
   * items; a different one for every import.
   */
  static TrackingNumber trackingNumber(String importId, String sheet, int row) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((importId + "\n" + sheet + "\n" + row).getBytes(StandardCharsets.UTF_8));
      return TrackingNumber.random(new Random(ByteBuffer.wrap(digest).getLong()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
