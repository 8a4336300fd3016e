package cn.gov.liuyang.bizenv.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerDatesTest {
  @ParameterizedTest
  @ValueSource(
      strings = {
        "2023/3/5",
        "2023-03-05",
        "2023.3.5",
        "2023年3月5日",
        "2023年03月05日",
        "20230305",
        "2023/3/5 14:30",
        "2023-03-05 09:00:00",
        "23.3.5",
        "3月5日",
        "3/5",
        "２０２３年３月５日",
        "2023 年 3 月 5 日",
        "2023．3．5",
        "2023/3/5号"
      })
  void readsEveryWayOfWritingADate(String text) {
    assertThat(LedgerDates.parse(RawCell.text(text), 2023)).contains(LocalDate.of(2023, 3, 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"44990", "44990.604166", "20230305"})
  void readsExcelDatesAndCompactNumbers(String digits) {
    assertThat(LedgerDates.parse(RawCell.number(digits), 2023)).contains(LocalDate.of(2023, 3, 5));
  }

  @ParameterizedTest
  @ValueSource(strings = {"三月五日", "2023/2/30", "2023/13/1", "上旬", "12", "-5", "2023"})
  void refusesWhatIsNotADate(String text) {
    assertThat(LedgerDates.parse(RawCell.text(text), 2023)).isEmpty();
  }
}
