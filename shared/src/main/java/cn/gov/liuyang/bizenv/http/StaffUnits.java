package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.common.UnitScope;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which budget units the caller may act for, from the JWT that API Gateway verified: the claim
 * {@code custom:units} (a Cognito user pool's custom attribute, which docs/deploy.md fills with
 * unit codes separated by spaces) or {@code units}: a JSON array, API Gateway's {@code [a b]}, or a
 * plain value whose space-separated words are the units. Unlike a group name, a unit code can hold
 * no space, so splitting a plain value on spaces cannot merge or invent a unit; it is never split
 * on commas, and a word that is not a unit code ({@code *}, {@code a,b}) names no unit. Members of
 * the {@link StaffGroups#ALL_UNITS} group act for every unit.
 */
public final class StaffUnits {
  private static final List<String> CLAIMS = List.of("custom:units", "units");

  private StaffUnits() {}

  /** The caller's units; none when the token names none. */
  public static UnitScope of(HttpApiEvent event) {
    return of(event.jwtClaims());
  }

  static UnitScope of(Map<String, String> claims) {
    if (StaffGroups.of(claims).contains(StaffGroups.ALL_UNITS)) {
      return UnitScope.everyUnit();
    }
    Set<UnitId> units = new LinkedHashSet<>();
    for (String claim : CLAIMS) {
      Optional.ofNullable(claims.get(claim))
          .ifPresent(
              value ->
                  StaffGroups.parse(value)
                      .flatMap(word -> Arrays.stream(word.strip().split("\\s+")))
                      .map(UnitId::parse)
                      .flatMap(Optional::stream)
                      .forEach(units::add));
    }
    return UnitScope.of(units);
  }

  /**
   * {@code {unit}} from the path ({@link PathParams#unit}), refused with 403 {@code UNIT_FORBIDDEN}
   * unless the caller may act for it.
   */
  public static UnitId pathUnit(HttpApiEvent event) {
    UnitId unit = PathParams.unit(event);
    require(event, unit);
    return unit;
  }

  /** Refuses with 403 {@code UNIT_FORBIDDEN} unless the caller may act for {@code unit}. */
  public static void require(HttpApiEvent event, UnitId unit) {
    of(event).require(unit);
  }
}
