package cn.gov.liuyang.bizenv.spending.ingest.xls;

import cn.gov.liuyang.bizenv.spending.application.RawCell;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One worksheet's cells as the record stream delivers them, kept compactly (a position, and a
 * number or a shared {@link RawCell}: about 20 bytes a cell) until the sheet's end, then handed out
 * row by row in ascending order. Excel writes cells in row order, but BIFF does not require it: a
 * writer that puts a later row first is read right, not refused. A number becomes its digits only
 * when its row is handed out, so the buffer holds no strings of its own.
 */
final class SheetCells {
  /** Receives each non-blank row; false to stop. */
  interface Rows {
    boolean row(int number, List<RawCell> cells);
  }

  private long[] positions = new long[64];
  private double[] numbers = new double[64];
  private RawCell[] cells = new RawCell[64];
  private int size;
  private boolean ascending = true;

  void number(int row, int column, double value) {
    add(row, column, value, null);
  }

  void cell(int row, int column, RawCell cell) {
    add(row, column, 0, cell);
  }

  int size() {
    return size;
  }

  private void add(int row, int column, double number, RawCell cell) {
    if (size == positions.length) {
      int grown = size * 2;
      positions = Arrays.copyOf(positions, grown);
      numbers = Arrays.copyOf(numbers, grown);
      cells = Arrays.copyOf(cells, grown);
    }
    long position = (long) row << 16 | column;
    if (size > 0 && position <= positions[size - 1]) {
      ascending = false;
    }
    positions[size] = position;
    numbers[size] = number;
    cells[size] = cell;
    size++;
  }

  /** Hands out the rows in ascending order; false if {@code rows} asked to stop. */
  boolean handOut(Rows rows) {
    int[] order = order();
    int i = 0;
    while (i < size) {
      int row = (int) (positions[order[i]] >>> 16);
      List<RawCell> line = new ArrayList<>(8);
      boolean blank = true;
      for (; i < size && (int) (positions[order[i]] >>> 16) == row; i++) {
        int at = order[i];
        int column = (int) (positions[at] & 0xFFFF);
        RawCell cell = cells[at] == null ? number(numbers[at]) : cells[at];
        while (line.size() < column) {
          line.add(RawCell.BLANK);
        }
        if (line.size() == column) {
          line.add(cell);
        } else {
          // the same cell twice: the later record wins, as when Excel reads it
          line.set(column, cell);
        }
        blank &= cell.isBlank();
      }
      if (!blank && !rows.row(row + 1, line)) {
        return false;
      }
    }
    return true;
  }

  private static RawCell number(double value) {
    if (!Double.isFinite(value)) {
      // not a value BIFF can hold: Excel shows it as an error
      return new RawCell(RawCell.Kind.ERROR, "#NUM!");
    }
    return RawCell.number(ExcelNumbers.digits(value));
  }

  /** Indexes by position, later records after earlier ones for the same cell. */
  private int[] order() {
    int[] order = new int[size];
    if (ascending) {
      for (int i = 0; i < size; i++) {
        order[i] = i;
      }
      return order;
    }
    // position (32 bits) and index (< 2^31) in one long: one primitive sort, stable by index
    long[] keyed = new long[size];
    for (int i = 0; i < size; i++) {
      keyed[i] = positions[i] << 31 | i;
    }
    Arrays.sort(keyed);
    for (int i = 0; i < size; i++) {
      order[i] = (int) (keyed[i] & 0x7FFF_FFFFL);
    }
    return order;
  }
}
