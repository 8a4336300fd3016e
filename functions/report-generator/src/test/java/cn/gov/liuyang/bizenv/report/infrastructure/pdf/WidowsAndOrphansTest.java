package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WidowsAndOrphansTest {
  @ParameterizedTest(name = "{0} lines, {1} fit, start {2} → {3} here")
  @CsvSource({
    // it fits
    "5, 5, true, 5",
    "5, 40, true, 5",
    "1, 1, true, 1",
    // a break inside the paragraph leaves at least two lines either side
    "10, 6, true, 6",
    "10, 8, true, 8",
    // widow: the last line would open the next page alone → it takes one more line along
    "10, 9, true, 8",
    "3, 2, true, 0", // ... and then the first would stand alone (orphan): all on the next page
    "4, 3, true, 2",
    // orphan: only the first line fits → the paragraph starts on the next page
    "10, 1, true, 0",
    "2, 1, true, 0",
    "10, 0, true, 0",
    // a paragraph continued from the page before has no first line to orphan
    "50, 40, false, 40",
    "41, 40, false, 39",
    "3, 2, false, 1",
  })
  void linesOnThisPage(int remaining, int fitting, boolean start, int expected) {
    assertThat(WidowsAndOrphans.linesOnThisPage(remaining, fitting, start)).isEqualTo(expected);
  }
}
