package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.report.infrastructure.pdf.LaidOutLines.Line;
import cn.gov.liuyang.bizenv.report.model.ReportDocument;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Block;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Heading;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Paragraph;
import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.ParagraphLineBreaks;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The typesetting read back from the PDF: the text of every line with its position (PDFBox), so the
 * rules are checked where the reader meets them. A paragraph's structure comes from the geometry
 * alone (see {@link LaidOutLines}).
 */
class TypesettingTest {
  private static OpenPdfReportRenderer renderer;
  private static ReportDocument seed;
  private static LaidOutLines seedLines;

  @BeforeAll
  static void renderTheSeedReport() throws IOException {
    renderer = OpenPdfReportRenderer.withEmbeddedFont();
    seed = OpenPdfReportRendererTest.document(OpenPdfReportRendererTest.seedInputs());
    seedLines = LaidOutLines.of(renderer.render(seed).pdf());
  }

  // ------------------------------------------------------------- numbers are never broken

  @Test
  void seedReport_breaksNoLineInsideANumberWithItsUnit() {
    assertThat(brokenNumbers(seedLines)).isEmpty();
    assertThat(lineEndsThatCutANumber(seedLines)).isEmpty();
    // the reader's example: the number moved to the next line whole
    assertThat(bodyText(seedLines)).contains("其中基本支出184.9万元，项目支出200.6万元。");
  }

  @Test
  void numbersAtEveryOffset_neverBreak_whereOpenPdfsDefaultWould() throws IOException {
    ReportDocument stress = document(numberStress());
    LaidOutLines laidOut = LaidOutLines.of(renderer.render(stress).pdf());

    assertThat(brokenNumbers(laidOut)).isEmpty();
    assertThat(lineEndsThatCutANumber(laidOut)).isEmpty();
    assertThat(bodyText(laidOut)).isEqualTo(blocksText(stress));
    // the document does put line ends where numbers are: OpenPDF's own rule breaks many of them ...
    Font body = new Font(OpenPdfReportRenderer.loadFont(), OpenPdfReportRenderer.BODY);
    int brokenByDefault = 0;
    for (Block block : stress.blocks()) {
      if (block instanceof Paragraph paragraph) {
        List<String> lines = predictedLines(new Chunk(paragraph.text(), body));
        for (int i = 1; i < lines.size(); i++) {
          if (cutsANumber(lines.get(i - 1), lines.get(i))) {
            brokenByDefault++;
          }
        }
      }
    }
    assertThat(brokenByDefault).isGreaterThan(10);
    // ... and here many a line starts with the number its predecessor could not end with
    long startWithANumber =
        laidOut.content().stream()
            .filter(Line::continuation)
            .filter(line -> line.text().matches("^[-+0-9].*"))
            .count();
    assertThat(startWithANumber).isGreaterThan(20);
  }

  // ------------------------------------------------------------- widows and orphans

  @Test
  void seedReport_hasNoWidowsAndNoOrphans() {
    assertThat(widows(seedLines)).isEmpty();
    assertThat(orphans(seedLines)).isEmpty();
  }

  @Test
  void paragraphsAtEveryPageOffset_leaveNoWidowOrOrphan_whereTheFlowAloneWould()
      throws IOException {
    ReportDocument stress = document(widowStress());

    LaidOutLines plain = LaidOutLines.of(renderer.withoutWidowControl().render(stress).pdf());
    assertThat(widows(plain)).as("the document provokes widows").isNotEmpty();
    // OpenPDF's flow starts a paragraph only where two of its lines fit, so it makes no orphans;
    // the control must not make any either
    assertThat(orphans(plain)).isEmpty();

    LaidOutLines controlled = LaidOutLines.of(renderer.render(stress).pdf());
    assertThat(widows(controlled)).isEmpty();
    assertThat(orphans(controlled)).isEmpty();
    // nothing lost or doubled where a paragraph was set in parts
    assertThat(bodyText(controlled)).isEqualTo(blocksText(stress));
    // a paragraph continued on the next page fills its last line on this one (justified to it)
    assertThat(continuedFromPageEnd(controlled)).isNotEmpty().allSatisfy(this::fillsTheMeasure);
  }

