package cn.gov.liuyang.bizenv.audit.application;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Optional;

/**
 * A supervisor reads who saw a case's personal data, when and what: one case at a time, newest
 * first, a page at a time. Which staff may do so is the edge's check (the {@code supervisor}
 * group).
 */
public final class ReadAuditTrail {
  public static final int MAX_PAGE = 100;

  private final PersonalDataReads reads;

  public ReadAuditTrail(PersonalDataReads reads) {
    this.reads = reads;
  }

  /** The reads of the case, up to {@code limit} (1–{@value #MAX_PAGE}). */
  public PersonalDataReads.Page ofCase(TrackingNumber number, int limit, Optional<String> cursor) {
    if (limit < 1 || limit > MAX_PAGE) {
      throw Refusal.invalid("LIMIT_INVALID", "每页条数应为 1 到 " + MAX_PAGE + " 的整数");
    }
    try {
      return reads.ofCase(number.display(), limit, cursor);
    } catch (PersonalDataReads.BadCursor e) {
      throw Refusal.invalid("CURSOR_INVALID", "翻页标记无效，请从第一页重新查询");
    }
  }
}
