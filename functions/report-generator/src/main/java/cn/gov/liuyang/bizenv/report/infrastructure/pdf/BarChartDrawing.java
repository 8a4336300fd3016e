package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import cn.gov.liuyang.bizenv.report.model.ReportDocument.Bar;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.BarChart;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.Color;
import java.math.BigDecimal;
import java.math.RoundingMode;

/** A horizontal bar chart drawn with PDF path operators (vectors, not a picture). */
final class BarChartDrawing {
  private static final float BAR_HEIGHT = 11f;
  private static final float ROW = 17f;
  private static final float LABEL_WIDTH = 120f;
  private static final float VALUE_WIDTH = 40f;
  private static final float TEXT_SIZE = 8.5f;
  private static final Color BAR = new Color(0x2f, 0x5d, 0x8c);
  private static final Color AXIS = new Color(0x88, 0x88, 0x88);

  private BarChartDrawing() {}

  static Image draw(PdfContentByte canvas, BaseFont font, BarChart chart, float width) {
    float height = chart.bars().size() * ROW + 8f;
    PdfTemplate template = canvas.createTemplate(width, height);
    BigDecimal max =
        chart.bars().stream()
            .map(Bar::value)
            .reduce(BigDecimal.ONE.movePointLeft(1), BigDecimal::max);
    float plotLeft = LABEL_WIDTH + 6f;
    float plotWidth = width - plotLeft - VALUE_WIDTH;

    template.setColorStroke(AXIS);
    template.setLineWidth(0.5f);
    template.moveTo(plotLeft, 2f);
    template.lineTo(plotLeft, height);
    template.stroke();

    float y = height - ROW;
    for (Bar bar : chart.bars()) {
      float length = bar.value().divide(max, 6, RoundingMode.HALF_UP).floatValue() * plotWidth;
      template.setColorFill(BAR);
      template.rectangle(plotLeft, y + (ROW - BAR_HEIGHT) / 2, Math.max(length, 0.5f), BAR_HEIGHT);
      template.fill();

      template.setColorFill(Color.BLACK);
      template.beginText();
      template.setFontAndSize(font, TEXT_SIZE);
      template.showTextAligned(
          PdfContentByte.ALIGN_RIGHT, bar.label(), LABEL_WIDTH, y + ROW / 2 - 3f, 0);
      template.showTextAligned(
          PdfContentByte.ALIGN_LEFT, bar.valueText(), plotLeft + length + 4f, y + ROW / 2 - 3f, 0);
      template.endText();
      y -= ROW;
    }
    try {
      return Image.getInstance(template);
    } catch (BadElementException e) {
      throw new IllegalStateException("a template is always a valid image", e);
    }
  }
}
