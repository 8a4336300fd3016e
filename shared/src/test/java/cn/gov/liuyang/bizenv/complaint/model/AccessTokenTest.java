package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class AccessTokenTest {

  @Test
  void hash_matchesOnlyTheTokenItWasMadeFrom() {
    AccessToken token = AccessToken.random();

    assertThat(token.hash().matches(token.value())).isTrue();
    assertThat(token.hash().matches(AccessToken.random().value())).isFalse();
    assertThat(token.hash().matches("")).isFalse();
    assertThat(token.hash().matches(null)).isFalse();
    assertThat(token.hash().hex()).doesNotContain(token.value());
  }

  @Test
  void derive_givesTheSameTokenForTheSameSaltAndKey_andAnotherForAnotherKey() {
    byte[] salt = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    assertThat(AccessToken.derive(salt, "key-1")).isEqualTo(AccessToken.derive(salt, "key-1"));
    assertThat(AccessToken.derive(salt, "key-1")).isNotEqualTo(AccessToken.derive(salt, "key-2"));
  }

  @Test
  void toString_neverPrintsTheToken() {
    AccessToken token = AccessToken.random();

    assertThat(token.toString()).doesNotContain(token.value());
  }
}
