package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.util.List;

/** The scored indicator set: each indicator's score, the total and the grade. */
public record Scorecard(List<IndicatorScore> scores) {
  public Scorecard {
    scores = List.copyOf(scores);
  }

  public BigDecimal total() {
    return scores.stream().map(IndicatorScore::score).reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  public Grade grade() {
    return Grade.of(total());
  }
}
