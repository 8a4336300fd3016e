package cn.gov.liuyang.bizenv.spending.application;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Which column holds what, as the heading row (and a merged heading row above it) says. */
final class TableLayout {
  private final Map<Column, Integer> index;

  /** {@link #index} by column ordinal, -1 when absent: looked up for every cell of every line */
  private final int[] columnAt;

  private final Map<Column, AmountUnit> units;
  private final List<String> duplicates;
  private final boolean usable;

  private TableLayout(
      Map<Column, Integer> index,
      Map<Column, AmountUnit> units,
      List<String> duplicates,
      boolean usable) {
    this.index = index;
    this.columnAt = new int[Column.values().length];
    for (Column column : Column.values()) {
      columnAt[column.ordinal()] = index.getOrDefault(column, -1);
    }
    this.units = units;
    this.duplicates = duplicates;
    this.usable = usable && missingRequired().isEmpty();
  }

  /**
   * The layout if {@code row} is a heading row: it names at least the economic code and the actual
   * amount, and three columns in all. {@code above} is the row before, whose merged cells group the
   * headings below them (经济分类 → 编码 | 名称).
   */
  static Optional<TableLayout> detect(List<RawCell> above, List<RawCell> row) {
    List<String> parents = forwardFilled(above, row.size());
    Map<Column, Integer> index = new EnumMap<>(Column.class);
    Map<Column, Integer> rank = new EnumMap<>(Column.class);
    Map<Column, AmountUnit> units = new EnumMap<>(Column.class);
    List<String> duplicates = new ArrayList<>();
    for (int c = 0; c < row.size(); c++) {
      String child = row.get(c).kind() == RawCell.Kind.TEXT ? row.get(c).text() : "";
      String parent = parents.get(c);
      Optional<Column.Match> match = Column.match(child);
      if (match.isEmpty() && !parent.isEmpty()) {
        match = child.isEmpty() ? Column.match(parent) : Column.match(parent + child);
      }
      if (match.isEmpty()) {
        continue;
      }
      Column column = match.get().column();
      Integer earlier = rank.get(column);
      // only the budget has an order of preference (调整后预算 over 年初预算); two columns for anything
      // else leave the meaning open
      if (earlier != null && (column != Column.BUDGET || earlier == match.get().rank())) {
        duplicates.add(column.heading());
        continue;
      }
      if (earlier == null || match.get().rank() < earlier) {
        index.put(column, c);
        rank.put(column, match.get().rank());
        AmountUnit.ofHeading(child)
            .or(() -> AmountUnit.ofHeading(parent))
            .ifPresentOrElse(u -> units.put(column, u), () -> units.remove(column));
      }
    }
    if (!index.containsKey(Column.CODE) || !index.containsKey(Column.ACTUAL) || index.size() < 3) {
      return Optional.empty();
    }
    return Optional.of(
        new TableLayout(index, units, List.copyOf(duplicates), duplicates.isEmpty()));
  }

  private static List<String> forwardFilled(List<RawCell> above, int width) {
    List<String> filled = new ArrayList<>(width);
    String current = "";
    for (int c = 0; c < width; c++) {
      if (c < above.size() && above.get(c).kind() == RawCell.Kind.TEXT) {
        current = above.get(c).text();
      } else if (c < above.size() && !above.get(c).isBlank()) {
        current = "";
      }
      filled.add(current);
    }
    return filled;
  }

  List<Column> missingRequired() {
    List<Column> missing = new ArrayList<>();
    for (Column column : Column.values()) {
      if (column.required() && !index.containsKey(column)) {
        missing.add(column);
      }
    }
    if (typeFromProject()) {
      missing.remove(Column.TYPE);
    }
    return missing;
  }

  /**
   * Whether the table has no 支出类型 column but a 项目名称 one: a line without a project is then basic
   * expenditure, one with a project is project expenditure (as 决算 exports without the column mean
   * it).
   */
  boolean typeFromProject() {
    return !index.containsKey(Column.TYPE) && index.containsKey(Column.PROJECT);
  }

  List<String> duplicates() {
    return duplicates;
  }

  boolean usable() {
    return usable;
  }

  TableLayout unusable() {
    return new TableLayout(index, units, duplicates, false);
  }

  Optional<Integer> index(Column column) {
    return Optional.ofNullable(index.get(column));
  }

  Optional<AmountUnit> unit(Column column) {
    return Optional.ofNullable(units.get(column));
  }

  RawCell cell(List<RawCell> cells, Column column) {
    int i = columnAt[column.ordinal()];
    return i < 0 || i >= cells.size() ? RawCell.BLANK : cells.get(i);
  }

  String text(List<RawCell> cells, Column column) {
    return cell(cells, column).text().strip();
  }
}
