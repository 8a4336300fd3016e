package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.MissingInput;
import cn.gov.liuyang.bizenv.report.model.MissingInput.Kind;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ScoringRule;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.unit.application.UnitRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything a unit's yearly report still lacks, named at once, each with the step that supplies
 * it: the unit's registration, the spending figures, the unit-year facts, the complaint records,
 * the indicator set, staff's texts, the working-day calendar. Saving any input answers with the
 * same list, so staff never learn of a gap one refusal at a time.
 */
public record ReportReadiness(
    UnitRegistry units,
    AcceptedSpendingReader spending,
    ResolveUnitFacts facts,
    ComplaintStatisticsReader complaints,
    IndicatorSets indicatorSets,
    ReportInputsRepository narratives,
    WorkingDayCalendars calendars) {

  public List<MissingInput> missing(UnitId unit, FiscalYear year) {
    List<MissingInput> missing = new ArrayList<>();
    if (units.find(unit).isEmpty()) {
      missing.add(
          new MissingInput(
              Kind.UNIT,
              "单位“" + unit + "”的登记信息（全称、归口部门、单位类型）",
              "在单位管理中登记：PUT /staff/units/" + unit));
    }
    if (spending.find(unit, year).isEmpty()) {
      missing.add(
          new MissingInput(
              Kind.SPENDING, year + "年度已接收的支出数据", "请财务上传支出表并通过校验：POST /staff/spending/uploads"));
    }
    for (Fact fact : facts.inForce(unit, year).missingForReport()) {
      missing.add(
          new MissingInput(
              Kind.FACT,
              year + "年度" + fact.label(),
              "在单位年度基本数据中填写：PUT /staff/reports/" + unit + "/" + year + "/facts，或在支出表中附“基本信息”表"));
    }
    boolean anyComplaint = complaints.forUnit(unit, year).received() > 0;
    if (!anyComplaint) {
      missing.add(
          new MissingInput(Kind.COMPLAINTS, year + "年度投诉举报和诉求记录（本年度一件也没有）", "通过系统受理，或导入当年的投诉台账"));
    }
    Optional<IndicatorSet> indicatorSet = indicatorSets.forYear(year);
    if (indicatorSet.isEmpty()) {
      missing.add(
          new MissingInput(
              Kind.INDICATOR_SET,
              year + "年度绩效评价指标体系（指标、权重和评分规则）",
              "由往年复制：POST /staff/indicator-sets/"
                  + year
                  + "/copy，按需修改后保存：PUT /staff/indicator-sets/"
                  + year));
    }
    Optional<NarrativeVersion> narrative = narratives.latest(unit, year);
    if (narrative.isEmpty()) {
      missing.add(
          new MissingInput(
              Kind.TEXTS,
              year + "年度报告文字材料（部门概况、绩效分析、问题和措施等）",
              "PUT /staff/reports/" + unit + "/" + year + "/inputs"));
    } else {
      for (String section : narrative.get().narrative().missingForReport()) {
        missing.add(
            new MissingInput(
                Kind.TEXTS,
                section,
                "补充报告文字材料：PUT /staff/reports/" + unit + "/" + year + "/inputs"));
      }
    }
    // manual scores the set asks for and the texts do not give (a measured indicator the year's
    // data cannot give is named when the report is composed)
    if (indicatorSet.isPresent() && narrative.isPresent()) {
      for (Indicator indicator : indicatorSet.get().indicators()) {
        boolean scored =
            narrative.flatMap(n -> n.narrative().manualScore(indicator.id())).isPresent();
        if (indicator.rule() instanceof ScoringRule.Manual && !scored) {
          missing.add(
              new MissingInput(
                  Kind.TEXTS,
                  "指标“" + indicator.name() + "”（" + indicator.id() + "）的人工评分",
                  "在报告材料的人工评分中填写：PUT /staff/reports/" + unit + "/" + year + "/inputs"));
        }
      }
    }
    if (anyComplaint && calendars.forYear(year.value()).isEmpty()) {
      missing.add(
          new MissingInput(
              Kind.CALENDAR,
              year + "年节假日安排（工作日历，用于判断是否按时办结）",
              "按国务院办公厅通知录入：PUT /staff/calendars/" + year));
    }
    return missing;
  }
}
