package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Which staff groups the caller belongs to, from the JWT that API Gateway verified, and the check
 * that a staff route makes before anything else. Groups come from {@code cognito:groups} (Cognito
 * user pools) or {@code groups}; API Gateway hands array claims over as {@code "[a b]"}; any other
 * string is one group, exactly as named.
 */
public final class StaffGroups {
  /** Complaint officers: the complaint workflow and its statistics. */
  public static final String COMPLAINT_OFFICER = "complaint-officer";

  /** Finance clerks: spending uploads and their status. */
  public static final String FINANCE = "finance";

  /** Evaluation staff: the self-evaluation report, and reading complaint statistics. */
  public static final String EVALUATION = "evaluation";

  /** Supervisors: read the audit trail of officers' reads of complainants' personal data. */
  public static final String SUPERVISOR = "supervisor";

  /**
   * Staff who act for every budget unit (the coordinating office's own evaluation staff, say);
   * everyone else acts only for the units their token names ({@link StaffUnits}). A group, not a
   * value of the units claim, so that no unit code can ever mean "all".
   */
  public static final String ALL_UNITS = "all-units";

  private static final List<String> CLAIMS = List.of("cognito:groups", "groups");

  private StaffGroups() {}

  /** The groups named in the claims, in order, without duplicates. */
  public static Set<String> of(Map<String, String> claims) {
    Set<String> groups = new LinkedHashSet<>();
    for (String claim : CLAIMS) {
      String value = claims.get(claim);
      if (value != null) {
        parse(value).forEach(groups::add);
      }
    }
    return groups;
  }

  /**
   * Refuses the request unless the caller belongs to at least one of {@code anyOf}: 401 without
   * verified claims, 403 {@code FORBIDDEN_GROUP} with the groups that would do.
   */
  public static void require(HttpApiEvent event, String... anyOf) {
    Map<String, String> claims = event.jwtClaims();
    if (claims.isEmpty()) {
      throw new ApiProblem(401, "UNAUTHENTICATED", "请先登录");
    }
    Set<String> groups = of(claims);
    if (Arrays.stream(anyOf).noneMatch(groups::contains)) {
      throw new ApiProblem(
          403,
          "FORBIDDEN_GROUP",
          "您没有办理此事项的权限（需要 " + String.join(" 或 ", anyOf) + " 用户组），请联系管理员开通",
          List.of(),
          Map.of("requiredGroups", List.of(anyOf)));
    }
  }

  /**
   * The claim as the list it is, never split on commas: a JSON array ({@code ["a","b"]}) element by
   * element; API Gateway's form of an array claim ({@code [a b]}) on whitespace, which no Cognito
   * group name contains; anything else is one group, exactly as named ({@code x,finance} is not
   * {@code finance}).
   */
  static Stream<String> parse(String value) {
    String list = value.strip();
    if (list.startsWith("[") && list.endsWith("]")) {
      String inner = list.substring(1, list.length() - 1).strip();
      if (inner.startsWith("\"")) {
        return jsonArray(list);
      }
      return Arrays.stream(inner.split("\\s+")).filter(g -> !g.isEmpty());
    }
    return list.isEmpty() ? Stream.empty() : Stream.of(list);
  }

  /** The string elements of a JSON array; a malformed one names no group. */
  private static Stream<String> jsonArray(String text) {
    try {
      JsonNode array = Json.mapper().readTree(text);
      List<String> groups = new ArrayList<>();
      for (JsonNode element : array) {
        if (!element.isTextual()) {
          return Stream.empty();
        }
        groups.add(element.asText());
      }
      return groups.stream();
    } catch (IOException malformed) {
      return Stream.empty();
    }
  }
}
