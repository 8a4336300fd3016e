package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import java.util.Objects;

/**
 * Remembers where each line was first seen, to find the same line given twice (same type, project,
 * economic code and fund source). An open-addressing table of the lines themselves: a ledger has
 * 100,000 lines, and a map of key objects and boxed row numbers cost a tenth of the whole import.
 */
final class DuplicateLines {
  private SpendingLine[] lines = new SpendingLine[1 << 10];
  private int[] hashes = new int[lines.length];
  private int[] rows = new int[lines.length];
  private int size;

  /**
   * The row where a line equal to {@code line} was first seen; otherwise 0, after remembering
   * {@code line} as first seen at {@code row} (rows count from 1).
   */
  int firstRowOf(SpendingLine line, int row) {
    int hash = hash(line);
    int mask = lines.length - 1;
    for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
      SpendingLine seen = lines[slot];
      if (seen == null) {
        lines[slot] = line;
        hashes[slot] = hash;
        rows[slot] = row;
        if (++size * 2 > lines.length) {
          grow();
        }
        return 0;
      }
      if (hashes[slot] == hash && sameLine(seen, line)) {
        return rows[slot];
      }
    }
  }

  private static boolean sameLine(SpendingLine a, SpendingLine b) {
    return a.type() == b.type()
        && a.project().equals(b.project())
        && a.economicCode().equals(b.economicCode())
        && Objects.equals(a.fundSource(), b.fundSource());
  }

  private static int hash(SpendingLine line) {
    // the strings are the reader's own instances, so their hashes are cached; a large odd
    // multiplier
    // per field, since ledgers are regular (项目1, 项目2… × 30201, 30202…) and 31 would collide
    int h = line.type().ordinal();
    h = h * 0x9E3779B1 + line.project().hashCode();
    h = h * 0x9E3779B1 + line.economicCode().value().hashCode();
    h = h * 0x9E3779B1 + Objects.hashCode(line.fundSource());
    h ^= h >>> 16;
    h *= 0x85EBCA6B;
    return h ^ (h >>> 13);
  }

  private void grow() {
    SpendingLine[] oldLines = lines;
    int[] oldHashes = hashes;
    int[] oldRows = rows;
    lines = new SpendingLine[oldLines.length * 2];
    hashes = new int[lines.length];
    rows = new int[lines.length];
    int mask = lines.length - 1;
    for (int i = 0; i < oldLines.length; i++) {
      if (oldLines[i] != null) {
        int slot = oldHashes[i] & mask;
        while (lines[slot] != null) {
          slot = (slot + 1) & mask;
        }
        lines[slot] = oldLines[i];
        hashes[slot] = oldHashes[i];
        rows[slot] = oldRows[i];
      }
    }
  }
}
