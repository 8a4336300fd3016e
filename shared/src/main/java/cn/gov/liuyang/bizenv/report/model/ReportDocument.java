package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The report as content, before typesetting: headings, paragraphs, tables and a chart in reading
 * order. The domain decides what the report says; a renderer only decides how it looks.
 *
 * @param runningHeader the line at the top of every page (unit and year)
 * @param createdAt the document date, taken from the inputs so the same inputs give the same bytes
 * @param documentId a stable identifier derived from the inputs' fingerprint
 */
public record ReportDocument(
    String title,
    String runningHeader,
    String author,
    Instant createdAt,
    String documentId,
    List<Block> blocks) {

  public ReportDocument {
    Objects.requireNonNull(createdAt, "createdAt");
    blocks = List.copyOf(blocks);
  }

  /** Every text the document shows, for the renderer's font coverage check and for tests. */
  public String allText() {
    StringBuilder text = new StringBuilder(title).append('\n').append(runningHeader).append('\n');
    for (Block block : blocks) {
      if (block instanceof Heading heading) {
        text.append(heading.text());
      } else if (block instanceof Paragraph paragraph) {
        text.append(paragraph.text());
      } else if (block instanceof Table table) {
        text.append(table.caption()).append(table.unitNote());
        table.columns().forEach(column -> text.append(column.header()));
        table.rows().forEach(row -> row.forEach(text::append));
      } else if (block instanceof BarChart chart) {
        text.append(chart.caption()).append(chart.unitNote());
        chart.bars().forEach(bar -> text.append(bar.label()).append(bar.valueText()));
      }
      text.append('\n');
    }
    return text.toString();
  }

  public sealed interface Block {}

  /** A heading; level 1 is a chapter (一、…), level 2 a section (（一）…), level 3 a point (1．…). */
  public record Heading(int level, String text) implements Block {}

  public record Paragraph(String text) implements Block {}

  /**
   * A table; {@code unitNote} says the unit of its amounts (单位：万元). The last row is a total row
   * when {@code totalRow} is set.
   */
  public record Table(
      String caption,
      String unitNote,
      List<Column> columns,
      List<List<String>> rows,
      boolean totalRow)
      implements Block {
    public Table {
      columns = List.copyOf(columns);
      rows = rows.stream().map(List::copyOf).toList();
      for (List<String> row : rows) {
        if (row.size() != columns.size()) {
          throw new IllegalArgumentException(caption + ": a row has " + row.size() + " cells");
        }
      }
    }
  }

  /** A column; amounts are {@link Align#RIGHT}. {@code width} is relative to the other columns. */
  public record Column(String header, float width, Align align) {}

  public enum Align {
    LEFT,
    CENTER,
    RIGHT
  }

  /** A horizontal bar chart, drawn as vectors. */
  public record BarChart(String caption, String unitNote, List<Bar> bars) implements Block {
    public BarChart {
      bars = List.copyOf(bars);
    }
  }

  public record Bar(String label, BigDecimal value, String valueText) {}
}
