package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/** How an indicator earns its points: from a measured rate, or from a judgement staff enter. */
public sealed interface ScoringRule {

  /** A judgement: staff enter the score, between 0 and the weight. */
  record Manual() implements ScoringRule {}

  /**
   * Full marks while the rate is on the right side of {@code bound}; otherwise {@code deduct}
   * points for each whole {@code per} percentage points beyond it, never below zero. "预算完成率 100%
   * 得满分，每低 5% 扣 2 分" is {@code AT_LEAST 100, deduct 2 per 5}.
   */
  record Threshold(
      Metric metric, Direction direction, BigDecimal bound, BigDecimal deduct, BigDecimal per)
      implements ScoringRule {

    public Threshold {
      Objects.requireNonNull(metric, "metric");
      Objects.requireNonNull(direction, "direction");
      if (deduct.signum() < 0 || per.signum() <= 0) {
        throw new IllegalArgumentException("a deduction is positive per a positive step");
      }
      bound = Figures.normalised(bound);
      deduct = Figures.normalised(deduct);
      per = Figures.normalised(per);
    }

    public BigDecimal score(BigDecimal weight, BigDecimal rate) {
      BigDecimal gap =
          direction == Direction.AT_LEAST ? bound.subtract(rate) : rate.subtract(bound);
      if (gap.signum() <= 0) {
        return weight;
      }
      BigDecimal steps = gap.divide(per, 0, RoundingMode.FLOOR);
      return weight.subtract(deduct.multiply(steps)).max(BigDecimal.ZERO);
    }

    /** The rule in words for the score table. */
    public String describe() {
      String bound = Figures.percent(this.bound);
      String per = Figures.score(this.per);
      String deduct = Figures.score(this.deduct);
      return direction == Direction.AT_LEAST
          ? "达到" + bound + "得满分，每低" + per + "个百分点扣" + deduct + "分"
          : "不超过" + bound + "得满分，每超" + per + "个百分点扣" + deduct + "分";
    }
  }

  enum Direction {
    AT_LEAST,
    AT_MOST
  }
}
