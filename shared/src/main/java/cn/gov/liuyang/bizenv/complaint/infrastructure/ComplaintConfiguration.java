package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;

/** Complaint settings from the function's environment, checked once at start-up. */
public final class ComplaintConfiguration {
  private ComplaintConfiguration() {}

  /**
   * Deadlines on the shipped calendars, with time limits from {@code COMPLAINT_TIME_LIMITS} (e.g.
   * {@code accept=3,handle=15,revisit=5}) or the defaults.
   */
  public static Deadlines deadlines() {
    TimeLimits limits =
        Env.optional("COMPLAINT_TIME_LIMITS")
            .map(
                text ->
                    TimeLimits.parse(text)
                        .orElseThrow(
                            () ->
                                new IllegalStateException(
                                    "COMPLAINT_TIME_LIMITS is not like"
                                        + " accept=3,handle=15,revisit=5")))
            .orElse(TimeLimits.DEFAULT);
    return new Deadlines(new WorkingDays(new ClasspathWorkingDayCalendars()), limits);
  }
}
