package cn.gov.liuyang.bizenv.http;

import java.util.Optional;

/**
 * The one text policy of every request: what a piece of text from outside (a body field, a query or
 * path parameter, a JSON key) may contain. Refused, each with its stable code:
 *
 * <ul>
 *   <li>{@code TEXT_ENCODING_INVALID}: a lone surrogate, or U+FFFD (a decoder upstream already lost
 *       what was sent);
 *   <li>{@code TEXT_CONTROL_CHARACTER}: C0 controls (NUL, ESC, …), DEL and C1 controls; line feed,
 *       carriage return and tab only in {@linkplain #isLongText long text};
 *   <li>{@code TEXT_BIDI_CONTROL}: the bidi embeddings, overrides and isolates U+202A–U+202E and
 *       U+2066–U+2069, which make a text read differently from what it stores;
 *   <li>text that is only invisible characters (spaces, zero-width and format characters, fillers)
 *       is no text: {@code REQUIRED} where the field is required, {@code TEXT_INVISIBLE} where not.
 * </ul>
 */
public final class TextPolicy {
  /**
   * Fields that may hold more than this many characters are long text, where lines are legitimate.
   */
  public static final int LONG_TEXT_OVER = 200;

  /** What is wrong with a text: a stable code and a Chinese sentence, without the text itself. */
  public record Violation(String code, String message) {}

  private TextPolicy() {}

  /** A field of at most {@code maxLength} characters is long text when it may exceed 200. */
  public static boolean isLongText(int maxLength) {
    return maxLength > LONG_TEXT_OVER;
  }

  /**
   * The first thing {@code text} may not contain, for a field called {@code label}; {@code
   * multiline} allows line feed, carriage return and tab.
   */
  public static Optional<Violation> check(String text, String label, boolean multiline) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
          i++;
          continue;
        }
        return Optional.of(encoding(label));
      }
      if (Character.isLowSurrogate(c) || c == '\uFFFD') {
        return Optional.of(encoding(label));
      }
      if (isControl(c) && !(multiline && (c == '\n' || c == '\r' || c == '\t'))) {
        return Optional.of(
            new Violation(
                "TEXT_CONTROL_CHARACTER",
                label + (multiline ? "含有不可见的控制字符，请删除后重试" : "含有换行或不可见的控制字符，请写在一行内")));
      }
      if (isBidiControl(c)) {
        return Optional.of(
            new Violation(
                "TEXT_BIDI_CONTROL", label + "含有改变文字方向的控制字符（U+202A–U+202E、U+2066–U+2069），请删除后重试"));
      }
    }
    return Optional.empty();
  }

  /** True when {@code text} has no character a person can see (it may be empty). */
  public static boolean isInvisible(String text) {
    return text.codePoints().allMatch(TextPolicy::isInvisible);
  }

  static boolean isControl(char c) {
    return c < 0x20 || (c >= 0x7f && c <= 0x9f);
  }

  static boolean isBidiControl(char c) {
    return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069');
  }

  private static boolean isInvisible(int c) {
    return Character.isWhitespace(c)
        || Character.isSpaceChar(c)
        || Character.getType(c) == Character.FORMAT
        || Character.getType(c) == Character.CONTROL
        || c == 0x115F
        || c == 0x1160
        || c == 0x2800
        || c == 0x3164
        || c == 0xFFA0
        || c == 0x180E;
  }

  private static Violation encoding(String label) {
    return new Violation("TEXT_ENCODING_INVALID", label + "含有无法识别的字符（编码有误），请重新输入");
  }
}