  @Test
  void paragraphsLongerThanAPage_fillEveryPageAsTheFlowAloneDoes() throws IOException {
    ReportDocument longParagraphs = document(longParagraphs());

    LaidOutLines plain =
        LaidOutLines.of(renderer.withoutWidowControl().render(longParagraphs).pdf());
    LaidOutLines controlled = LaidOutLines.of(renderer.render(longParagraphs).pdf());

    assertThat(widows(plain)).isEmpty();
    assertThat(controlled.pages()).isGreaterThan(8);
    assertThat(positions(controlled)).isEqualTo(positions(plain));
  }

  @Test
  void theLinesMeasuredBeforeLayout_areTheLinesThePdfShows() throws IOException {
    ReportDocument stress = document(widowStress());
    for (var document : List.of(seed, stress)) {
      LaidOutLines laidOut = LaidOutLines.of(renderer.render(document).pdf());
      List<String> shown =
          laidOut.content().stream().filter(Line::body).map(line -> flat(line.text())).toList();
      Font body = new Font(OpenPdfReportRenderer.loadFont(), OpenPdfReportRenderer.BODY);
      int at = 0;
      for (Block block : document.blocks()) {
        if (block instanceof Paragraph paragraph) {
          for (String predicted :
              predictedLines(OpenPdfReportRenderer.chunk(paragraph.text(), body))) {
            while (at < shown.size() && !shown.get(at).equals(flat(predicted))) {
              at++;
            }
            assertThat(at).as("line “%s” is shown", predicted).isLessThan(shown.size());
          }
        }
      }
    }
  }

  // ------------------------------------------------------------- tables

  @Test
  void seedReport_everyPercentageInATable_hasTwoDecimals() {
    List<Line> table2 = tableRows(seedLines, "表2　项目支出经济分类");
    assertThat(table2).hasSizeGreaterThan(5);
    assertThat(table2.subList(1, table2.size()))
        .allSatisfy(row -> assertThat(row.text()).matches(".*\\s\\d+\\.\\d{2}%$"));
    assertThat(table2.get(table2.size() - 1).text()).matches("合计\\s+200\\.6\\s+100\\.00%");
    assertThat(table2).anySatisfy(row -> assertThat(row.text()).endsWith(" 0.80%"));

    List<String> tablePercentages = new ArrayList<>();
    for (Line line : seedLines.content()) {
      if (Math.abs(line.size() - 9f) < 0.05f) {
        // a percentage that is a cell of its own, not one inside a rule's text (每低5%扣2分)
        Matcher percentage =
            Pattern.compile("(?<=^|\\s)-?[0-9.]+%(?=\\s|$)").matcher(line.text().strip());
        while (percentage.find()) {
          tablePercentages.add(percentage.group());
        }
      }
    }
    assertThat(tablePercentages)
        .hasSizeGreaterThan(20)
        .allSatisfy(p -> assertThat(p).matches("-?\\d+\\.\\d{2}%"));
    // every one of them whole in its cell, none wrapped in a narrow column
    List<String> composed = new ArrayList<>();
    for (Block block : seed.blocks()) {
      if (block instanceof ReportDocument.Table table) {
        table
            .rows()
            .forEach(row -> row.stream().filter(c -> c.endsWith("%")).forEach(composed::add));
      }
    }
    assertThat(tablePercentages).isEqualTo(composed);
  }

  // ------------------------------------------------------------- the checks

  /**
   * Pairs of lines within one paragraph where the break falls inside a number with its unit (by the
   * independent pattern of {@link KinsokuTest#NUMBER_WITH_UNIT}).
   */
  static List<String> brokenNumbers(LaidOutLines laidOut) {
    List<String> broken = new ArrayList<>();
    List<Line> content = laidOut.content();
    for (int i = 1; i < content.size(); i++) {
      if (content.get(i).continuation()
          && cutsANumber(content.get(i - 1).text(), content.get(i).text())) {
        broken.add(content.get(i - 1) + " / " + content.get(i));
      }
    }
    return broken;
  }

