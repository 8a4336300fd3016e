package cn.gov.liuyang.bizenv.audit.model;

import java.util.List;
import java.util.Optional;

/** The audit trail of reads of complainants' personal data: append-only, read per case. */
public interface PersonalDataReads {
  /**
   * Records one read durably before returning; throws when it cannot, so that the caller shows
   * nothing it has not recorded.
   */
  void record(PersonalDataRead read);

  /**
   * The reads of one case, newest first, at most {@code limit}, continuing after {@code cursor}
   * (from a previous page's {@link Page#nextCursor()}).
   *
   * @throws BadCursor when the cursor is not one this trail handed out for this case
   */
  Page ofCase(String caseNumber, int limit, Optional<String> cursor);

  /** One page of a case's reads, and where the next begins when there is more. */
  record Page(List<PersonalDataRead> reads, Optional<String> nextCursor) {
    public Page {
      reads = List.copyOf(reads);
    }
  }

  /** A paging cursor that this trail did not hand out for the case asked for. */
  final class BadCursor extends RuntimeException {
    public BadCursor() {
      super("bad cursor");
    }
  }
}
