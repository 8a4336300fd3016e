package cn.gov.liuyang.bizenv.unit.model;

import java.util.Optional;

/** What kind of budget unit (预算单位) it is; the government-side classification differs by kind. */
public enum UnitKind {
  ADMINISTRATIVE("行政单位"),
  PUBLIC_INSTITUTION("事业单位"),
  TOWNSHIP("乡镇（街道）"),
  OTHER("其他");

  private final String label;

  UnitKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** By its name or its Chinese label. */
  public static Optional<UnitKind> parse(String text) {
    for (UnitKind kind : values()) {
      if (kind.name().equals(text) || kind.label.equals(text)) {
        return Optional.of(kind);
      }
    }
    return Optional.empty();
  }
}
