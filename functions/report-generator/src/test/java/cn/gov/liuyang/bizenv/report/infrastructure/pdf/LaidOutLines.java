package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * The lines of a rendered report as PDFBox sees them: every glyph's position, grouped by baseline
 * per page, in reading order. What the renderer's layout means is read back from geometry only: a
 * body line is 10.5 pt; a body line at the left margin continues a paragraph, one indented by two
 * characters starts one; page header and footer (9 pt, in the top and bottom margins) are dropped.
 */
record LaidOutLines(List<Line> lines) {
  static final float LEFT = 72f;
  static final float INDENT = 21f;
  static final float BODY = 10.5f;

  /**
   * One line: page (1-based), baseline from the top, where its first glyph starts and its last
   * ends, its text size (the font size scaled by the text matrix), its text (a space where glyphs
   * stand more than half a character apart, as between table cells).
   */
  record Line(int page, float y, float x, float xEnd, float size, String text) {
    boolean body() {
      return Math.abs(size - BODY) < 0.05f;
    }

    /** A body line at the left margin: the second or a later line of a paragraph. */
    boolean continuation() {
      return body() && Math.abs(x - LEFT) < 1f;
    }

    /** A body line indented by two characters: a paragraph's (or a level-3 heading's) first. */
    boolean paragraphStart() {
      return body() && Math.abs(x - (LEFT + INDENT)) < 1f;
    }

    @Override
    public String toString() {
      return "p" + page + " y=" + Math.round(y) + " x=" + Math.round(x) + " " + size + "pt " + text;
    }
  }

  static LaidOutLines of(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      Collector collector = new Collector();
      collector.getText(document);
      return new LaidOutLines(collector.lines);
    }
  }

  /**
   * The lines of the page body in reading order: no running header, no footer, and none of the
   * blank lines OpenPDF writes for paragraph spacing.
   */
  List<Line> content() {
    return lines.stream()
        .filter(line -> line.y() > 80f && line.y() < 842f - 60f && !line.text().isBlank())
        .toList();
  }

  List<Line> onPage(int page) {
    return content().stream().filter(line -> line.page() == page).toList();
  }

  int pages() {
    return lines.stream().mapToInt(Line::page).max().orElse(0);
  }

  /** Collects glyphs per page and groups them into lines by baseline. */
  private static final class Collector extends PDFTextStripper {
    private final List<Line> lines = new ArrayList<>();
    private final List<TextPosition> glyphs = new ArrayList<>();

    Collector() throws IOException {
      setSortByPosition(true);
    }

    @Override
    protected void processTextPosition(TextPosition text) {
      glyphs.add(text);
    }

    @Override
    protected void endPage(org.apache.pdfbox.pdmodel.PDPage page) throws IOException {
      Map<Integer, List<TextPosition>> byBaseline = new HashMap<>();
      for (TextPosition glyph : glyphs) {
        byBaseline
            .computeIfAbsent(Math.round(glyph.getYDirAdj() * 2), y -> new ArrayList<>())
            .add(glyph);
      }
      byBaseline.keySet().stream()
          .sorted()
          .forEach(
              y -> {
                List<TextPosition> line = byBaseline.get(y);
                line.sort(Comparator.comparing(TextPosition::getXDirAdj));
                StringBuilder text = new StringBuilder();
                float end = line.get(0).getXDirAdj();
                for (TextPosition glyph : line) {
                  if (glyph.getXDirAdj() - end > glyph.getXScale() / 2) {
                    text.append(' ');
                  }
                  text.append(glyph.getUnicode());
                  end = glyph.getXDirAdj() + glyph.getWidthDirAdj();
                }
                TextPosition first = line.get(0);
                lines.add(
                    new Line(
                        getCurrentPageNo(),
                        first.getYDirAdj(),
                        first.getXDirAdj(),
                        end,
                        first.getXScale(),
                        text.toString()));
              });
      glyphs.clear();
      super.endPage(page);
    }
  }
}
