package cn.gov.liuyang.bizenv.http;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The staff member making a request, from the JWT claims API Gateway's authorizer verified: the
 * identity provider's stable {@code sub}, the display name ({@code name}, or the subject when there
 * is none) and the staff groups ({@link StaffGroups}).
 *
 * <p>Both are written to the complaint's history and the audit trail of personal-data reads, so
 * they are read under {@link TextPolicy} like any other text: one line, no control, bidi or broken
 * characters, and bounded ({@value #MAX_SUBJECT} and {@value #MAX_NAME} characters; a Cognito
 * {@code sub} is a 36-character UUID). A verified token whose identity breaks that is refused with
 * 403 {@code STAFF_IDENTITY_INVALID} rather than recorded as it is.
 */
public record Staff(String subject, String displayName, Set<String> groups) {
  static final int MAX_SUBJECT = 128;
  static final int MAX_NAME = 100;

  public Staff {
    groups = Set.copyOf(groups);
  }

  /**
   * The caller, or 401 {@code UNAUTHENTICATED} when the claims name nobody, 403 {@code
   * STAFF_IDENTITY_INVALID} when the subject or name cannot be recorded as they are.
   */
  public static Staff of(HttpApiEvent event) {
    Map<String, String> claims = event.jwtClaims();
    String subject = claims.get("sub");
    if (subject == null || TextPolicy.isInvisible(subject)) {
      throw new ApiProblem(401, "UNAUTHENTICATED", "请先登录");
    }
    String name = claims.getOrDefault("name", "");
    List<FieldError> errors = new ArrayList<>();
    check("sub", subject, "账号标识", MAX_SUBJECT, errors);
    check("name", name, "姓名", MAX_NAME, errors);
    if (!errors.isEmpty()) {
      throw new ApiProblem(
          403,
          "STAFF_IDENTITY_INVALID",
          "您的登录信息中的账号标识或姓名无法记录（含有不允许的字符或过长），请联系管理员更正账号信息",
          errors,
          Map.of());
    }
    return new Staff(
        subject, TextPolicy.isInvisible(name) ? subject : name.strip(), StaffGroups.of(claims));
  }

  private static void check(
      String claim, String value, String label, int maxLength, List<FieldError> errors) {
    TextPolicy.check(value, label, false)
        .ifPresentOrElse(
            v -> errors.add(new FieldError(claim, v.code(), v.message())),
            () -> {
              if (value.codePointCount(0, value.length()) > maxLength) {
                errors.add(new FieldError(claim, "TOO_LONG", label + "不能超过 " + maxLength + " 个字"));
              }
            });
  }
}
