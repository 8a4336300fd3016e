package cn.gov.liuyang.bizenv.spending.model;

/** 支出类型: basic expenditure keeps the unit running, project expenditure funds named projects. */
public enum ExpenditureType {
  BASIC("基本支出"),
  PROJECT("项目支出");

  private final String label;

  ExpenditureType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
