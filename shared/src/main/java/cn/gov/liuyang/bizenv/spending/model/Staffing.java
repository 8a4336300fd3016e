package cn.gov.liuyang.bizenv.spending.model;

/** 编制数 (authorized posts) and 在职人数 (staff on the payroll) at the end of the year. */
public record Staffing(int authorizedPosts, int staffOnPayroll) {
  public Staffing {
    if (authorizedPosts < 0 || staffOnPayroll < 0) {
      throw new IllegalArgumentException("staffing figures are not negative");
    }
  }
}
