package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * A score staff give an indicator that needs judgement (or one the data cannot measure this year).
 *
 * @param note why points were taken off, shown in the score table
 */
public record ManualScore(String indicatorId, BigDecimal score, Optional<String> note) {
  public ManualScore {
    Objects.requireNonNull(indicatorId, "indicatorId");
    Objects.requireNonNull(score, "score");
    Objects.requireNonNull(note, "note");
    if (score.signum() < 0) {
      throw new IllegalArgumentException("a score is not negative");
    }
  }
}