  static boolean cutsANumber(String before, String after) {
    String joined = before.strip() + after.strip();
    int gap = before.strip().length();
    Matcher number = KinsokuTest.NUMBER_WITH_UNIT.matcher(joined);
    while (number.find()) {
      if (number.start() < gap && gap < number.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Every line end of the document where text goes on in the next line (tables and chart included,
   * not where a new paragraph or heading starts): a line ending in a digit, a decimal point or a
   * sign, followed by a line starting with a digit, a decimal point or a unit.
   */
  static List<String> lineEndsThatCutANumber(LaidOutLines laidOut) {
    List<String> cut = new ArrayList<>();
    List<Line> content = laidOut.content();
    for (int i = 0; i < content.size(); i++) {
      Line line = content.get(i);
      Line next = nextInTheSameText(content, i);
      if (next == null) {
        continue;
      }
      String before = line.text().strip();
      String after = next.text().strip();
      if (before.matches(".*[0-9.\\-+]$") && after.matches("^[0-9.%万元名件个次条分人].*")) {
        cut.add(line + " / " + next);
      }
    }
    return cut;
  }

  /**
   * The line that continues the text of {@code content[i]}, or null: in a paragraph the next
   * continuation line (overleaf too); in a table cell the next line below at the same x and size (a
   * cell's wrapped text; the other cells of a row sit on other baselines).
   */
  private static Line nextInTheSameText(List<Line> content, int i) {
    Line line = content.get(i);
    if (line.body()) {
      return i + 1 < content.size() && content.get(i + 1).continuation()
          ? content.get(i + 1)
          : null;
    }
    for (int j = i + 1; j < content.size(); j++) {
      Line below = content.get(j);
      if (below.page() != line.page() || below.y() - line.y() > 2 * line.size()) {
        return null;
      }
      if (Math.abs(below.x() - line.x()) < 1f && Math.abs(below.size() - line.size()) < 0.05f) {
        return below;
      }
    }
    return null;
  }

  /**
   * Pages whose first line is a paragraph's last line alone: a continuation line followed by
   * anything but another continuation line.
   */
  static List<String> widows(LaidOutLines laidOut) {
    List<String> widows = new ArrayList<>();
    List<Line> content = laidOut.content();
    for (int i = 1; i < content.size(); i++) {
      Line line = content.get(i);
      boolean firstOnPage = content.get(i - 1).page() != line.page();
      boolean paragraphEndsHere = i + 1 == content.size() || !content.get(i + 1).continuation();
      if (firstOnPage && line.continuation() && paragraphEndsHere) {
        widows.add(line.toString());
      }
    }
    return widows;
  }

  /** Pages whose last line is a paragraph's first line alone, the paragraph going on overleaf. */
  static List<String> orphans(LaidOutLines laidOut) {
    List<String> orphans = new ArrayList<>();
    List<Line> content = laidOut.content();
    for (int i = 0; i + 1 < content.size(); i++) {
      Line line = content.get(i);
      Line next = content.get(i + 1);
      if (next.page() != line.page() && line.paragraphStart() && next.continuation()) {
        orphans.add(line.toString());
      }
    }
    return orphans;
  }

  /** The last line of each page whose paragraph goes on at the top of the next page. */
  static List<Line> continuedFromPageEnd(LaidOutLines laidOut) {
    List<Line> lines = new ArrayList<>();
    List<Line> content = laidOut.content();
    for (int i = 0; i + 1 < content.size(); i++) {
      if (content.get(i + 1).page() != content.get(i).page() && content.get(i + 1).continuation()) {
        lines.add(content.get(i));
      }
    }
    return lines;
  }

  private void fillsTheMeasure(Line line) {
    float right = OpenPdfReportRenderer.SIDE_MARGIN + OpenPdfReportRenderer.TEXT_WIDTH;
    assertThat(line.xEnd()).as("%s ends at the right margin", line).isCloseTo(right, within(1f));
  }

  private static org.assertj.core.data.Offset<Float> within(float offset) {
    return org.assertj.core.data.Offset.offset(offset);
  }

  /** The rows of a table, header first: the 9 pt lines after its caption up to the 合计 row. */
  static List<Line> tableRows(LaidOutLines laidOut, String caption) {
    List<Line> rows = new ArrayList<>();
    boolean in = false;
    for (Line line : laidOut.content()) {
      if (line.text().strip().equals(caption)) {
        in = true;
      } else if (in && Math.abs(line.size() - 9f) < 0.05f) {
        rows.add(line);
        if (line.text().strip().startsWith("合计")) {
          break;
        }
      }
    }
    return rows;
  }

  // ------------------------------------------------------------- documents

  static List<String> predictedLines(Chunk chunk) {
    return ParagraphLineBreaks.lines(
        chunk,
        OpenPdfReportRenderer.TEXT_WIDTH - OpenPdfReportRenderer.INDENT,
        OpenPdfReportRenderer.TEXT_WIDTH);
  }

  /**
   * Paragraphs full of numbers with units, each starting one character later than the one before,
   * so that over the document line ends fall at every position inside the numbers.
   */
  static List<Block> numberStress() {
    String[] figures = {
      "184.9万元",
      "1,234,567.89万元",
      "-37.5%",
      "98.64%",
      "100.00%",
      "12345.67元",
      "35条",
      "130个",
      "14件",
      "99分",
      "11名",
      "9次",
      "5 万元",
      "30余家",
      "3个百分点",
      "+2.5%",
      "0.8%",
      "2021年"
    };
    List<Block> blocks = new ArrayList<>();
    blocks.add(new Heading(1, "数字与单位"));
    for (int offset = 0; offset < 44; offset++) {
      StringBuilder text = new StringBuilder("甲".repeat(offset));
      for (int i = 0; i < figures.length; i++) {
        text.append(i % 3 == 0 ? "其中" : i % 3 == 1 ? "合计为" : "达")
            .append(figures[(i + offset) % figures.length])
            .append(i % 2 == 0 ? "，" : "");
      }
      blocks.add(new Paragraph(text.append("。").toString()));
    }
    return blocks;
  }

  /**
   * Paragraphs of one to nine lines in a sequence that lands their ends at every position of a
   * page, with a heading now and then.
   */
  static List<Block> widowStress() {
    String sentence = "坚持以市场主体、市民群众获得感与满意度为导向，牢固树立工作理念，持续推进各项工作举措。";
    List<Block> blocks = new ArrayList<>();
    for (int i = 0; i < 240; i++) {
      if (i % 37 == 0) {
        blocks.add(new Heading(2, "（" + (i / 37 + 1) + "）段落" + i));
      }
      int characters = 20 + (i * 47) % 230;
      StringBuilder text = new StringBuilder("第" + i + "段。");
      while (text.length() < characters) {
        text.append(sentence);
      }
      blocks.add(new Paragraph(text.substring(0, characters) + "。"));
    }
    return blocks;
  }

  /** Short paragraphs between paragraphs of 50 lines and more, which cross every page end. */
  static List<Block> longParagraphs() {
    List<Block> blocks = new ArrayList<>();
    for (int k = 0; k < 8; k++) {
      blocks.add(new Paragraph("短段" + k + "。".repeat(k * 20 + 1)));
      blocks.add(new Paragraph("长".repeat(41 * 50 + k * 7)));
    }
    return blocks;
  }

  /** Where each text line stands: page and baseline. */
  static List<String> positions(LaidOutLines laidOut) {
    return laidOut.content().stream()
        .map(line -> line.page() + "@" + Math.round(line.y()))
        .toList();
  }

  static ReportDocument document(List<Block> blocks) {
    return new ReportDocument(
        "排版测试",
        "排版测试　页眉",
        "测试",
        Instant.parse("2022-02-15T08:00:00Z"),
        "00112233445566778899aabbccddeeff",
        blocks);
  }

  /** The text of the body lines (10.5 pt) without whitespace, in reading order. */
  static String bodyText(LaidOutLines laidOut) {
    StringBuilder text = new StringBuilder();
    laidOut.content().stream()
        .filter(Line::body)
        .filter(line -> line.continuation() || line.paragraphStart())
        .forEach(line -> text.append(flat(line.text())));
    return text.toString();
  }

  static String blocksText(ReportDocument document) {
    StringBuilder text = new StringBuilder();
    document.blocks().stream()
        .filter(Paragraph.class::isInstance)
        .forEach(block -> text.append(flat(((Paragraph) block).text())));
    return text.toString();
  }

  static String flat(String text) {
    return text.replaceAll("[\\s\\u3000]+", "");
  }
}
