package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Scores a year against its indicator set: measured indicators from the data, judgement indicators
 * from staff's manual scores. A measured indicator the data cannot give this year takes a manual
 * score too, so nothing is guessed.
 */
public final class Scoring {
  private Scoring() {}

  /** The scorecard; what is missing goes to {@code problems}, named for staff. */
  public static Scorecard score(
      IndicatorSet set,
      AcceptedSpending spending,
      ComplaintYearStatistics complaints,
      ReportNarrative narrative,
      List<String> problems) {
    List<IndicatorScore> scores = new ArrayList<>();
    for (Indicator indicator : set.indicators()) {
      Optional<ManualScore> manual = narrative.manualScore(indicator.id());
      if (indicator.rule() instanceof ScoringRule.Threshold threshold) {
        Optional<BigDecimal> measured = threshold.metric().measure(spending, complaints);
        if (measured.isPresent()) {
          scores.add(
              new IndicatorScore(
                  indicator,
                  measured,
                  threshold.score(indicator.weight(), measured.get()),
                  threshold.describe()));
          continue;
        }
        if (manual.isEmpty()) {
          problems.add("指标“" + indicator.name() + "”（" + indicator.id() + "）本年数据无法计算，请录入人工评分");
          continue;
        }
      } else if (manual.isEmpty()) {
        problems.add("指标“" + indicator.name() + "”（" + indicator.id() + "）的人工评分");
        continue;
      }
      ManualScore given = manual.get();
      if (given.score().compareTo(indicator.weight()) > 0) {
        problems.add(
            "指标“"
                + indicator.name()
                + "”的人工评分 "
                + Figures.score(given.score())
                + " 超过分值 "
                + Figures.score(indicator.weight()));
        continue;
      }
      scores.add(
          new IndicatorScore(
              indicator, Optional.empty(), given.score(), given.note().orElse("人工评分")));
    }
    return new Scorecard(scores);
  }
}
