package cn.gov.liuyang.bizenv.report.model;

import java.math.BigDecimal;

/** 绩效评价等级: 优 ≥ 90, 良 80–89, 中 60–79, 差 below 60. */
public enum Grade {
  EXCELLENT("优", 90),
  GOOD("良", 80),
  FAIR("中", 60),
  POOR("差", 0);

  private final String label;
  private final int floor;

  Grade(String label, int floor) {
    this.label = label;
    this.floor = floor;
  }

  public String label() {
    return label;
  }

  public static Grade of(BigDecimal total) {
    for (Grade grade : values()) {
      if (total.compareTo(BigDecimal.valueOf(grade.floor)) >= 0) {
        return grade;
      }
    }
    return POOR;
  }
}
