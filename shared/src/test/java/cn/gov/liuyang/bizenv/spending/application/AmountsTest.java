package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmountsTest {

  @ParameterizedTest(name = "[{0}]")
  @ValueSource(
      strings = {
        "0", "-0", "7", "10.00", "9.5", "-1234.56", ".5", "123456789012345", "1234567890123.45",
        "1234567890123456", "0.125", "3.8999999999999999", "1E+3", "5.", "-", "", "1.2.3", "--1"
      })
  void aNumberCell_readsAsTheStoredDigitsRoundedToExcelsFifteenDigits(String stored) {
    // GIVEN the amount as the general path reads it
    BigDecimal expected = generalPath(stored);

    // WHEN
    var parsed = Amounts.parse(RawCell.number(stored));

    // THEN
    if (expected == null) {
      assertThat(parsed).isEmpty();
    } else {
      assertThat(parsed)
          .hasValueSatisfying(value -> assertThat(value).isEqualByComparingTo(expected));
    }
  }

  private static BigDecimal generalPath(String stored) {
    try {
      return new BigDecimal(stored).round(new MathContext(15)).stripTrailingZeros();
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
