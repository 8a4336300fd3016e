package cn.gov.liuyang.bizenv.local.runner.auth;

/**
 * Issuer and audience of staff JWTs. In AWS they are the stack's Cognito user pool and console
 * client, or the template parameters {@code StaffJwtIssuer} and {@code StaffJwtAudience} (another
 * identity provider, docs/deploy.md); locally, these fixed values.
 */
public record StaffJwtSettings(String issuer, String audience) {
  public static final StaffJwtSettings LOCAL =
      new StaffJwtSettings("https://auth.bizenv.local/", "bizenv-staff");
}
