package cn.gov.liuyang.bizenv.local.runner.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The HTTP API's JWT authorizer, locally: RS256 signature by the local staff key, {@code iss},
 * {@code aud}, {@code exp} and {@code nbf} (60 s clock skew). Like API Gateway it takes the token
 * from the Authorization header with or without the {@code Bearer} prefix.
 */
public final class StaffJwtAuthorizer {
  private static final String BEARER = "bearer ";

  private final ConfigurableJWTProcessor<SecurityContext> processor;

  public StaffJwtAuthorizer(StaffSigningKey key, StaffJwtSettings settings) {
    processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(new JWKSet(key.publicKey()))));
    processor.setJWTClaimsSetVerifier(
        new DefaultJWTClaimsVerifier<>(
            settings.audience(),
            new JWTClaimsSet.Builder().issuer(settings.issuer()).build(),
            Set.of("exp")));
  }

  /** The verified claims, or empty when the request must be refused with 401. */
  public Optional<VerifiedJwt> verify(Optional<String> authorizationHeader) {
    Optional<String> token =
        authorizationHeader
            .map(String::trim)
            .map(v -> v.regionMatches(true, 0, BEARER, 0, BEARER.length()) ? v.substring(7) : v)
            .map(String::trim)
            .filter(v -> !v.isEmpty());
    if (token.isEmpty()) {
      return Optional.empty();
    }
    try {
      JWTClaimsSet claims = processor.process(token.get(), null);
      return Optional.of(toAuthorizerContext(claims));
    } catch (ParseException | BadJOSEException | JOSEException refused) {
      return Optional.empty();
    }
  }

  private static VerifiedJwt toAuthorizerContext(JWTClaimsSet claims) {
    Map<String, String> strings = new LinkedHashMap<>();
    claims.toJSONObject().forEach((name, value) -> strings.put(name, asApiGatewayString(value)));
    List<String> scopes = null;
    Object scope = claims.getClaim("scope");
    Object scp = claims.getClaim("scp");
    if (scope instanceof String text && !text.isBlank()) {
      scopes = Arrays.asList(text.trim().split("\\s+"));
    } else if (scp instanceof Collection<?> list) {
      scopes = list.stream().map(String::valueOf).toList();
    }
    return new VerifiedJwt(Map.copyOf(strings), scopes == null ? null : List.copyOf(scopes));
  }

  /** API Gateway hands every claim over as a string; arrays become {@code [a b c]}. */
  private static String asApiGatewayString(Object value) {
    if (value instanceof Collection<?> list) {
      return list.stream().map(String::valueOf).collect(Collectors.joining(" ", "[", "]"));
    }
    return String.valueOf(value);
  }
}
