package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Arrays;
import java.util.Optional;

/** What an enterprise brings to the centre (营商环境投诉举报、意见建议、困难诉求). */
public enum ComplaintKind {
  COMPLAINT("投诉"),
  REPORT("举报"),
  SUGGESTION("意见建议"),
  DIFFICULTY("困难诉求");

  private final String label;

  ComplaintKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Accepts the code ({@code COMPLAINT}) or the Chinese label ({@code 投诉}). */
  public static Optional<ComplaintKind> parse(String text) {
    return Arrays.stream(values())
        .filter(kind -> kind.name().equalsIgnoreCase(text) || kind.label.equals(text))
        .findFirst();
  }
}
