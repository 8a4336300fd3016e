package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import java.util.List;

/**
 * Finds complaints for officers, newest first, as stored: a deadline stored as unknown stays so
 * ({@link SearchComplaints} counts it again). With {@link ComplaintQuery#overdueOn}, the page holds
 * the open cases past their stored last day and those whose deadline is stored as unknown.
 */
public interface ComplaintSearch {

  /** One page of the complaints matching {@code query}. */
  ComplaintPage search(ComplaintQuery query);

  /** Every complaint filed in {@code year} (China time), for statistics. */
  List<Complaint> filedIn(int year);

  /** Thrown when a cursor was not made by this search. */
  final class BadCursor extends RuntimeException {
    public BadCursor() {
      super("cursor not recognised");
    }
  }
}
