package cn.gov.liuyang.bizenv.local.runner.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StaffJwtAuthorizerTest {
  private final StaffSigningKey key = StaffSigningKey.generate();
  private final StaffTokens tokens =
      new StaffTokens(key, StaffJwtSettings.LOCAL, Clock.systemUTC());
  private final StaffJwtAuthorizer authorizer = new StaffJwtAuthorizer(key, StaffJwtSettings.LOCAL);
  private final StaffIdentity officer =
      new StaffIdentity("officer-1", "张三", List.of("complaint-officer", "finance"));

  private static Optional<String> bearer(String token) {
    return Optional.of("Bearer " + token);
  }

  private JWTClaimsSet.Builder validClaims() {
    Instant now = Instant.now();
    return new JWTClaimsSet.Builder()
        .issuer(StaffJwtSettings.LOCAL.issuer())
        .audience(StaffJwtSettings.LOCAL.audience())
        .subject("officer-1")
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(Duration.ofHours(1))));
  }

  @Test
  void aStaffToken_isAccepted_withItsClaimsAsApiGatewayPassesThem() {
    String token = tokens.issue(officer, StaffTokens.DEFAULT_VALIDITY);

    VerifiedJwt verified = authorizer.verify(bearer(token)).orElseThrow();

    assertThat(verified.claims())
        .containsEntry("sub", "officer-1")
        .containsEntry("name", "张三")
        .containsEntry("groups", "[complaint-officer finance]")
        .containsEntry("iss", "https://auth.bizenv.local/")
        .containsEntry("aud", "bizenv-staff")
        .containsKey("exp");
    assertThat(verified.claims().get("exp")).matches("\\d+");
    assertThat(verified.scopes()).isNull();
  }

  @Test
  void theBearerPrefixIsOptional_asInApiGateway() {
    String token = tokens.issue(officer, StaffTokens.DEFAULT_VALIDITY);

    assertThat(authorizer.verify(Optional.of(token))).isPresent();
  }

  @Test
  void scopes_comeFromTheScopeClaim() {
    String token =
        tokens.sign(validClaims().claim("scope", "complaints/read reports/write").build());

    assertThat(authorizer.verify(bearer(token)).orElseThrow().scopes())
        .containsExactly("complaints/read", "reports/write");
  }

  @Test
  void aTokenSignedByAnotherKey_isRefused() {
    StaffTokens forger =
        new StaffTokens(StaffSigningKey.generate(), StaffJwtSettings.LOCAL, Clock.systemUTC());

    assertThat(authorizer.verify(bearer(forger.issue(officer, Duration.ofHours(1))))).isEmpty();
  }

  @Test
  void aTokenForAnotherAudienceOrIssuer_isRefused() {
    assertThat(authorizer.verify(bearer(tokens.sign(validClaims().audience("other-app").build()))))
        .isEmpty();
    assertThat(
            authorizer.verify(
                bearer(tokens.sign(validClaims().issuer("https://evil.example/").build()))))
        .isEmpty();
  }

  @Test
  void anExpiredTokenOrOneNotYetValid_isRefused() {
    Instant now = Instant.now();
    String expired =
        tokens.sign(
            validClaims().expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))).build());
    String notYet =
        tokens.sign(
            validClaims().notBeforeTime(Date.from(now.plus(Duration.ofMinutes(5)))).build());
    String withoutExpiry = tokens.sign(validClaims().expirationTime(null).build());

    assertThat(authorizer.verify(bearer(expired))).isEmpty();
    assertThat(authorizer.verify(bearer(notYet))).isEmpty();
    assertThat(authorizer.verify(bearer(withoutExpiry))).isEmpty();
  }

  @Test
  void aMissingEmptyOrGarbledHeader_isRefused() {
    assertThat(authorizer.verify(Optional.empty())).isEmpty();
    assertThat(authorizer.verify(Optional.of("Bearer "))).isEmpty();
    assertThat(authorizer.verify(Optional.of("Bearer not.a.jwt"))).isEmpty();
  }

  @Test
  void anUnsignedToken_isRefused() {
    String unsigned = new PlainJWT(validClaims().build()).serialize();

    assertThat(authorizer.verify(bearer(unsigned))).isEmpty();
  }
}
