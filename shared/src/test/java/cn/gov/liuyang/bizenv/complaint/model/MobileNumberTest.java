package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MobileNumberTest {

  @ParameterizedTest
  @ValueSource(strings = {"13812345678", "19912345678", "+86 138 1234 5678", "8613812345678"})
  void acceptsMainlandMobileNumbers(String text) {
    assertThat(MobileNumber.parse(text)).isPresent();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"12812345678", "1381234567", "138123456789", "0731-83012345", "1381234567a", ""})
  void refusesAnythingElse(String text) {
    assertThat(MobileNumber.parse(text)).isEmpty();
  }

  @Test
  void masked_hidesTheMiddleFourDigits_andToStringNeverPrintsTheNumber() {
    MobileNumber number = MobileNumber.parse("13812345678").orElseThrow();

    assertThat(number.masked()).isEqualTo("138****5678");
    assertThat(number.toString()).doesNotContain("1234");
  }

  @Test
  void personName_masked_keepsTheFamilyNameOnly() {
    assertThat(new PersonName("张三").masked()).isEqualTo("张*");
    assertThat(new PersonName("欧阳小明").masked()).isEqualTo("欧***");
    assertThat(new PersonName("李").masked()).isEqualTo("李*");
  }
}
