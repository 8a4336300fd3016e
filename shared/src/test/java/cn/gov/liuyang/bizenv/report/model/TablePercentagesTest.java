package cn.gov.liuyang.bizenv.report.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.fixtures.Year2026;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Table;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Percentages in tables have two decimals, every one (a column that mixed “0.8%” and “1.94%” was
 * reported); in sentences they keep the seed's shortest form (投诉受理率100%).
 */
class TablePercentagesTest {
  private static final ClasspathIndicatorSets SETS = new ClasspathIndicatorSets();

  @Test
  void table2_shareColumn_hasTwoDecimalsThroughout_andTheTotalIs100_00() {
    Table table2 = table(seedDocument(), "表2　项目支出经济分类");

    List<String> shares = table2.rows().stream().map(row -> row.get(3)).toList();
    assertThat(shares).allSatisfy(share -> assertThat(share).matches("\\d+\\.\\d{2}%"));
    assertThat(shares).contains("0.80%", "1.94%", "19.79%").last().isEqualTo("100.00%");
    // the same figures as before: 0.8% is 0.80%, nothing rounded differently
    assertThat(table2.rows()).contains(List.of("30203", "咨询费", "39.7", "19.79%"));
  }

  @Test
  void everyPercentageCell_ofEveryTable_hasTwoDecimals_inEitherYear() {
    for (ReportDocument document : List.of(seedDocument(), document2026())) {
      List<String> percentages = new ArrayList<>();
      for (ReportDocument.Block block : document.blocks()) {
        if (block instanceof Table table) {
          table
              .rows()
              .forEach(row -> row.stream().filter(c -> c.endsWith("%")).forEach(percentages::add));
        }
      }
      assertThat(percentages)
          .hasSizeGreaterThan(15)
          .allSatisfy(cell -> assertThat(cell).matches("-?\\d+\\.\\d{2}%"));
    }
    assertThat(table(seedDocument(), "表3　2021年度部门整体支出绩效评价指标体系").rows())
        .anySatisfy(row -> assertThat(row).contains("-37.50%"));
  }

  @Test
  void sentences_keepTheSeedsShortestForm() {
    String text = seedDocument().allText();

    assertThat(text).contains("投诉受理率100%").contains("在职人员控制率91.67%").doesNotContain("100.00%，");
  }

  @Test
  void percentFixed_roundsHalfUp_toTwoDecimals() {
    assertThat(Figures.percentFixed(new BigDecimal("0.8"))).isEqualTo("0.80%");
    assertThat(Figures.percentFixed(new BigDecimal("1.9449"))).isEqualTo("1.94%");
    assertThat(Figures.percentFixed(new BigDecimal("1.945"))).isEqualTo("1.95%");
    assertThat(Figures.percentFixed(new BigDecimal("100"))).isEqualTo("100.00%");
    assertThat(Figures.percentFixed(new BigDecimal("-37.5"))).isEqualTo("-37.50%");
    assertThat(Figures.percent(new BigDecimal("0.8"))).isEqualTo("0.8%");
  }

  private static ReportDocument seedDocument() {
    return SelfEvaluationReport.compose(
            new ReportInputs(
                Seed2021.UNIT,
                Seed2021.YEAR,
                Seed2021.spending(),
                Seed2021.complaints(),
                Seed2021.narrativeVersion(),
                SETS.forYear(Seed2021.YEAR).orElseThrow()),
            "test")
        .document();
  }

  private static ReportDocument document2026() {
    return SelfEvaluationReport.compose(
            new ReportInputs(
                Seed2021.UNIT,
                Year2026.YEAR,
                Year2026.spending(),
                Year2026.complaints(),
                Year2026.narrativeVersion(),
                SETS.forYear(Year2026.YEAR).orElseThrow()),
            "test")
        .document();
  }

  private static Table table(ReportDocument document, String caption) {
    return document.blocks().stream()
        .filter(Table.class::isInstance)
        .map(Table.class::cast)
        .filter(table -> table.caption().equals(caption))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no table " + caption));
  }
}
