package cn.gov.liuyang.bizenv.local.runner.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Issues staff JWTs as the staff identity provider would, signed with the local key. */
public final class StaffTokens {
  public static final Duration DEFAULT_VALIDITY = Duration.ofHours(12);

  private final StaffSigningKey key;
  private final StaffJwtSettings settings;
  private final Clock clock;

  public StaffTokens(StaffSigningKey key, StaffJwtSettings settings, Clock clock) {
    this.key = key;
    this.settings = settings;
    this.clock = clock;
  }

  public String issue(StaffIdentity identity, Duration validity) {
    return sign(claims(identity, validity).build());
  }

  /**
   * A token that also names the units (unit codes such as {@code lyyshj}) its holder acts for, in a
   * {@code units} claim (a JSON array), as the local sign-in page issues it.
   */
  public String issue(StaffIdentity identity, List<String> units, Duration validity) {
    return sign(claims(identity, validity).claim("units", List.copyOf(units)).build());
  }

  private JWTClaimsSet.Builder claims(StaffIdentity identity, Duration validity) {
    Instant now = clock.instant();
    return new JWTClaimsSet.Builder()
        .issuer(settings.issuer())
        .audience(settings.audience())
        .subject(identity.subject())
        .claim("name", identity.name())
        .claim("groups", identity.groups())
        .claim("units", identity.units())
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plus(validity)))
        .jwtID(UUID.randomUUID().toString());
  }

  /** Signs arbitrary claims with the local key (tests build wrong tokens with it). */
  public String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(key.privateKey().getKeyID())
                .build(),
            claims);
    try {
      jwt.sign(new RSASSASigner(key.privateKey()));
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign a staff token", e);
    }
    return jwt.serialize();
  }
}
