package cn.gov.liuyang.bizenv.report.model;

/**
 * One input a unit's yearly report cannot be made without, and the step that supplies it.
 *
 * @param what the input, in Chinese ("2022年度编制数")
 * @param step how staff supply it, in Chinese, with the route
 */
public record MissingInput(Kind kind, String what, String step) {

  /** Which part of the system supplies the input. */
  public enum Kind {
    UNIT,
    SPENDING,
    FACT,
    COMPLAINTS,
    INDICATOR_SET,
    TEXTS,
    CALENDAR
  }

  /** "what（step）", as the refusal lists it. */
  public String describe() {
    return what + "（" + step + "）";
  }
}
