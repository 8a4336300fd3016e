package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;

/**
 * The running header (unit and year, with a rule under it) and the footer "第 N 页 共 M 页"; M is a
 * template filled in when the document closes, since it is unknown until then.
 */
final class PageDecorations extends PdfPageEventHelper {
  static final String PAGE_TEXT = "第页共";
  private static final float HEADER_SIZE = 9f;
  private static final float FOOTER_SIZE = 9f;
  private static final Color GREY = new Color(0x55, 0x55, 0x55);

  private final BaseFont font;
  private final String header;
  private PdfTemplate total;

  PageDecorations(BaseFont font, String header) {
    this.font = font;
    this.header = header;
  }

  @Override
  public void onOpenDocument(PdfWriter writer, Document document) {
    total = writer.getDirectContent().createTemplate(font.getWidthPoint("0000", FOOTER_SIZE), 12f);
  }

  @Override
  public void onEndPage(PdfWriter writer, Document document) {
    PdfContentByte canvas = writer.getDirectContent();
    Rectangle page = document.getPageSize();
    float left = document.left();
    float right = document.right();

    float headerY = page.getTop() - 40f;
    canvas.saveState();
    canvas.setColorFill(GREY);
    canvas.beginText();
    canvas.setFontAndSize(font, HEADER_SIZE);
    canvas.showTextAligned(PdfContentByte.ALIGN_CENTER, header, (left + right) / 2, headerY, 0);
    canvas.endText();
    canvas.setColorStroke(GREY);
    canvas.setLineWidth(0.5f);
    canvas.moveTo(left, headerY - 5f);
    canvas.lineTo(right, headerY - 5f);
    canvas.stroke();

    String before = "第 " + writer.getPageNumber() + " 页 共 ";
    String after = " 页";
    float totalWidth = total.getWidth();
    float width =
        font.getWidthPoint(before, FOOTER_SIZE) + totalWidth + font.getWidthPoint(after, FOOTER_SIZE);
    float x = (left + right - width) / 2;
    float y = page.getBottom() + 36f;
    canvas.beginText();
    canvas.setFontAndSize(font, FOOTER_SIZE);
    canvas.setTextMatrix(x, y);
    canvas.showText(before);
    canvas.endText();
    canvas.addTemplate(total, x + font.getWidthPoint(before, FOOTER_SIZE), y);
    canvas.beginText();
    canvas.setFontAndSize(font, FOOTER_SIZE);
    canvas.setTextMatrix(x + font.getWidthPoint(before, FOOTER_SIZE) + totalWidth, y);
    canvas.showText(after);
    canvas.endText();
    canvas.restoreState();
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    String pages = Integer.toString(writer.getPageNumber() - 1);
    total.beginText();
    total.setFontAndSize(font, FOOTER_SIZE);
    total.setColorFill(GREY);
    // centred in the reserved width, so "共 3 页" and "共 12 页" both sit evenly
    float offset = (total.getWidth() - font.getWidthPoint(pages, FOOTER_SIZE)) / 2;
    total.setTextMatrix(offset, 0);
    total.showText(pages);
    total.endText();
  }
}
