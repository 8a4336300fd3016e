package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.EconomicCode;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DuplicateLinesTest {

  @Test
  void aLineGivenAgain_isFoundAtTheRowOfItsFirstOccurrence_amongManyThousands() {
    // GIVEN 20,000 distinct lines (the table grows several times)
    DuplicateLines seen = new DuplicateLines();
    for (int i = 0; i < 20_000; i++) {
      assertThat(seen.firstRowOf(line("项目" + i / 20, "302" + (10 + i % 20), "财政拨款"), i + 3))
          .isZero();
    }

    // WHEN / THEN equal lines, built anew, are found; lines differing in one part are not
    assertThat(seen.firstRowOf(line("项目0", "30210", "财政拨款"), 50_000)).isEqualTo(3);
    assertThat(seen.firstRowOf(line("项目999", "30229", "财政拨款"), 50_001)).isEqualTo(20_002);
    assertThat(seen.firstRowOf(line("项目0", "30210", "其他资金"), 50_002)).isZero();
    assertThat(seen.firstRowOf(line("项目1000", "30210", "财政拨款"), 50_003)).isZero();
    assertThat(seen.firstRowOf(basic("30210", "财政拨款"), 50_004)).isZero();
    assertThat(seen.firstRowOf(basic("30210", "财政拨款"), 50_005)).isEqualTo(50_004);
  }

  private static SpendingLine line(String project, String code, String fundSource) {
    return new SpendingLine(
        ExpenditureType.PROJECT,
        Optional.of(new String(project)),
        new EconomicCode(code),
        "x",
        Money.ZERO,
        Money.ZERO,
        new String(fundSource));
  }

  private static SpendingLine basic(String code, String fundSource) {
    return new SpendingLine(
        ExpenditureType.BASIC,
        Optional.empty(),
        new EconomicCode(code),
        "x",
        Money.ZERO,
        Money.ZERO,
        fundSource);
  }
}
