package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import cn.gov.liuyang.bizenv.report.application.ReportRenderer;
import cn.gov.liuyang.bizenv.report.model.ReportDocument;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Align;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.BarChart;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Block;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Column;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Heading;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Paragraph;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Table;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ParagraphLineBreaks;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfEncryption;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TimeZone;
import java.util.TreeSet;

/**
 * Typesets a {@link ReportDocument} on A4 with OpenPDF and the embedded, subsetted Noto Sans SC
 * (SIL OFL 1.1) that ships inside the function's jar.
 *
 * <p>Deterministic: the creation and modification dates come from the document, the file ID from
 * its fingerprint, and the font subset's name prefix from a PRNG seeded with it, so the same
 * document gives the same bytes.
 */
public final class OpenPdfReportRenderer implements ReportRenderer {
  static final String LAYOUT_VERSION = "a4-noto-sans-sc-2";
  static final String FONT_RESOURCE = "/fonts/NotoSansSC_400Regular.ttf";
  private static final TimeZone BEIJING = TimeZone.getTimeZone("GMT+08:00");
  static final float BODY = 10.5f;
  private static final float LEADING = 1.6f;
  static final float INDENT = 2 * BODY;
  static final float SIDE_MARGIN = 72f;
  static final float TEXT_WIDTH = PageSize.A4.getWidth() - 2 * SIDE_MARGIN;
  private static final Color HEADER_FILL = new Color(0xe8, 0xee, 0xf4);
  private static final Color TOTAL_FILL = new Color(0xf4, 0xf4, 0xf4);

  private final BaseFont font;
  private final boolean widowControl;

  private OpenPdfReportRenderer(BaseFont font, boolean widowControl) {
    this.font = font;
    this.widowControl = widowControl;
  }

  /**
   * The renderer with the font from the jar; loads it once (about 10 MB), so keep one per
   * container.
   */
  public static OpenPdfReportRenderer withEmbeddedFont() {
    return new OpenPdfReportRenderer(loadFont(), true);
  }

  /**
   * This renderer without widow and orphan control: paragraphs flow as OpenPDF sets them. For
   * tests, to show that a document provokes what the control prevents.
   */
  OpenPdfReportRenderer withoutWidowControl() {
    return new OpenPdfReportRenderer(font, false);
  }

