package cn.gov.liuyang.bizenv.report.model;

import java.util.Objects;

/**
 * 项目绩效分析 for one project, as staff write it; the report opens it with the project's figures.
 *
 * @param project the project name exactly as the accepted spending names it
 */
public record ProjectNote(String project, String text) {
  public ProjectNote {
    Objects.requireNonNull(project, "project");
    Objects.requireNonNull(text, "text");
  }
}
