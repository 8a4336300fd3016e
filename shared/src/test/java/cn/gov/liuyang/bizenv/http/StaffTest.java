package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StaffTest {

  private static HttpApiEvent withClaims(Map<String, String> claims) {
    HttpApiEvent.RequestContext context =
        new HttpApiEvent.RequestContext(
            null,
            null,
            null,
            "req-1",
            "GET /x",
            null,
            null,
            0,
            null,
            new HttpApiEvent.Authorizer(new HttpApiEvent.Jwt(claims, List.of())));
    return new HttpApiEvent(
        "2.0", "GET /x", "/x", "", null, Map.of(), Map.of(), Map.of(), context, null, false);
  }

  @Test
  void theCaller_isTheSubjectWithDisplayNameAndGroups() {
    Staff staff =
        Staff.of(
            withClaims(
                Map.of(
                    "sub", "officer-9", "name", "张三", "cognito:groups", "[finance evaluation]")));

    assertThat(staff.subject()).isEqualTo("officer-9");
    assertThat(staff.displayName()).isEqualTo("张三");
    assertThat(staff.groups()).containsExactlyInAnyOrder("finance", "evaluation");
  }

  @Test
  void withoutAName_theDisplayNameIsTheSubject() {
    assertThat(Staff.of(withClaims(Map.of("sub", "officer-9", "name", " "))).displayName())
        .isEqualTo("officer-9");
  }

  @Test
  void withoutASubject_theAnswerIs401() {
    ApiProblem problem =
        catchThrowableOfType(
            () -> Staff.of(withClaims(Map.of("cognito:groups", "[finance]"))), ApiProblem.class);

    assertThat(problem.status()).isEqualTo(401);
    assertThat(problem.code()).isEqualTo("UNAUTHENTICATED");
  }
}