  static BaseFont loadFont() {
    try (InputStream in = OpenPdfReportRenderer.class.getResourceAsStream(FONT_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "font " + FONT_RESOURCE + " is not in the jar: run bin/setup, then rebuild the module");
      }
      BaseFont font =
          BaseFont.createFont(
              "NotoSansSC-Regular.ttf",
              BaseFont.IDENTITY_H,
              BaseFont.EMBEDDED,
              false,
              in.readAllBytes(),
              null);
      font.setSubset(true);
      return font;
    } catch (IOException | DocumentException e) {
      throw new IllegalStateException("font " + FONT_RESOURCE + " cannot be read", e);
    }
  }

  @Override
  public String layoutVersion() {
    return LAYOUT_VERSION;
  }

  /** Characters of {@code text} the font has no glyph for (whitespace aside), one string each. */
  public SortedSet<String> unrenderable(String text) {
    SortedSet<String> missing = new TreeSet<>();
    text.codePoints()
        .filter(cp -> !Character.isWhitespace(cp) && !font.charExists(cp))
        .forEach(cp -> missing.add(new String(Character.toChars(cp))));
    return missing;
  }

  // One font object serves every document; its subset prefix PRNG is per render.
  @Override
  public synchronized RenderedReport render(ReportDocument report) {
    SortedSet<String> missing = unrenderable(report.allText() + PageDecorations.PAGE_TEXT);
    if (!missing.isEmpty()) {
      return new RenderedReport(new byte[0], missing);
    }
    byte[] id = HexFormat.of().parseHex(report.documentId());
    font.setSecureRandom(seeded(id));
    ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
    Document document = new Document(PageSize.A4, SIDE_MARGIN, SIDE_MARGIN, 80f, 72f);
    PdfWriter writer = PdfWriter.getInstance(document, out);
    writer.setStrictImageSequence(true);
    writer.setPageEvent(new PageDecorations(font, report.runningHeader()));
    document.addTitle(report.title());
    document.addAuthor(report.author());
    document.addSubject(report.runningHeader());
    document.addCreator("bizenv report-generator " + LAYOUT_VERSION);
    document.open();
    writeTitle(document, report.title());
    for (Block block : report.blocks()) {
      write(document, writer, block);
    }
    PdfDate date = new PdfDate(calendar(report));
    writer.getInfo().put(PdfName.CREATIONDATE, date);
    writer.getInfo().put(PdfName.MODDATE, date);
    writer.getInfo().put(PdfName.FILEID, PdfEncryption.createInfoId(id, id));
    document.close();
    return new RenderedReport(out.toByteArray(), missing);
  }

  private void writeTitle(Document document, String title) {
    com.lowagie.text.Paragraph paragraph =
        new com.lowagie.text.Paragraph(chunk(title, new Font(font, 18f, Font.BOLD)));
    paragraph.setAlignment(Element.ALIGN_CENTER);
    paragraph.setSpacingAfter(18f);
    add(document, paragraph);
  }

  private void write(Document document, PdfWriter writer, Block block) {
    if (block instanceof Heading heading) {
      float size = heading.level() == 1 ? 14f : heading.level() == 2 ? 12f : BODY;
      keepWithNext(document, writer, size * 1.5f + 4 * BODY * LEADING);
      com.lowagie.text.Paragraph paragraph =
          new com.lowagie.text.Paragraph(chunk(heading.text(), new Font(font, size, Font.BOLD)));
      paragraph.setLeading(size * 1.5f);
      paragraph.setSpacingBefore(heading.level() == 1 ? 10f : 6f);
      paragraph.setSpacingAfter(3f);
      paragraph.setFirstLineIndent(heading.level() == 1 ? 0 : INDENT);
      add(document, paragraph);
    } else if (block instanceof Paragraph text) {
      writeParagraph(document, writer, text.text());
    } else if (block instanceof Table table) {
      keepWithNext(document, writer, 40f + 4 * 20f);
      writeTable(document, table);
    } else if (block instanceof BarChart chart) {
      Image image =
          BarChartDrawing.draw(
              writer.getDirectContent(), font, chart, document.right() - document.left());
      keepWithNext(document, writer, 40f + image.getScaledHeight());
      writeCaption(document, chart.caption(), chart.unitNote());
      image.setAlignment(Image.MIDDLE);
      image.setSpacingAfter(10f);
      add(document, image);
    }
  }

  /**
   * A body paragraph, with widow and orphan control: its lines are measured first ({@link
   * ParagraphLineBreaks}, the flow's own line breaking), and where the page ends inside it the
   * paragraph is set in parts, each ending on a line of its own page. A part that continues on the
   * next page is justified to its last line, so the break is invisible; the next part starts
   * without the first-line indent. OpenPDF's flow has no widow control of its own.
   */
  private void writeParagraph(Document document, PdfWriter writer, String text) {
    Font bodyFont = new Font(font, BODY);
    List<String> lines =
        ParagraphLineBreaks.lines(chunk(text, bodyFont), TEXT_WIDTH - INDENT, TEXT_WIDTH);
    if (lines.isEmpty()) {
      return;
    }
    if (!widowControl) {
      add(document, bodyParagraph(text, bodyFont, true, true));
      return;
    }
    int[] starts = lineStarts(text, lines);
    int first = 0;
    while (true) {
      int remaining = lines.size() - first;
      int here =
          WidowsAndOrphans.linesOnThisPage(remaining, linesThatFit(document, writer), first == 0);
      if (here == 0 && !document.newPage()) {
        here = remaining; // already on a fresh page: nothing better to be had
      }
      if (here == 0) {
        continue;
      }
      boolean last = first + here == lines.size();
      String part = text.substring(starts[first], last ? text.length() : starts[first + here]);
      int page = writer.getPageNumber();
      add(document, bodyParagraph(last ? part : part.stripTrailing(), bodyFont, first == 0, last));
      if (last) {
        return;
      }
      if (writer.getPageNumber() == page) {
        document.newPage();
      }
      first += here;
    }
  }

  /**
   * A body paragraph, or a part of one: indented if it starts the paragraph, justified to its last
   * line unless it ends the paragraph.
   */
  private static com.lowagie.text.Paragraph bodyParagraph(
      String text, Font bodyFont, boolean start, boolean end) {
    com.lowagie.text.Paragraph paragraph = new com.lowagie.text.Paragraph(chunk(text, bodyFont));
    paragraph.setLeading(BODY * LEADING);
    paragraph.setFirstLineIndent(start ? INDENT : 0f);
    paragraph.setAlignment(end ? Element.ALIGN_JUSTIFIED : Element.ALIGN_JUSTIFIED_ALL);
    paragraph.setSpacingAfter(end ? 2f : 0f);
    return paragraph;
  }

  /**
   * How many body lines fit below the current position: as many whole leadings as the room holds (a
   * line fits when its leading ends above the bottom margin, as in OpenPDF's flow; {@code
   * TypesettingTest} checks that a long paragraph fills each page as the flow alone fills it).
   */
  private static int linesThatFit(Document document, PdfWriter writer) {
    float room = writer.getVerticalPosition(true) - document.bottom();
    float line = BODY * LEADING;
    int lines = 0;
    for (float used = line; used < room; used += line) {
      lines++;
    }
    return lines;
  }

  /** Where each line starts in {@code text} (the flow drops a space at a break, nothing else). */
  private static int[] lineStarts(String text, List<String> lines) {
    int[] starts = new int[lines.size()];
    int at = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      int found = line.isEmpty() ? -1 : text.indexOf(line, at);
      starts[i] = found < 0 ? at : found;
      at = starts[i] + line.length();
    }
    return starts;
  }

  private void writeTable(Document document, Table table) {
    writeCaption(document, table.caption(), table.unitNote());
    float[] widths = new float[table.columns().size()];
    for (int i = 0; i < widths.length; i++) {
      widths[i] = table.columns().get(i).width();
    }
    PdfPTable pdfTable = new PdfPTable(widths);
    pdfTable.setWidthPercentage(100f);
    pdfTable.setHeaderRows(1);
    pdfTable.setSpacingAfter(10f);
    Font headerFont = new Font(font, 9f, Font.BOLD);
    Font cellFont = new Font(font, 9f);
    for (Column column : table.columns()) {
      PdfPCell cell = cell(column.header(), headerFont, Element.ALIGN_CENTER);
      cell.setBackgroundColor(HEADER_FILL);
      pdfTable.addCell(cell);
    }
    List<List<String>> rows = table.rows();
    for (int r = 0; r < rows.size(); r++) {
      boolean total = table.totalRow() && r == rows.size() - 1;
      for (int c = 0; c < table.columns().size(); c++) {
        PdfPCell cell =
            cell(rows.get(r).get(c), total ? headerFont : cellFont, align(table.columns().get(c)));
        if (total) {
          cell.setBackgroundColor(TOTAL_FILL);
        }
        pdfTable.addCell(cell);
      }
    }
    add(document, pdfTable);
  }

  private void writeCaption(Document document, String caption, String unitNote) {
    com.lowagie.text.Paragraph title =
        new com.lowagie.text.Paragraph(chunk(caption, new Font(font, 10f, Font.BOLD)));
    title.setAlignment(Element.ALIGN_CENTER);
    title.setSpacingBefore(6f);
    add(document, title);
    com.lowagie.text.Paragraph unit =
        new com.lowagie.text.Paragraph(chunk(unitNote, new Font(font, 8.5f)));
    unit.setAlignment(Element.ALIGN_RIGHT);
    unit.setSpacingAfter(3f);
    add(document, unit);
  }

  /**
   * Starts a new page unless {@code height} points are left: a heading or caption never ends a page
   * without what it introduces (OpenPDF has no keep-with-next).
   */
  private static void keepWithNext(Document document, PdfWriter writer, float height) {
    if (writer.getVerticalPosition(true) - document.bottom() < height) {
      document.newPage();
    }
  }

  private PdfPCell cell(String text, Font cellFont, int alignment) {
    PdfPCell cell = new PdfPCell(new Phrase(chunk(text, cellFont)));
    cell.setHorizontalAlignment(alignment);
    cell.setVerticalAlignment(Element.ALIGN_MIDDLE);
    cell.setPaddingTop(3f);
    cell.setPaddingBottom(5f);
    cell.setPaddingLeft(4f);
    cell.setPaddingRight(4f);
    cell.setBorderWidth(0.5f);
    cell.setLeading(0f, 1.3f);
    return cell;
  }

  static Chunk chunk(String text, Font chunkFont) {
    Chunk chunk = new Chunk(text, chunkFont);
    chunk.setSplitCharacter(Kinsoku.INSTANCE);
    return chunk;
  }

  private static int align(Column column) {
    return column.align() == Align.RIGHT
        ? Element.ALIGN_RIGHT
        : column.align() == Align.CENTER ? Element.ALIGN_CENTER : Element.ALIGN_LEFT;
  }

  private static void add(Document document, Element element) {
    try {
      document.add(element);
    } catch (DocumentException e) {
      throw new IllegalStateException("element cannot be added", e);
    }
  }

  private static Calendar calendar(ReportDocument report) {
    Calendar calendar = new GregorianCalendar(BEIJING, Locale.ROOT);
    calendar.setTimeInMillis(report.createdAt().toEpochMilli());
    return calendar;
  }

  private static SecureRandom seeded(byte[] seed) {
    try {
      // SHA1PRNG seeded before first use is a deterministic sequence
      SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
      random.setSeed(seed);
      return random;
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA1PRNG is part of every JVM", e);
    }
  }
}
