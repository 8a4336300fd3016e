package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Fact;
import java.util.List;
import java.util.Optional;

/**
 * The 基本信息 figures a workbook may state beside its lines, with the labels clerks give them. None is
 * required: a blank or absent one is not stated.
 */
enum Info {
  AUTHORIZED_POSTS(Fact.AUTHORIZED_POSTS, List.of("编制数", "编制人数", "核定编制数", "核定编制")),
  STAFF_ON_PAYROLL(Fact.STAFF_ON_PAYROLL, List.of("在职人数", "实有人数", "在职人员数", "年末在职人数")),
  PRIOR_YEAR_SAN_GONG(
      Fact.PRIOR_YEAR_SAN_GONG,
      List.of("上年三公经费决算数", "上年三公经费", "上年三公经费支出", "上年度三公经费决算数", "上年三公经费实际支出")),
  SAN_GONG_BUDGET(Fact.SAN_GONG_BUDGET, List.of("本年三公经费预算数", "三公经费预算数", "本年三公经费预算", "三公经费预算")),
  /** Not a fact (the lines give it): when stated, it must equal what the 三公 codes add up to. */
  SAN_GONG_ACTUAL(
      null, "本年三公经费决算数", List.of("本年三公经费决算数", "三公经费决算数", "本年三公经费支出", "三公经费支出", "三公经费实际支出")),
  /** For 政府采购执行率. */
  PROCUREMENT_BUDGET(
      Fact.PROCUREMENT_BUDGET, List.of("政府采购预算数", "政府采购预算", "本年政府采购预算数", "政府采购预算金额")),
  /** For 政府采购执行率. */
  PROCUREMENT_ACTUAL(
      Fact.PROCUREMENT_ACTUAL,
      List.of(
          "政府采购实际数",
          "政府采购执行数",
          "政府采购支出",
          "政府采购支出数",
          "政府采购实际支出",
          "政府采购决算数",
          "政府采购实际金额",
          "本年政府采购实际数")),
  /**
   * For 预算调整率: the net adjustment itself, negative for a reduction. 调整预算数 and 调整后预算数 are budgets
   * after the adjustment, not adjustments, so they are not its synonyms.
   */
  BUDGET_ADJUSTMENT(
      Fact.BUDGET_ADJUSTMENT, List.of("预算调整数", "预算调整金额", "预算调整额", "本年预算调整数", "预算净调整数"));

  private final Fact fact;
  private final String label;
  private final List<String> synonyms;

  Info(Fact fact, List<String> synonyms) {
    this(fact, fact.label(), synonyms);
  }

  Info(Fact fact, String label, List<String> synonyms) {
    this.fact = fact;
    this.label = label;
    this.synonyms = synonyms;
  }

  String label() {
    return label;
  }

  /** The unit-year fact this row states, if it is one. */
  Optional<Fact> fact() {
    return Optional.ofNullable(fact);
  }

  /** Whether a negative amount is meaningful (a reduction) rather than a mistake. */
  boolean mayBeNegative() {
    return fact == Fact.BUDGET_ADJUSTMENT;
  }

  static Optional<Info> ofLabel(String text) {
    if (!(text.contains("编制")
        || text.contains("人数")
        || text.contains("三公")
        || text.contains("政府采购")
        || text.contains("预算"))) {
      return Optional.empty();
    }
    String normalised = text.replaceAll("[（(][^）)]*[)）]", "").replaceAll("[\\s“”\"'‘’「」:：]", "");
    for (Info info : values()) {
      if (info.synonyms.contains(normalised)) {
        return Optional.of(info);
      }
    }
    return Optional.empty();
  }
}
