package cn.gov.liuyang.bizenv.spending.model;

import java.util.regex.Pattern;

/** A 部门预算支出经济分类 code: a 3-digit class (301 工资福利支出) or a 5-digit item (30201 办公费). */
public record EconomicCode(String value) {
  private static final Pattern SHAPE = Pattern.compile("3\\d{2}(\\d{2})?");

  public EconomicCode {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "economic classification code must be 3xx or 3xxxx: " + value);
    }
  }

  /** The class, e.g. {@code 302} for {@code 30217}. */
  public String classCode() {
    return value.substring(0, 3);
  }

  /** 人员经费: 301 工资福利支出 and 303 对个人和家庭的补助. */
  public boolean isPersonnel() {
    return classCode().equals("301") || classCode().equals("303");
  }

  /** 资本性支出 (310). */
  public boolean isCapital() {
    return classCode().equals("310");
  }

  @Override
  public String toString() {
    return value;
  }
}
