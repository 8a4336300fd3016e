package cn.gov.liuyang.bizenv.local.runner.auth;

import java.util.List;

/** Who a local staff token speaks for: subject, display name and groups (roles). */
public record StaffIdentity(String subject, String name, List<String> groups) {
  public static final List<String> ALL_GROUPS =
      List.of("complaint-officer", "finance", "evaluation");

  public StaffIdentity {
    groups = List.copyOf(groups);
  }
}
