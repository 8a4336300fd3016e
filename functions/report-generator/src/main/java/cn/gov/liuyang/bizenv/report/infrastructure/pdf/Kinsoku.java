package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.PdfChunk;

/**
 * Line breaking for Chinese text with 避头尾: a line may break after any Han character or closing
 * punctuation, never before closing punctuation (，。、；：？！）》” …) and never after opening punctuation
 * (（《“ …). OpenPDF's default allows a break before a full-width comma, which puts it at the start
 * of the next line.
 */
final class Kinsoku implements SplitCharacter {
  static final Kinsoku INSTANCE = new Kinsoku();

  /** 行首禁则: never the first character of a line. */
  static final String NO_LINE_START = "，。、；：？！）》」』】〕〉”’…—·％‰℃,.;:?!)]}%、｡･ー～";

  /** 行尾禁则: never the last character of a line. */
  static final String NO_LINE_END = "（《「『【〔〈“‘([{";

  private Kinsoku() {}

  @Override
  public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
    char c = at(current, cc, ck);
    if (current + 1 < end && NO_LINE_START.indexOf(at(current + 1, cc, ck)) >= 0) {
      return false;
    }
    if (NO_LINE_END.indexOf(c) >= 0) {
      return false;
    }
    if (c <= ' ' || c == '-') {
      return true;
    }
    return NO_LINE_START.indexOf(c) >= 0 || isHan(c) || (c >= 0x3000 && c < 0x3040);
  }

  private static boolean isHan(char c) {
    return (c >= 0x3400 && c < 0xa000) || (c >= 0xf900 && c < 0xfb00);
  }

  private static char at(int index, char[] cc, PdfChunk[] ck) {
    if (ck == null) {
      return cc[index];
    }
    return (char) ck[Math.min(index, ck.length - 1)].getUnicodeEquivalent(cc[index]);
  }
}
