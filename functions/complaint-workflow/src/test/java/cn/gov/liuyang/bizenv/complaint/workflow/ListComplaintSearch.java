package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.application.ComplaintPage;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintQuery;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A search over complaints kept in memory, newest first, paged by position (the cursor is {@code
 * at:<n>}), as stored, as the DynamoDB adapters do; the DynamoDB search runs on dynalite in the
 * ITs. Counts the searches it answers.
 */
final class ListComplaintSearch implements ComplaintSearch, Complaints {
  private final List<Complaint> complaints = new ArrayList<>();
  int searches;

  @Override
  public synchronized boolean add(Complaint complaint) {
    return complaints.add(complaint);
  }

  @Override
  public synchronized boolean update(Complaint before, Complaint after) {
    int i = -1;
    for (int j = 0; j < complaints.size(); j++) {
      if (complaints.get(j).trackingNumber().equals(before.trackingNumber())
          && complaints.get(j).version() == before.version()) {
        i = j;
      }
    }
    if (i < 0) {
      return false;
    }
    complaints.set(i, after);
    return true;
  }

  @Override
  public synchronized Optional<Complaint> find(TrackingNumber number) {
    return complaints.stream().filter(c -> c.trackingNumber().equals(number)).findFirst();
  }

  @Override
  public synchronized ComplaintPage search(ComplaintQuery query) {
    searches++;
    List<Complaint> matching =
        complaints.stream()
            .filter(c -> query.statuses().isEmpty() || query.statuses().contains(c.status()))
            .filter(c -> !c.filedOn().isBefore(query.filedFrom()))
            .filter(c -> !c.filedOn().isAfter(query.filedTo()))
            .sorted(Comparator.comparing(Complaint::filedAt).reversed())
            .toList();
    int from = query.cursor().map(ListComplaintSearch::position).orElse(0);
    int to = Math.min(matching.size(), from + query.pageSize());
    Optional<String> next = to < matching.size() ? Optional.of("at:" + to) : Optional.empty();
    return new ComplaintPage(matching.subList(from, to), next);
  }

  private static int position(String cursor) {
    if (!cursor.startsWith("at:")) {
      throw new BadCursor();
    }
    try {
      return Integer.parseInt(cursor.substring(3));
    } catch (NumberFormatException e) {
      throw new BadCursor();
    }
  }

  @Override
  public synchronized List<Complaint> filedIn(int year) {
    return complaints.stream().filter(c -> c.filedOn().getYear() == year).toList();
  }
}
