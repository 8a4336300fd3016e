package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffGroupsTest {

  @Test
  void readsTheBracketedSpaceSeparatedFormApiGatewayGivesArrayClaims() {
    // GIVEN a Cognito groups claim as API Gateway passes it to Lambda
    Map<String, String> claims = Map.of("cognito:groups", "[complaint-officer finance]");

    // WHEN / THEN
    assertThat(StaffGroups.of(claims)).containsExactly("complaint-officer", "finance");
  }

  @Test
  void readsAJsonArrayAndAPlainSingleGroup() {
    assertThat(StaffGroups.of(Map.of("groups", "evaluation"))).containsExactly("evaluation");
    assertThat(StaffGroups.of(Map.of("groups", "[\"finance\",\"evaluation\"]")))
        .containsExactly("finance", "evaluation");
  }

  @Test
  void aGroupWhoseNameHoldsACommaIsThatOneGroup_notTheGroupsAroundTheComma() {
    // a single group named "x,finance", in each form a claim can take
    assertThat(StaffGroups.of(Map.of("groups", "x,finance"))).containsExactly("x,finance");
    assertThat(StaffGroups.of(Map.of("cognito:groups", "[x,finance]")))
        .containsExactly("x,finance");
    assertThat(StaffGroups.of(Map.of("groups", "[\"x,finance\"]"))).containsExactly("x,finance");
    assertThat(StaffGroups.of(Map.of("groups", "finance, evaluation")))
        .containsExactly("finance, evaluation");

    HttpApiEvent event = staffEvent(Map.of("sub", "li", "groups", "x,finance"));
    assertThat(
            catchThrowableOfType(
                ApiProblem.class, () -> StaffGroups.require(event, StaffGroups.FINANCE)))
        .extracting(ApiProblem::status)
        .isEqualTo(403);
  }

  @Test
  void aMalformedJsonArrayNamesNoGroup() {
    assertThat(StaffGroups.of(Map.of("groups", "[\"finance\", 3]"))).isEmpty();
    assertThat(StaffGroups.of(Map.of("groups", "[\"finance\""))).containsExactly("[\"finance\"");
  }

  @Test
  void joinsBothClaimsWithoutDuplicates() {
    Map<String, String> claims =
        Map.of("cognito:groups", "[finance]", "groups", "[finance evaluation]");

    assertThat(StaffGroups.of(claims)).containsExactly("finance", "evaluation");
  }

  @Test
  void noGroupClaimOrAnEmptyOneMeansNoGroups() {
    assertThat(StaffGroups.of(Map.of("sub", "officer-li"))).isEmpty();
    assertThat(StaffGroups.of(Map.of("groups", "[]"))).isEmpty();
    assertThat(StaffGroups.of(Map.of("groups", "  "))).isEmpty();
  }

  @Test
  void aMemberOfAnyRequiredGroupPasses() {
    HttpApiEvent event = staffEvent(Map.of("sub", "li", "groups", "[evaluation]"));

    assertThatCode(
            () -> StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER, StaffGroups.EVALUATION))
        .doesNotThrowAnyException();
  }

  @Test
  void aMemberOfAnotherGroupIsRefusedWith403NamingTheGroupsNeeded() {
    // GIVEN a complaint officer
    HttpApiEvent event = staffEvent(Map.of("sub", "li", "cognito:groups", "[complaint-officer]"));

    // WHEN they call a finance route
    ApiProblem problem =
        catchThrowableOfType(
            ApiProblem.class, () -> StaffGroups.require(event, StaffGroups.FINANCE));

    // THEN
    assertThat(problem.status()).isEqualTo(403);
    assertThat(problem.code()).isEqualTo("FORBIDDEN_GROUP");
    assertThat(problem.getMessage()).startsWith("您没有办理此事项的权限").contains("finance");
    assertThat(problem.body()).containsEntry("requiredGroups", List.of("finance"));
  }

  @Test
  void withoutVerifiedClaimsTheCallerIsUnauthenticated() {
    ApiProblem problem =
        catchThrowableOfType(
            ApiProblem.class, () -> StaffGroups.require(staffEvent(Map.of()), StaffGroups.FINANCE));

    assertThat(problem.status()).isEqualTo(401);
  }

  private static HttpApiEvent staffEvent(Map<String, String> claims) {
    return new HttpApiEvent(
        "2.0",
        "GET /staff/spending/template",
        "/staff/spending/template",
        "",
        null,
        Map.of(),
        null,
        null,
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
