package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffUnitsTest {
  private static final UnitId A = new UnitId("unit-a");
  private static final UnitId B = new UnitId("unit-b");

  @Test
  void readsCognitosCustomAttributeAsAPlainValueAJsonArrayOrApiGatewaysBracketedForm() {
    assertThat(StaffUnits.of(Map.of("custom:units", "unit-a")).units()).containsExactly(A);
    assertThat(StaffUnits.of(Map.of("custom:units", "[\"unit-a\",\"unit-b\"]")).units())
        .containsExactlyInAnyOrder(A, B);
    assertThat(StaffUnits.of(Map.of("units", "[unit-a unit-b]")).units())
        .containsExactlyInAnyOrder(A, B);
  }

  @Test
  void readsCognitosSpaceSeparatedAttributeValueAsSeveralUnits() {
    // docs/deploy.md: admin-update-user-attributes … {"Name":"custom:units","Value":"lyyshj lyczj"}
    assertThat(StaffUnits.of(Map.of("custom:units", "unit-a unit-b")).units())
        .containsExactlyInAnyOrder(A, B);
    assertThat(StaffUnits.of(Map.of("custom:units", "  unit-a\tunit-b ")).units())
        .containsExactlyInAnyOrder(A, B);
    // a word that is no unit code names nothing, the others still count
    assertThat(StaffUnits.of(Map.of("custom:units", "unit-a x,unit-b")).units()).containsExactly(A);
  }

  @Test
  void neverSplitsOnCommasAndAValueThatIsNoUnitCodeNamesNoUnit() {
    assertThat(StaffUnits.of(Map.of("units", "unit-a,unit-b")).units()).isEmpty();
    assertThat(StaffUnits.of(Map.of("units", "[\"unit-a,unit-b\"]")).units()).isEmpty();
    assertThat(StaffUnits.of(Map.of("units", "[\"unit-a\", 3]")).units()).isEmpty();
  }

  @Test
  void anAsteriskIsNoWildcard() {
    assertThat(StaffUnits.of(Map.of("units", "*")).permits(A)).isFalse();
    assertThat(StaffUnits.of(Map.of("units", "[*]")).permits(A)).isFalse();
    assertThat(StaffUnits.of(Map.of("custom:units", "[\"*\"]")).permits(A)).isFalse();
  }

  @Test
  void onlyTheAllUnitsGroupActsForEveryUnit() {
    assertThat(StaffUnits.of(Map.of("cognito:groups", "[finance all-units]")).permits(B)).isTrue();
    // a unit value spelled like the group is no more than a unit code
    assertThat(StaffUnits.of(Map.of("units", "all-units")).permits(B)).isFalse();
    // nor is a group named like a unit a unit
    assertThat(StaffUnits.of(Map.of("groups", "[unit-b]")).permits(B)).isFalse();
  }

  @Test
  void aTokenWithoutUnitsMayActForNone() {
    assertThat(StaffUnits.of(Map.of("sub", "li", "groups", "[finance]")).permits(A)).isFalse();
    assertThat(StaffUnits.of(Map.of("units", "[]")).permits(A)).isFalse();
  }

  @Test
  void aUnitOutsideTheCallersIsRefusedAsForbiddenWithAStableCodeAndAChineseMessage() {
    // GIVEN a finance clerk of unit A
    HttpApiEvent event =
        event(Map.of("sub", "li", "groups", "[finance]", "custom:units", "unit-a"), "unit-b");

    // WHEN they name unit B in a path
    Refusal refusal = catchThrowableOfType(Refusal.class, () -> StaffUnits.pathUnit(event));

    // THEN 403 UNIT_FORBIDDEN, naming the unit asked for and theirs
    assertThat(HttpApiHandler.problem(refusal).status()).isEqualTo(403);
    assertThat(refusal.code()).isEqualTo("UNIT_FORBIDDEN");
    assertThat(refusal.getMessage()).contains("unit-b").contains("unit-a").contains("管理员");
    assertThat(refusal.details())
        .containsEntry("unit", "unit-b")
        .containsEntry("permittedUnits", List.of("unit-a"));
  }

  @Test
  void theCallersOwnUnitPasses() {
    HttpApiEvent event = event(Map.of("sub", "li", "custom:units", "[unit-a unit-b]"), "unit-b");

    assertThatCode(() -> StaffUnits.pathUnit(event)).doesNotThrowAnyException();
    assertThat(StaffUnits.pathUnit(event)).isEqualTo(B);
  }

  @Test
  void aMalformedUnitInThePathIsStillA400NotA403() {
    HttpApiEvent event = event(Map.of("sub", "li", "custom:units", "unit-a"), "UNIT A");

    ApiProblem problem = catchThrowableOfType(ApiProblem.class, () -> StaffUnits.pathUnit(event));

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.code()).isEqualTo("UNIT_INVALID");
  }

  private static HttpApiEvent event(Map<String, String> claims, String unit) {
    return new HttpApiEvent(
        "2.0",
        "GET /staff/reports/{unit}/{year}",
        "/staff/reports/" + unit + "/2021",
        "",
        null,
        Map.of(),
        null,
        Map.of("unit", unit, "year", "2021"),
        new HttpApiEvent.RequestContext(
            null,
            null,
            null,
            "r-1",
            null,
            "$default",
            null,
            0,
            null,
            new HttpApiEvent.Authorizer(new HttpApiEvent.Jwt(claims, null))),
        null,
        false);
  }
}
