package cn.gov.liuyang.bizenv.spending.application;

import java.util.List;
import java.util.Optional;

/** The 基本信息 figures a workbook states beside its lines, with the labels clerks give them. */
enum Info {
  AUTHORIZED_POSTS("编制数", true, List.of("编制数", "编制人数", "核定编制数", "核定编制")),
  STAFF_ON_PAYROLL("在职人数", true, List.of("在职人数", "实有人数", "在职人员数", "年末在职人数")),
  PRIOR_YEAR_SAN_GONG(
      "上年三公经费决算数", true, List.of("上年三公经费决算数", "上年三公经费", "上年三公经费支出", "上年度三公经费决算数", "上年三公经费实际支出")),
  SAN_GONG_BUDGET("本年三公经费预算数", true, List.of("本年三公经费预算数", "三公经费预算数", "本年三公经费预算", "三公经费预算")),
  /** Optional: when stated, it must equal what the 三公 codes add up to. */
  SAN_GONG_ACTUAL(
      "本年三公经费决算数", false, List.of("本年三公经费决算数", "三公经费决算数", "本年三公经费支出", "三公经费支出", "三公经费实际支出")),
  /** Optional, for 政府采购执行率. */
  PROCUREMENT_BUDGET("政府采购预算数", false, List.of("政府采购预算数", "政府采购预算", "本年政府采购预算数", "政府采购预算金额")),
  /** Optional, for 政府采购执行率. */
  PROCUREMENT_ACTUAL(
      "政府采购实际数",
      false,
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
   * Optional, for 预算调整率: the net adjustment itself, negative for a reduction. 调整预算数 and 调整后预算数 are
   * budgets after the adjustment, not adjustments, so they are not its synonyms.
   */
  BUDGET_ADJUSTMENT("预算调整数", false, true, List.of("预算调整数", "预算调整金额", "预算调整额", "本年预算调整数", "预算净调整数"));

  private final String label;
  private final boolean required;
  private final boolean mayBeNegative;
  private final List<String> synonyms;

  Info(String label, boolean required, List<String> synonyms) {
    this(label, required, false, synonyms);
  }

  Info(String label, boolean required, boolean mayBeNegative, List<String> synonyms) {
    this.label = label;
    this.required = required;
    this.mayBeNegative = mayBeNegative;
    this.synonyms = synonyms;
  }

  String label() {
    return label;
  }

  boolean required() {
    return required;
  }

  /** Whether a negative amount is meaningful (a reduction) rather than a mistake. */
  boolean mayBeNegative() {
    return mayBeNegative;
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
