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

  private static ApiProblem refusalOf(Map<String, String> claims) {
    return catchThrowableOfType(() -> Staff.of(withClaims(claims)), ApiProblem.class);
  }

  @Test
  void aSubjectOrNameWithControlBidiOrBrokenCharacters_isRefused_notWrittenToTheAuditTrail() {
    for (String bad :
        List.of(
            "s\u00001", "s\n1", "s\r1", "s\t1", "s\u001b[31m", "s\u202e1", "s\ud8001", "s\ufffd")) {
      ApiProblem bySubject = refusalOf(Map.of("sub", bad, "name", "张三"));
      ApiProblem byName = refusalOf(Map.of("sub", "officer-9", "name", "张" + bad));

      assertThat(bySubject).as("sub %s", bad.codePoints().boxed().toList()).isNotNull();
      assertThat(bySubject.status()).isEqualTo(403);
      assertThat(bySubject.code()).isEqualTo("STAFF_IDENTITY_INVALID");
      assertThat(bySubject.errors()).extracting(FieldError::field).containsExactly("sub");
      assertThat(byName).as("name %s", bad.codePoints().boxed().toList()).isNotNull();
      assertThat(byName.errors()).extracting(FieldError::field).containsExactly("name");
      assertThat(byName.getMessage()).doesNotContain(bad);
    }
  }

  @Test
  void aSubjectOver128OrANameOver100Characters_isRefused_atTheLimitItIsRead() {
    assertThat(Staff.of(withClaims(Map.of("sub", "s".repeat(128), "name", "张".repeat(100)))))
        .extracting(Staff::displayName)
        .isEqualTo("张".repeat(100));

    assertThat(refusalOf(Map.of("sub", "s".repeat(129), "name", "张三")).code())
        .isEqualTo("STAFF_IDENTITY_INVALID");
    assertThat(refusalOf(Map.of("sub", "officer-9", "name", "张".repeat(101))).code())
        .isEqualTo("STAFF_IDENTITY_INVALID");
    assertThat(refusalOf(Map.of("sub", "officer-9", "name", "😀".repeat(101))).code())
        .isEqualTo("STAFF_IDENTITY_INVALID");
  }

  @Test
  void aSubjectOfOnlyInvisibleCharacters_isNobody() {
    assertThat(refusalOf(Map.of("sub", "\u200b\u3000", "name", "张三")).status()).isEqualTo(401);
  }
}
