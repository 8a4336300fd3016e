package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.fixtures.Year2026;
import cn.gov.liuyang.bizenv.report.application.ReportRenderer.RenderedReport;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.report.model.ReportDocument;
import cn.gov.liuyang.bizenv.report.model.ReportInputs;
import cn.gov.liuyang.bizenv.report.model.SelfEvaluationReport;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OpenPdfReportRendererTest {
  private static OpenPdfReportRenderer renderer;
  private static byte[] seedPdf;
  private static String seedText;

  @BeforeAll
  static void renderTheSeedReport() throws IOException {
    renderer = OpenPdfReportRenderer.withEmbeddedFont();
    RenderedReport rendered = renderer.render(document(seedInputs()));
    assertThat(rendered.unrenderable()).isEmpty();
    seedPdf = rendered.pdf();
    seedText = text(seedPdf);
  }

  static ReportInputs seedInputs() {
    return new ReportInputs(
        Seed2021.UNIT,
        Seed2021.YEAR,
        Seed2021.spending(),
        Seed2021.complaints(),
        Seed2021.narrativeVersion(),
        new ClasspathIndicatorSets().forYear(Seed2021.YEAR).orElseThrow());
  }

  static ReportDocument document(ReportInputs inputs) {
    return SelfEvaluationReport.compose(inputs, OpenPdfReportRenderer.LAYOUT_VERSION).document();
  }

  @Test
  void seedReport_carriesTheSeedsFigures_inTheExtractedText() {
    String flat = bodyText(seedText);

    assertThat(flat)
        .contains("纳入财政绩效自评的资金385.5万元，其中基本支出184.9万元，项目支出200.6万元。")
        .contains("人员经费支出173.9万元")
        .contains("日常公用经费支出11万元")
        .contains("营商环境指标评价73.3万元，全市营商环境氛围浓厚112.3万元，投诉处理5万元，营商环境监测点5万元，政策落地5万元")
        .contains(
            "办公费3.9万元，印刷费5.3万元，咨询费39.7万元，邮电费7万元，会议费1.6万元，培训费1.9万元，公务接待费0.5万元，"
                + "劳务费9.5万元，委托业务费31.5万元，其他交通费用15.1万元，其他商品和服务支出24.6万元，资本性支出60万元")
        .contains("“三公”经费支出0.5万元")
        .contains("投诉举报14件，走访收集意见建议35条，困难诉求56个，组织多方联动会议9次")
        .contains("投诉受理率100%")
        .contains("在职人员控制率91.67%")
        .contains("自评得分99分，等级为“优”")
        .contains("附相关评分")
        .contains("单位：万元");
  }

  @Test
  void seedReport_tablesRightAlignAmounts_andStateTheUnit() {
    assertThat(seedText.replaceAll("[ \\t]+", " "))
        .contains("营商环境指标评价 75.0 73.3 97.73%")
        .contains("30203 咨询费 39.7 19.79%")
        .contains("合计 200.6 100.00%");
  }

  @Test
  void everyPage_hasTheHeaderAndItsNumberOutOfTheTotal() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(seedPdf)) {
      int pages = pdf.getNumberOfPages();
      assertThat(pages).isGreaterThan(3);
      for (int page = 1; page <= pages; page++) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(page);
        stripper.setEndPage(page);
        String flat = stripper.getText(pdf).replaceAll("[\\s\\u3000]+", "");
        assertThat(flat)
            .contains("浏阳市优化营商环境协调事务中心2021年度部门整体支出绩效自评报告")
            .contains("第" + page + "页共" + pages + "页");
      }
    }
  }

  @Test
  void noLine_startsWithClosingPunctuation() {
    List<String> offending = new ArrayList<>();
    for (String line : seedText.split("\\R")) {
      String trimmed = line.strip();
      if (!trimmed.isEmpty() && "，。、；：？！）》”’".indexOf(trimmed.charAt(0)) >= 0) {
        offending.add(trimmed);
      }
    }
    assertThat(offending).isEmpty();
  }

  @Test
  void firstPage_rendersToAnImageThatIsNotBlank() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(seedPdf)) {
      BufferedImage image = new PDFRenderer(pdf).renderImageWithDPI(0, 50);
      long dark = 0;
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          int rgb = image.getRGB(x, y);
          int luminance = ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
          if (luminance < 128) {
            dark++;
          }
        }
      }
      assertThat(dark).isGreaterThan(image.getWidth() * image.getHeight() / 100L);
    }
  }

  @Test
  void font_isEmbeddedAsASubset() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(seedPdf)) {
      PDPage page = pdf.getPage(0);
      List<PDFont> fonts = new ArrayList<>();
      for (var name : page.getResources().getFontNames()) {
        fonts.add(page.getResources().getFont(name));
      }
      assertThat(fonts)
          .isNotEmpty()
          .allSatisfy(
              font -> {
                assertThat(font).isInstanceOf(PDType0Font.class);
                assertThat(font.isEmbedded()).isTrue();
                assertThat(font.getName()).matches("[A-Z]{6}\\+NotoSansSC.*");
              });
    }
    assertThat(seedPdf.length).isLessThan(1_000_000);
  }

  @Test
  void sameDocument_givesTheSameBytes_evenFromAFreshRenderer() {
    byte[] again = OpenPdfReportRenderer.withEmbeddedFont().render(document(seedInputs())).pdf();

    assertThat(again).isEqualTo(seedPdf);
  }

  @Test
  void documentDate_comesFromTheInputs() throws IOException {
    try (PDDocument pdf = Loader.loadPDF(seedPdf)) {
      assertThat(pdf.getDocumentInformation().getCreationDate().toInstant())
          .isEqualTo(Instant.parse("2022-02-15T08:00:00Z"));
      assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("2021年度部门整体支出绩效自评报告");
    }
  }

  @Test
  void anotherYear_givesADifferentCorrectReport() throws IOException {
    ReportInputs inputs =
        new ReportInputs(
            Seed2021.UNIT,
            Year2026.YEAR,
            Year2026.spending(),
            Year2026.complaints(),
            Year2026.narrativeVersion(),
            new ClasspathIndicatorSets().forYear(Year2026.YEAR).orElseThrow());
    RenderedReport rendered = renderer.render(document(inputs));
    String flat = bodyText(text(rendered.pdf()));

    assertThat(rendered.pdf()).isNotEqualTo(seedPdf);
    assertThat(text(rendered.pdf()).replaceAll("[\\s\\u3000]+", ""))
        .contains("浏阳市优化营商环境协调事务中心2026年度部门整体支出绩效自评报告");
    assertThat(flat)
        .contains("纳入财政绩效自评的资金342.8万元，其中基本支出209万元，项目支出133.8万元。")
        .contains("营商环境评价80万元，惠企政策直达45.6万元，投诉处理8.2万元")
        .contains("2026年部门整体支出绩效自评得分88分，等级为“良”")
        .doesNotContain("385.5")
        .doesNotContain("2021年度");
  }

  @Test
  void charactersTheFontLacks_areReported_notDropped() {
    assertThat(renderer.unrenderable("营商环境😀ༀ，。“”（）１２３")).containsExactly("ༀ", "😀");
  }

  /** The text without whitespace and without the page furniture a page break puts mid-sentence. */
  static String bodyText(String text) {
    return text.replaceAll("[\\s\\u3000]+", "")
        .replaceAll("第\\d+页共\\d+页", "")
        .replaceAll("浏阳市优化营商环境协调事务中心\\d{4}年度部门整体支出绩效自评报告", "");
  }

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      return stripper.getText(document);
    }
  }
}
