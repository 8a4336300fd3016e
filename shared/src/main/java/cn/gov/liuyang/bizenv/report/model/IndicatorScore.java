package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * The score one indicator earned.
 *
 * @param measured the rate the data gave, when the indicator is measured
 * @param basis how the score came about, for the score table (the rule, or staff's note)
 */
public record IndicatorScore(
    Indicator indicator, Optional<BigDecimal> measured, BigDecimal score, String basis) {}
