package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The cases whose running deadline a year's calendar decides ({@link Complaint#deadlineCountedOn}):
 * before the calendar is stored, those waiting for it; after, the same cases with the date it gave
 * them. Read through the officers' search over the cases with a running limit filed from two years
 * before to the end of that year, newest first, in bounded pages.
 *
 * @param deadlines the calendars in force, on which deadlines stored as unknown are counted again
 */
public record CasesWaitingForCalendar(ComplaintSearch search, Deadlines deadlines) {
  /** The searches one page may take; each looks at no more cases than the page size. */
  public static final int MAX_SEARCHES_PER_PAGE = 5;

  /** Statuses under a running limit: 受理, 办结, and 回访 once closed. */
  private static final Set<ComplaintStatus> RUNNING =
      EnumSet.of(
          ComplaintStatus.RECEIVED,
          ComplaintStatus.ACCEPTED,
          ComplaintStatus.IN_PROGRESS,
          ComplaintStatus.CLOSED);

  /**
   * @param examined how many cases with a running limit were looked at for this page
   * @param nextCursor where the next page starts, while cases remain to be looked at; a page may
   *     hold fewer than asked for (even none) and still have one
   */
  public record Page(List<Complaint> complaints, int examined, Optional<String> nextCursor) {
    public Page {
      complaints = List.copyOf(complaints);
    }
  }

  /**
   * @throws ComplaintSearch.BadCursor when {@code cursor} was not made by this search
   */
  public Page find(int year, int pageSize, Optional<String> cursor) {
    List<Complaint> found = new ArrayList<>();
    int examined = 0;
    Optional<String> next = cursor;
    int searches = 0;
    do {
      ComplaintPage page =
          search.search(
              new ComplaintQuery(
                  RUNNING,
                  Optional.empty(),
                  Optional.empty(),
                  LocalDate.of(year - 2, 1, 1),
                  LocalDate.of(year, 12, 31),
                  Optional.empty(),
                  pageSize - found.size(),
                  next));
      searches++;
      examined += page.complaints().size();
      page.complaints().stream()
          .map(c -> c.withDeadlineResolved(deadlines))
          .filter(c -> c.deadlineCountedOn(year))
          .forEach(found::add);
      next = page.nextCursor();
    } while (found.size() < pageSize && next.isPresent() && searches < MAX_SEARCHES_PER_PAGE);
    return new Page(found, examined, next);
  }
}
