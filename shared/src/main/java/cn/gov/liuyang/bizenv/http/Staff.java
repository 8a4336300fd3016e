package cn.gov.liuyang.bizenv.http;

import java.util.Map;
import java.util.Set;

/**
 * The staff member making a request, from the JWT claims API Gateway's authorizer verified: the
 * identity provider's stable {@code sub}, the display name ({@code name}, or the subject when there
 * is none) and the staff groups ({@link StaffGroups}).
 */
public record Staff(String subject, String displayName, Set<String> groups) {
  public Staff {
    groups = Set.copyOf(groups);
  }

  /** The caller, or 401 {@code UNAUTHENTICATED} when the claims name nobody. */
  public static Staff of(HttpApiEvent event) {
    Map<String, String> claims = event.jwtClaims();
    String subject = claims.get("sub");
    if (subject == null || subject.isBlank()) {
      throw new ApiProblem(401, "UNAUTHENTICATED", "请先登录");
    }
    String name = claims.getOrDefault("name", subject);
    return new Staff(subject, name.isBlank() ? subject : name, StaffGroups.of(claims));
  }
}
