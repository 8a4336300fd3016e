package cn.gov.liuyang.bizenv.local.runner.auth;

import java.util.List;

/**
 * Who a local staff token speaks for: subject, display name, groups (roles) and the budget units
 * they act for (the {@code units} claim; on Cognito the custom attribute {@code custom:units}).
 */
public record StaffIdentity(String subject, String name, List<String> groups, List<String> units) {
  public static final List<String> ALL_GROUPS =
      List.of("complaint-officer", "finance", "evaluation");

  /** The seed unit (浏阳市优化营商环境协调事务中心), which every local flow acts for unless told. */
  public static final List<String> SEED_UNITS = List.of("lyyshj");

  public StaffIdentity {
    groups = List.copyOf(groups);
    units = List.copyOf(units);
  }

  /** Acting for the seed unit. */
  public StaffIdentity(String subject, String name, List<String> groups) {
    this(subject, name, groups, SEED_UNITS);
  }
}
