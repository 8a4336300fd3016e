package cn.gov.liuyang.bizenv.audit.model;

import java.time.Instant;
import java.util.List;

/**
 * One time a staff member was shown a complainant's personal data: who (the identity provider's
 * subject and the name the token carried), when, which case, how (the route's purpose) and which
 * fields. Recorded before the data leaves the system, never changed afterwards.
 *
 * @param caseNumber the tracking number as displayed, {@code K7M-Q4X-T9H}
 * @param fields the personal fields shown, e.g. {@code contactName}, {@code contactPhone}
 */
public record PersonalDataRead(
    String caseNumber,
    String readerId,
    String readerName,
    Instant at,
    Purpose purpose,
    List<String> fields) {

  /** Why the data was shown. */
  public enum Purpose {
    /** the officer opened the case */
    VIEW_CASE,
    /** the case came back as the answer to a step the officer took on it */
    ACT_ON_CASE
  }

  public PersonalDataRead {
    if (caseNumber == null || caseNumber.isBlank() || readerId == null || readerId.isBlank()) {
      throw new IllegalArgumentException("a read names a case and a reader");
    }
    if (fields == null || fields.isEmpty()) {
      throw new IllegalArgumentException("a read shows at least one personal field");
    }
    fields = List.copyOf(fields);
  }
}
