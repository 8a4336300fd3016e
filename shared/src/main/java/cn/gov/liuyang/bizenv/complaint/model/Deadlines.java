package cn.gov.liuyang.bizenv.complaint.model;

import java.time.LocalDate;

/** The last day of each step, in working days, under the configured time limits. */
public record Deadlines(WorkingDays workingDays, TimeLimits limits) {

  public LocalDate acceptBy(LocalDate filedOn) {
    return workingDays.addTo(filedOn, limits.accept());
  }

  public LocalDate handleBy(LocalDate acceptedOn) {
    return workingDays.addTo(acceptedOn, limits.handle());
  }

  public LocalDate revisitBy(LocalDate closedOn) {
    return workingDays.addTo(closedOn, limits.revisit());
  }
}
