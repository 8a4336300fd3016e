package cn.gov.liuyang.bizenv.local.runner.auth;

/**
 * Issuer and audience of staff JWTs. In AWS they are the template parameters {@code StaffJwtIssuer}
 * and {@code StaffJwtAudience} (the staff identity provider); locally, these fixed values.
 */
public record StaffJwtSettings(String issuer, String audience) {
  public static final StaffJwtSettings LOCAL =
      new StaffJwtSettings("https://auth.bizenv.local/", "bizenv-staff");
}
