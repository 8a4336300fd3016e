package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Arrays;
import java.util.Optional;

/** The statutory exclusions: the only grounds on which a complaint may be refused (不予受理). */
public enum RefusalReason {
  CIVIL_DISPUTE("属于民事纠纷"),
  IN_LEGAL_PROCEEDINGS("已进入诉讼、行政复议或仲裁程序"),
  ACCEPTED_ELSEWHERE("已由其他机关受理或正在处理"),
  REPEATED_WITHOUT_NEW_FACTS("重复投诉且无新的事实和证据"),
  FORCE_MAJEURE("因不可抗力造成"),
  OUTSIDE_REMIT("不属于营商环境投诉受理范围");

  private final String label;

  RefusalReason(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static Optional<RefusalReason> parse(String text) {
    return Arrays.stream(values()).filter(r -> r.name().equalsIgnoreCase(text)).findFirst();
  }
}
