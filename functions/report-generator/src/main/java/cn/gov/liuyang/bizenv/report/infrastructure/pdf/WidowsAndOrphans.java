package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

/**
 * Where a paragraph that does not fit on the page breaks: never its last line alone at the top of
 * the next page (a widow), never its first line alone at the bottom of this one (an orphan). A
 * paragraph that would leave either gives up a line (or moves whole) to the next page, leaving a
 * line or two blank at the bottom of this one.
 */
final class WidowsAndOrphans {
  /** The fewest lines of a paragraph that may stand on a page by themselves. */
  static final int MIN_LINES = 2;

  private WidowsAndOrphans() {}

  /**
   * How many of the paragraph's {@code remaining} lines to set on this page, where {@code fitting}
   * lines fit; 0 means "start the next page first". All of them when they fit.
   *
   * @param paragraphStart whether the first remaining line is the paragraph's first (a continued
   *     paragraph at the top of a page has no orphan to avoid)
   */
  static int linesOnThisPage(int remaining, int fitting, boolean paragraphStart) {
    if (fitting >= remaining) {
      return remaining;
    }
    int here = Math.max(0, fitting);
    if (remaining - here < MIN_LINES) {
      here = remaining - MIN_LINES; // widow: the last line takes the one before it along
    }
    if (here < MIN_LINES && paragraphStart) {
      here = 0; // orphan: the paragraph starts on the next page
    }
    return Math.max(0, here);
  }
}
