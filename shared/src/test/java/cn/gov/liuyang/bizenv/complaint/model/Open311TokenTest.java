package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Open311TokenTest {
  private static final byte[] SALT =
      "a salt of thirty-two bytes......".getBytes(StandardCharsets.UTF_8);

  @Test
  void aTokenIs22UrlSafeCharacters_andNeverTheShapeOfAnAccessToken() {
    Open311Token token = Open311Token.random();
    AccessToken access = AccessToken.random();

    assertThat(token.value()).matches("[A-Za-z0-9_-]{22}");
    assertThat(Open311Token.parse(token.value())).contains(token);
    assertThat(Open311Token.parse(access.value())).isEmpty();
    assertThat(Open311Token.parse(AccessToken.derive(SALT, "key-12345678").value())).isEmpty();
    assertThat(Open311Token.parse("")).isEmpty();
    assertThat(Open311Token.parse(null)).isEmpty();
    assertThat(Open311Token.parse(token.value() + " ")).isEmpty();
  }

  @Test
  void aRetriedSubmissionGetsTheSameToken_whichSaysNothingOfItsAccessToken() {
    Open311Token first = Open311Token.derive(SALT, "key-12345678");
    Open311Token again = Open311Token.derive(SALT, "key-12345678");
    String access = AccessToken.derive(SALT, "key-12345678").value();

    assertThat(again).isEqualTo(first);
    assertThat(Open311Token.derive(SALT, "key-87654321")).isNotEqualTo(first);
    assertThat(access).doesNotContain(first.value());
  }

  @Test
  void itIsNeverPrinted() {
    Open311Token token = Open311Token.random();

    assertThat(token.toString()).doesNotContain(token.value());
    assertThat(ComplaintFixtures.received().withOpen311Token(token).toString())
        .doesNotContain(token.value());
  }
}
