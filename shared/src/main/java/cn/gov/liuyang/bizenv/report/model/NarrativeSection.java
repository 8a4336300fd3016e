package cn.gov.liuyang.bizenv.report.model;

import java.util.Arrays;
import java.util.Optional;

/**
 * The report's texts that only people can write, with the JSON key staff use and the heading the
 * report gives them. {@link #required} sections must be written before a report can be made.
 */
public enum NarrativeSection {
  KEY_WORK_PLAN("keyWorkPlan", "年度重点工作计划", true),
  SAN_GONG_NOTE("sanGongNote", "“三公”经费说明", false),
  FUND_MANAGEMENT("fundManagement", "项目资金管理情况", true),
  PROJECT_ORGANISATION("projectOrganisation", "项目组织情况", true),
  PROJECT_MANAGEMENT("projectManagement", "项目管理情况", true),
  FIXED_ASSETS("fixedAssets", "固定资产情况", true),
  ASSET_MANAGEMENT("assetManagement", "固定资产管理情况", true),
  PERFORMANCE_OVERVIEW("performanceOverview", "部门整体支出绩效情况", true),
  PERFORMANCE_ANALYSIS("performanceAnalysis", "整体绩效情况分析", true),
  PROJECT_CONCLUSION("projectConclusion", "项目绩效结论", false),
  PROBLEMS("problems", "存在的主要问题", true),
  MEASURES("measures", "改进措施和有关建议", true),
  GOOD_PRACTICE("goodPractice", "先进经验及做法", true);

  private final String key;
  private final String label;
  private final boolean required;

  NarrativeSection(String key, String label, boolean required) {
    this.key = key;
    this.label = label;
    this.required = required;
  }

  public String key() {
    return key;
  }

  public String label() {
    return label;
  }

  public boolean required() {
    return required;
  }

  public static Optional<NarrativeSection> ofKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }
}
