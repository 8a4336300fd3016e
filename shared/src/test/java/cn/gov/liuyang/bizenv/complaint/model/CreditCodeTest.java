package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91440300708461136T", // published codes of well-known companies
        "914403001922038216",
        "91330100716105852F",
        "91110000802100433B",
        "91430181MA4PQ8RN0R" // a Liuyang (430181) code used in the examples
      })
  void acceptsCodesWhoseCheckCharacterIsRight(String code) {
    assertThat(CreditCode.parse(code)).map(CreditCode::value).contains(code);
  }

  @Test
  void acceptsLowerCaseAndSurroundingSpaces() {
    assertThat(CreditCode.parse(" 91430181ma4pq8rn0r "))
        .map(CreditCode::value)
        .contains("91430181MA4PQ8RN0R");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "91430181MA4PQ8RN0X", // wrong check character
        "91430181MA4PQ8RN0", // 17 characters
        "91430181MA4PQ8RN0RR", // 19 characters
        "91430181MA4PQ8IN0R", // I is not in the alphabet
        "91430181MA4PQ8RNOR", // nor is O
        ""
      })
  void refusesMalformedCodes(String code) {
    assertThat(CreditCode.parse(code)).isEmpty();
  }

  @Test
  void masked_showsOnlyTheRegionAndTheLastTwoCharacters() {
    assertThat(new CreditCode("91430181MA4PQ8RN0R").masked()).isEqualTo("914301**********0R");
  }
}
