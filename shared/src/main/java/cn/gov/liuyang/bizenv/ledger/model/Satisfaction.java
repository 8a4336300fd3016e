package cn.gov.liuyang.bizenv.ledger.model;

/**
 * What the follow-up call (回访) found, in the 12345 graded evaluation (分档评价). 满意 and 基本满意 both count
 * as satisfied, as (满意 + 基本满意) ÷ rated is how the platforms report 满意率 (DOMAIN.md §4).
 */
public enum Satisfaction {
  SATISFIED("满意", true),
  BASICALLY_SATISFIED("基本满意", true),
  DISSATISFIED("不满意", false),
  /** not called back, or no answer: the case is not rated */
  NOT_REVISITED("未回访", false);

  private final String label;
  private final boolean satisfied;

  Satisfaction(String label, boolean satisfied) {
    this.label = label;
    this.satisfied = satisfied;
  }

  public String label() {
    return label;
  }

  /** Counted as satisfied (满意 or 基本满意). */
  public boolean satisfied() {
    return satisfied;
  }

  public boolean rated() {
    return this != NOT_REVISITED;
  }
}
