package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;

/** The enterprise a complaint is filed for, as far as the complainant names it. */
public record Enterprise(Optional<String> name, Optional<CreditCode> creditCode) {
  public static final Enterprise NONE = new Enterprise(Optional.empty(), Optional.empty());
}
