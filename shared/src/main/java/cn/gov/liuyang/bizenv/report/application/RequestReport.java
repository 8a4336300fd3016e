package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.report.application.ReportRenderer.RenderedReport;
import cn.gov.liuyang.bizenv.report.application.ReportStore.DownloadLink;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.ComposedReport;
import cn.gov.liuyang.bizenv.report.model.IncompleteInputs;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportInputs;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import cn.gov.liuyang.bizenv.report.model.SelfEvaluationReport;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes (or finds) the self-evaluation report of a unit's year and hands out a short-lived link to
 * it. The same inputs give the same report: a repeated request gets a fresh link to the stored PDF,
 * and a new PDF is made only when an input changed.
 */
public final class RequestReport {
  private final AcceptedSpendingReader spending;
  private final ResolveUnitFacts facts;
  private final ComplaintStatisticsReader complaints;
  private final ReportInputsRepository narratives;
  private final IndicatorSets indicatorSets;
  private final ReportRenderer renderer;
  private final ReportStore store;
  private final ReportRegistry registry;
  private final Duration linkValidity;
  private final Clock clock;

  public RequestReport(
      AcceptedSpendingReader spending,
      UnitFactsStore enteredFacts,
      ComplaintStatisticsReader complaints,
      ReportInputsRepository narratives,
      IndicatorSets indicatorSets,
      ReportRenderer renderer,
      ReportStore store,
      ReportRegistry registry,
      Duration linkValidity,
      Clock clock) {
    this.spending = spending;
    this.facts = new ResolveUnitFacts(spending, enteredFacts);
    this.complaints = complaints;
    this.narratives = narratives;
    this.indicatorSets = indicatorSets;
    this.renderer = renderer;
    this.store = store;
    this.registry = registry;
    this.linkValidity = linkValidity;
    this.clock = clock;
  }

  public record Command(UnitId unit, FiscalYear year, Author requestedBy) {}

  /** The report and a link to it; {@code reused} when an identical report already existed. */
  public record Result(ReportRecord report, DownloadLink link, boolean reused) {}

  public Result request(Command command) {
    UnitId unit = command.unit();
    FiscalYear year = command.year();
    List<String> missing = new ArrayList<>();
    Optional<AcceptedSpending> accepted = spending.find(unit, year);
    if (accepted.isEmpty()) {
      missing.add(year + "年度已接收的支出数据（请财务先上传支出表并通过校验）");
    }
    ResolvedFacts resolved = facts.inForce(unit, year);
    for (Fact fact : resolved.missingForReport()) {
      missing.add(year + "年度" + fact.label() + "（请在“单位年度基本数据”中填写，或在支出表中附“基本信息”表）");
    }
    Optional<IndicatorSet> indicators = indicatorSets.forYear(year);
    if (indicators.isEmpty()) {
      missing.add(
          year
              + "年度绩效评价指标体系（指标、权重和评分规则；请由往年复制：POST /staff/indicator-sets/"
              + year
              + "/copy，按需修改后保存：PUT /staff/indicator-sets/"
              + year
              + "）");
    }
    Optional<NarrativeVersion> narrative = narratives.latest(unit, year);
    if (narrative.isEmpty()) {
      missing.add(year + "年度报告文字材料（部门概况、绩效分析、问题和措施等）");
    }
    if (!missing.isEmpty()) {
      throw inputsMissing(missing);
    }
    ComplaintYearStatistics statistics = complaints.forYear(year);
    ReportInputs inputs =
        new ReportInputs(
            unit,
            year,
            accepted.get().withFacts(resolved.values()),
            statistics,
            narrative.get(),
            indicators.get());

    ComposedReport composed;
    try {
      composed = SelfEvaluationReport.compose(inputs, renderer.layoutVersion());
    } catch (IncompleteInputs incomplete) {
      throw inputsMissing(incomplete.missing());
    }
    Optional<ReportRecord> existing =
        registry.findByFingerprint(unit, year, composed.fingerprint());
    if (existing.isPresent()) {
      return new Result(existing.get(), link(existing.get()), true);
    }

    RenderedReport rendered = renderer.render(composed.document());
    if (!rendered.unrenderable().isEmpty()) {
      throw new ApiProblem(
          422,
          "UNRENDERABLE_CHARACTERS",
          "报告字体无法显示以下字符，请在材料中改用常用字或标点：" + String.join(" ", rendered.unrenderable()),
          List.of(),
          Map.of("characters", List.copyOf(rendered.unrenderable())));
    }
    int version = registry.latestVersion(unit, year) + 1;
    String unitName = narrative.get().narrative().profile().unitName().orElseThrow();
    ReportRecord record =
        new ReportRecord(
            unit,
            year,
            version,
            composed.fingerprint(),
            ReportRecord.objectKey(unit, year, version, composed.fingerprint()),
            SelfEvaluationReport.fileName(unitName, year.value(), version),
            rendered.pdf().length,
            composed.scorecard().total(),
            composed.scorecard().grade(),
            clock.instant(),
            command.requestedBy(),
            narrative.get().version(),
            accepted.get().submissionId(),
            Optional.of(inputs.indicatorSet().version()));
    store.put(record.objectKey(), rendered.pdf(), record.fileName());
    try {
      registry.add(record);
    } catch (VersionConflict conflict) {
      throw ApiProblem.conflict("REPORT_GENERATED_CONCURRENTLY", "其他人正在生成同一份报告，请稍后重试", Map.of());
    }
    return new Result(record, link(record), false);
  }

  private DownloadLink link(ReportRecord record) {
    return store.link(record.objectKey(), record.fileName(), linkValidity);
  }

  private static ApiProblem inputsMissing(List<String> missing) {
    return new ApiProblem(
        422,
        "REPORT_INPUTS_MISSING",
        "还缺少以下材料，暂不能生成报告：" + String.join("；", missing),
        List.of(),
        Map.of("missing", List.copyOf(missing)));
  }
}
