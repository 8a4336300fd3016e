package cn.gov.liuyang.bizenv.spending.ingest.xls;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExcelNumbersTest {
  @Test
  void amountsAsClerksTypeThem_readAsTyped() {
    assertThat(ExcelNumbers.digits(1739000.55)).isEqualTo("1739000.55");
    assertThat(ExcelNumbers.digits(17390000.55)).isEqualTo("17390000.55");
    assertThat(ExcelNumbers.digits(0.1 + 0.2)).isEqualTo("0.3");
    assertThat(ExcelNumbers.digits(12000.0)).isEqualTo("12000");
    assertThat(ExcelNumbers.digits(-3.5)).isEqualTo("-3.5");
    assertThat(ExcelNumbers.digits(0.002)).isEqualTo("0.002");
    assertThat(ExcelNumbers.digits(1e-20)).isEqualTo("0.00000000000000000001");
    assertThat(ExcelNumbers.digits(9.999999999999999e22)).isEqualTo("100000000000000000000000");
  }

  @Test
  void everyDouble_isItsExactValueRoundedTo15SignificantDigits() {
    // the fast path (Double.toString) must agree with the exact rounding for any double
    Random random = new Random(15);
    for (int i = 0; i < 200_000; i++) {
      double value =
          switch (i % 4) {
            case 0 -> Double.longBitsToDouble(random.nextLong());
            case 1 -> Math.round(random.nextDouble() * 1e12) / 100.0;
            case 2 -> random.nextDouble() * Math.pow(10, random.nextInt(30) - 10);
            default -> random.nextInt(100_000_000) / 1000.0;
          };
      if (!Double.isFinite(value)) {
        continue;
      }
      String exact =
          new BigDecimal(value)
              .round(new MathContext(15, RoundingMode.HALF_UP))
              .stripTrailingZeros()
              .toPlainString();
      assertThat(ExcelNumbers.digits(value)).as("%s", value).isEqualTo(exact);
    }
  }
}
