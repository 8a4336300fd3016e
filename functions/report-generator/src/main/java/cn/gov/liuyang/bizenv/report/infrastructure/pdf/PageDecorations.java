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
    total =
        writer.getDirectContent().createTemplate(font.getWidthPoint("0000 页", FOOTER_SIZE), 12f);
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

    // "第 N 页 共 " ends at the centre; the template after it holds "M 页", known only at the end
    String before = "第 " + writer.getPageNumber() + " 页 共 ";
    float centre = (left + right) / 2;
    float y = page.getBottom() + 36f;
    canvas.beginText();
    canvas.setFontAndSize(font, FOOTER_SIZE);
    canvas.showTextAligned(PdfContentByte.ALIGN_RIGHT, before, centre, y, 0);
    canvas.endText();
    canvas.addTemplate(total, centre, y);
    canvas.restoreState();
  }

  @Override
  public void onCloseDocument(PdfWriter writer, Document document) {
    total.beginText();
    total.setFontAndSize(font, FOOTER_SIZE);
    total.setColorFill(GREY);
    total.setTextMatrix(0, 0);
    total.showText((writer.getPageNumber() - 1) + " 页");
    total.endText();
  }
}
