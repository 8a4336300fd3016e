package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;

/**
 * What an officer searches for; empty criteria match everything. Dates are filing dates in China,
 * both ends included.
 *
 * @param department matches the department transferred to, or the subject, containing this text
 * @param overdueOn when present, only cases whose running step is past its last day on that date
 * @param cursor where the previous page ended, as returned with it
 */
public record ComplaintQuery(
    Set<ComplaintStatus> statuses,
    Optional<ComplaintKind> kind,
    Optional<String> department,
    LocalDate filedFrom,
    LocalDate filedTo,
    Optional<LocalDate> overdueOn,
    int pageSize,
    Optional<String> cursor) {

  public ComplaintQuery {
    statuses = Set.copyOf(statuses);
    if (filedTo.isBefore(filedFrom)) {
      throw new IllegalArgumentException("filedTo before filedFrom");
    }
  }

  /** The same criteria for the page of {@code size} that starts at {@code at}. */
  public ComplaintQuery from(Optional<String> at, int size) {
    return new ComplaintQuery(statuses, kind, department, filedFrom, filedTo, overdueOn, size, at);
  }
}
