package com.lowagie.text.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines OpenPDF's document flow gives a paragraph of one chunk, without writing anything: the
 * same {@link PdfLine#add} / {@link PdfChunk#split} loop as {@code PdfDocument} runs for a {@code
 * Paragraph} (first line narrowed by its first-line indent, the rest full width, the first space of
 * each continued line dropped), so the report renderer can place page breaks between lines (widows
 * and orphans) before the flow does.
 *
 * <p>It lives in OpenPDF's package because {@code PdfLine} and {@code PdfChunk} have no public
 * constructors; it uses nothing else of OpenPDF's internals. {@code ParagraphLineBreaksTest} checks
 * that the lines it predicts are the lines a rendered PDF shows, so an OpenPDF upgrade that changes
 * the flow is noticed.
 */
public final class ParagraphLineBreaks {
  private ParagraphLineBreaks() {}

  /**
   * The text of each line, in order, as the flow sets {@code chunk} in a paragraph whose first line
   * is {@code firstLineWidth} wide and every further line {@code width} wide.
   */
  public static List<String> lines(Chunk chunk, float firstLineWidth, float width) {
    List<String> lines = new ArrayList<>();
    PdfChunk rest = new PdfChunk(chunk, null);
    PdfLine line = new PdfLine(0f, firstLineWidth, Element.ALIGN_LEFT, 0f);
    PdfChunk overflow;
    while ((overflow = line.add(rest)) != null) {
      lines.add(line.toString());
      line = new PdfLine(0f, width, Element.ALIGN_LEFT, 0f);
      rest = overflow;
      rest.trimFirstSpace();
    }
    if (line.size() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
