package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import java.util.List;
import java.util.Optional;

/** One page of a search, newest first, and the cursor of the next page if there is one. */
public record ComplaintPage(List<Complaint> complaints, Optional<String> nextCursor) {
  public ComplaintPage {
    complaints = List.copyOf(complaints);
  }
}
