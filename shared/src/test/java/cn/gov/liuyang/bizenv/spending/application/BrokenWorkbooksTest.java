package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.fixtures.BrokenWorkbooks;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class BrokenWorkbooksTest {

  static List<BrokenWorkbooks.Case> corpus() {
    return BrokenWorkbooks.all();
  }

  @Test
  void corpusHoldsAtLeastThirtyDistinctMistakes() {
    assertThat(corpus()).hasSizeGreaterThanOrEqualTo(30);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachBrokenWorkbook_isRejectedWithItsFinding(BrokenWorkbooks.Case broken) {
    // WHEN
    ParsedWorkbook parsed = Parse.workbook(broken.bytes());

    // THEN
    assertThat(parsed.acceptable()).isFalse();
    assertThat(parsed.findings()).extracting(Finding::code).contains(broken.expected());
    assertThat(parsed.findings()).allSatisfy(f -> assertThat(f.message()).isNotBlank());
  }
}
