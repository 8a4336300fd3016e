package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.Finding;
import java.util.ArrayList;
import java.util.List;

/** Collects findings, keeping the first {@value #KEPT} in detail and counting the rest. */
final class Findings {
  static final int KEPT = 2_000;

  private final List<Finding> kept = new ArrayList<>();
  private int count;

  void add(Finding finding) {
    count++;
    if (kept.size() < KEPT) {
      kept.add(finding);
    }
  }

  /** Counts findings that are not kept in detail. */
  void countMore(int more) {
    count += Math.max(0, more);
  }

  boolean isEmpty() {
    return count == 0;
  }

  int count() {
    return count;
  }

  List<Finding> kept() {
    return List.copyOf(kept);
  }
}
