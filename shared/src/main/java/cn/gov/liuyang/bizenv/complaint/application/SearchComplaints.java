package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The officers' search, newest first, with every deadline as it stands today: one stored as unknown
 * is counted again on the calendars in force, so a case shows its date (and may be overdue) as soon
 * as its year's calendar is there; the next write of the case stores it.
 */
public record SearchComplaints(ComplaintSearch search, Deadlines deadlines) {

  /**
   * One page of the complaints matching {@code query}. With {@link ComplaintQuery#overdueOn}, a
   * case the store could only say might be overdue (its deadline stored as unknown) is kept only
   * if, counted now, it is; the page is then filled from further down the list.
   *
   * @throws ComplaintSearch.BadCursor when the query's cursor was not made by this search
   */
  public ComplaintPage search(ComplaintQuery query) {
    List<Complaint> found = new ArrayList<>();
    Optional<String> cursor = query.cursor();
    do {
      ComplaintPage page = search.search(query.from(cursor, query.pageSize() - found.size()));
      for (Complaint stored : page.complaints()) {
        Complaint complaint = stored.withDeadlineResolved(deadlines);
        if (query.overdueOn().filter(today -> !complaint.overdueOn(today)).isEmpty()) {
          found.add(complaint);
        }
      }
      cursor = page.nextCursor();
    } while (found.size() < query.pageSize() && cursor.isPresent());
    return new ComplaintPage(found, cursor);
  }
}
