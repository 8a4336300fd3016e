package cn.gov.liuyang.bizenv.report.model;

import java.util.List;

/**
 * A report cannot be made because inputs are missing or unusable; each entry names one in Chinese.
 */
public final class IncompleteInputs extends RuntimeException {
  private final transient List<String> missing;

  public IncompleteInputs(List<String> missing) {
    super("report inputs missing: " + missing.size());
    this.missing = List.copyOf(missing);
  }

  public List<String> missing() {
    return missing;
  }
}
