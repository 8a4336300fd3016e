package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * One line of the indicator set (部门整体支出绩效评价指标).
 *
 * @param id a stable key staff use for manual scores, e.g. {@code budget-completion}
 * @param tier 一级指标: 投入, 过程, 产出 or 效果
 * @param category 二级指标, e.g. 预算执行
 * @param name 三级指标, e.g. 预算完成率
 * @param weight 分值
 */
public record Indicator(
    String id, String tier, String category, String name, BigDecimal weight, ScoringRule rule) {

  /** The four 一级指标 of 部门整体支出绩效评价 (财预〔2013〕53号), in order. */
  public static final List<String> TIERS = List.of("投入", "过程", "产出", "效果");

  public Indicator {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tier, "tier");
    Objects.requireNonNull(category, "category");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(rule, "rule");
    if (!TIERS.contains(tier)) {
      throw new IllegalArgumentException("indicator " + id + " has an unknown tier " + tier);
    }
    if (weight.signum() <= 0) {
      throw new IllegalArgumentException("indicator " + id + " has a positive weight");
    }
    weight = Figures.normalised(weight);
  }
}
