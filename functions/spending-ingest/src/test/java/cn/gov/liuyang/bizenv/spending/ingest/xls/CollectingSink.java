package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import cn.gov.liuyang.bizenv.spending.application.RowSink;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Keeps what a reader streams: sheet names, and each sheet's rows by number. */
final class CollectingSink implements RowSink {
  final Map<String, Map<Integer, List<RawCell>>> sheets = new LinkedHashMap<>();
  final List<Integer> rowNumbers = new ArrayList<>();
  private Map<Integer, List<RawCell>> current;
  private int rowsWanted = Integer.MAX_VALUE;

  CollectingSink stopAfter(int rows) {
    this.rowsWanted = rows;
    return this;
  }

  @Override
  public void startSheet(String name) {
    current = new LinkedHashMap<>();
    sheets.put(name, current);
  }

  @Override
  public void row(int number, List<RawCell> cells) {
    current.put(number, List.copyOf(cells));
    rowNumbers.add(number);
  }

  @Override
  public boolean wantsMore() {
    return rowNumbers.size() < rowsWanted;
  }

  int rows() {
    return rowNumbers.size();
  }

  List<RawCell> row(String sheet, int number) {
    return sheets.get(sheet).get(number);
  }

  RawCell cell(String sheet, int row, int column) {
    return row(sheet, row).get(column);
  }
}
