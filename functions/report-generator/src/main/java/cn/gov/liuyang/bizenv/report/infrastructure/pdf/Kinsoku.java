package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.util.List;

/**
 * Line breaking for Chinese text: where a line may end. A line may break after any Han character or
 * closing punctuation, with two kinds of exception.
 *
 * <ul>
 *   <li><b>避头尾</b>: never before closing punctuation (，。、；：？！）》” …) and never after opening
 *       punctuation (（《“ …). OpenPDF's default allows a break before a full-width comma, which puts
 *       it at the start of the next line.
 *   <li><b>A number with its unit is one word</b>: never inside a number ({@code 184.9}, {@code
 *       1,234.56}, {@code -37.5}), never between a number and its unit or inside the unit ({@code
 *       184.9万元}, {@code 14件}, {@code 30余家}, {@code 98.64%}, {@code 3个百分点}), never between a sign
 *       and its number. Taking "." for closing punctuation, this rule used to break after a decimal
 *       point ("184." / "9万元" in the 2021 report); OpenPDF's default breaks after a minus sign and
 *       between 万 and 元.
 * </ul>
 *
 * <p>{@link #mayBreakAfter} is the rule as a pure function of the text; {@link #INSTANCE} hands it
 * to OpenPDF as the {@link SplitCharacter} of every chunk.
 */
final class Kinsoku implements SplitCharacter {
  static final Kinsoku INSTANCE = new Kinsoku();

  /** 行首禁则: never the first character of a line. */
  static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%、｡･ー～";

  /** 行尾禁则: never the last character of a line. */
  static final String NO_LINE_END = "（《「『【〔〈“‘([{";

  /** Inside a number: between digits ({@code 184.9}, {@code 1,234}, {@code 3/4}, {@code 8:30}). */
  static final String NUMBER_JOINERS = ".,/:．";

  /** Signs and range marks that never end a line before a digit ({@code -37.5%}, {@code ¥5}). */
  static final String NUMBER_PREFIXES = "-−+±~～–¥￥$#№";

  /**
   * Units that may follow a number, longest first where one starts another. A one-character unit
   * needs no entry to stay with its number (a line never ends after a digit); it is listed so that
   * {@code 余} / {@code 多} before it (30余件) and a space before it (5 万元) are held too.
   */
  static final List<String> UNITS =
      List.of(
          "万人次", "个百分点", "百分点", "平方米", "立方米", "平方公里", "万元", "亿元", "千元", "百元", "万人", "万户", "人次",
          "户次", "件次", "家次", "个月", "小时", "分钟", "公里", "千米", "万", "亿", "元", "%", "％", "‰", "名", "件",
          "个", "次", "条", "分", "人", "户", "家", "项", "年", "月", "日", "天", "周", "岁", "倍", "台", "辆", "套",
          "本", "篇", "份", "场", "期", "批", "页", "笔", "间", "座", "处", "所", "张", "米", "吨", "度");

  /** Before a unit, after the number: {@code 30余家}, {@code 20多个}. */
  static final String APPROXIMATELY = "余多";

  private Kinsoku() {}

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    // OpenPDF asks about a lone space out of context (its Latin "last space" heuristic, which would
    // override the answers given in context, e.g. the space of "5 万元"); spaces are answered in
    // context
    if (end - start == 1 && cc.length == 1 && cc[0] == ' ') {
      return false;
    }
    if (ck == null) {
      return mayBreakAfter(cc, start, current, end);
    }
    // a CJK (CID) font: the rule reads Unicode, so convert the neighbourhood the rule looks at
    int from = Math.max(start, current - WINDOW);
    int to = Math.min(end, current + WINDOW + 1);
    char[] window = new char[to - from];
    for (int i = from; i < to; i++) {
      window[i - from] = (char) ck[Math.min(i, ck.length - 1)].getUnicodeEquivalent(cc[i]);
    }
    return mayBreakAfter(window, 0, current - from, window.length);
  }

  /**
   * How far the rule looks either side of a position (the longest unit plus a prefix and a space).
   */
  private static final int WINDOW = 8;

  /** Whether a line may end after {@code text.charAt(index)} (and the next line start after it). */
  static boolean mayBreakAfter(CharSequence text, int index) {
    char[] chars = text.toString().toCharArray();
    return mayBreakAfter(chars, 0, index, chars.length);
  }

  /**
   * Whether a line may end after {@code text[current]}, within the run {@code text[start, end)}.
   * The last character of a run may always end a line as far as this rule knows (what follows is in
   * another run).
   */
  static boolean mayBreakAfter(char[] text, int start, int current, int end) {
    char c = text[current];
    boolean last = current + 1 >= end;
    char next = last ? 0 : text[current + 1];
    if (!last && NO_LINE_START.indexOf(next) >= 0) {
      return false;
    }
    if (NO_LINE_END.indexOf(c) >= 0) {
      return false;
    }
    if (!last && insideNumberWithUnit(text, start, current, end)) {
      return false;
    }
    if (c <= ' ' || c == '-') {
      return true;
    }
    return NO_LINE_START.indexOf(c) >= 0 || isHan(c) || (c >= 0x3000 && c < 0x3040);
  }

  /**
   * Whether the gap between {@code text[current]} and the next character is inside a number+unit.
   */
  private static boolean insideNumberWithUnit(char[] text, int start, int current, int end) {
    char c = text[current];
    char next = text[current + 1];
    if (isDigit(c)) {
      return true; // 184|.9, 184.9|万元, 14|件, 98.64|%: a line never ends after a digit
    }
    if (isDigit(next) && (NUMBER_JOINERS.indexOf(c) >= 0 || NUMBER_PREFIXES.indexOf(c) >= 0)) {
      return true; // 184.|9, -|37.5
    }
    // the gap lies inside what follows a number: "5 万元", "30余家", "万|元"
    for (int numberEnd = current; numberEnd > start && current - numberEnd < WINDOW; numberEnd--) {
      if (isDigit(text[numberEnd - 1])) {
        int unitEnd = unitAfterNumber(text, numberEnd, end);
        return unitEnd > current + 1;
      }
    }
    return false;
  }

  /**
   * Where the unit that follows a number ending before {@code from} ends (exclusive), or {@code
   * from} when no unit follows: an optional space, an optional 余/多, then one of {@link #UNITS}.
   */
  private static int unitAfterNumber(char[] text, int from, int end) {
    int i = from;
    if (i < end && text[i] == ' ') {
      i++;
    }
    if (i < end && APPROXIMATELY.indexOf(text[i]) >= 0) {
      i++;
    }
    for (String unit : UNITS) {
      if (startsWith(text, i, end, unit)) {
        return i + unit.length();
      }
    }
    return from;
  }

  private static boolean startsWith(char[] text, int at, int end, String word) {
    if (at + word.length() > end) {
      return false;
    }
    for (int k = 0; k < word.length(); k++) {
      if (text[at + k] != word.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  static boolean isDigit(char c) {
    return (c >= '0' && c <= '9') || (c >= '０' && c <= '９');
  }

  private static boolean isHan(char c) {
    return (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
  }
}
