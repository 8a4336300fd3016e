package cn.gov.liuyang.bizenv.spending.application;

/**
 * A cell as a spreadsheet reader found it, before any meaning is given to it.
 *
 * @param text the text, or for numbers their decimal digits exactly as stored (formula cells give
 *     their computed value)
 */
public record RawCell(Kind kind, String text) {
  public static final RawCell BLANK = new RawCell(Kind.BLANK, "");

  /** What the stored cell holds. */
  public enum Kind {
    BLANK,
    TEXT,
    NUMBER,
    /** a formula whose value the file does not carry (never calculated) */
    UNCALCULATED,
    /** an error value such as #REF! or #DIV/0! */
    ERROR
  }

  public RawCell {
    text = text == null ? "" : text;
    if (kind == Kind.TEXT && isBlank(text)) {
      kind = Kind.BLANK;
    }
  }

  /** {@link String#isBlank}, answered at the first character for the usual text of a cell. */
  private static boolean isBlank(String text) {
    if (text.isEmpty()) {
      return true;
    }
    char first = text.charAt(0);
    // no character in these ranges is whitespace (the first one after ' ' is U+1680)
    if ((first > ' ' && first < '\u1680') || first > '\u3000') {
      return false;
    }
    return text.isBlank();
  }

  public static RawCell text(String text) {
    return new RawCell(Kind.TEXT, text);
  }

  public static RawCell number(String digits) {
    return new RawCell(Kind.NUMBER, digits);
  }

  public boolean isBlank() {
    return kind == Kind.BLANK;
  }
}
