package cn.gov.liuyang.bizenv.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class MoneyTest {

  @Test
  void wanYuanConvertsToYuanExactly() {
    assertThat(Money.ofWanYuan("184.9")).isEqualTo(Money.ofYuan("1849000"));
    assertThat(Money.ofWanYuan("0.0001").yuan()).isEqualByComparingTo("1.00");
  }

  @Test
  void sumsAreExactWhereDoublesDrift() {
    Money sum = Money.ZERO;
    for (int i = 0; i < 10; i++) {
      sum = sum.plus(Money.ofYuan("0.10"));
    }
    assertThat(sum).isEqualTo(Money.ofYuan("1.00"));
  }

  @Test
  void refusesFractionsOfAFen_ratherThanRoundingThemAway() {
    assertThatThrownBy(() -> Money.ofYuan("1.005")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.ofWanYuan("0.0000001"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void showsWanYuanWithOneDecimalAsTheReportDoes() {
    assertThat(Money.ofYuan("3855000.00").toWanYuan(1)).isEqualTo(new BigDecimal("385.5"));
    assertThat(Money.ofYuan("49999").toWanYuan(1)).isEqualTo(new BigDecimal("5.0"));
  }

  @Test
  void equalAmountsAreEqualWhateverTheirWrittenScale() {
    assertThat(Money.ofYuan("5")).isEqualTo(Money.ofYuan("5.00"));
  }

  @Test
  void percentOfRoundsHalfUp() {
    assertThat(Money.ofYuan("11").percentOf(Money.ofYuan("12"), 2))
        .isEqualTo(new BigDecimal("91.67"));
  }
}
