package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.report.application.ReportRenderer.RenderedReport;
import cn.gov.liuyang.bizenv.report.application.ReportStore.DownloadLink;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.ComposedReport;
import cn.gov.liuyang.bizenv.report.model.IncompleteInputs;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.MissingInput;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportInputs;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import cn.gov.liuyang.bizenv.report.model.SelfEvaluationReport;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.ResolvedFacts;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Makes (or finds) the self-evaluation report of a unit's year and hands out a short-lived link to
 * it. The same inputs give the same report: a repeated request gets a fresh link to the stored PDF,
 * and a new PDF is made only when an input changed.
 */
public final class RequestReport {
  private final ReportReadiness readiness;
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
      ReportReadiness readiness,
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
    this.readiness = readiness;
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
    List<MissingInput> missing = readiness.missing(unit, year);
    if (!missing.isEmpty()) {
      throw inputsMissing(missing);
    }
    AcceptedSpending accepted = spending.find(unit, year).orElseThrow();
    ResolvedFacts resolved = facts.inForce(unit, year);
    IndicatorSet indicators = indicatorSets.forYear(year).orElseThrow();
    NarrativeVersion narrative = narratives.latest(unit, year).orElseThrow();
    ComplaintYearStatistics statistics = complaints.forUnit(unit, year);
    ReportInputs inputs =
        new ReportInputs(
            unit, year, accepted.withFacts(resolved.values()), statistics, narrative, indicators);

    ComposedReport composed;
    try {
      composed = SelfEvaluationReport.compose(inputs, renderer.layoutVersion());
    } catch (IncompleteInputs incomplete) {
      throw inputsMissing(
          incomplete.missing().stream()
              .map(what -> new MissingInput(MissingInput.Kind.TEXTS, what, "补充报告材料或评分"))
              .toList());
    }
    Optional<ReportRecord> existing =
        registry.findByFingerprint(unit, year, composed.fingerprint());
    if (existing.isPresent()) {
      return new Result(existing.get(), link(existing.get()), true);
    }

    RenderedReport rendered = renderer.render(composed.document());
    if (!rendered.unrenderable().isEmpty()) {
      throw Refusal.unprocessable(
          "UNRENDERABLE_CHARACTERS",
          "报告字体无法显示以下字符，请在材料中改用常用字或标点：" + String.join(" ", rendered.unrenderable()),
          Map.of("characters", List.copyOf(rendered.unrenderable())));
    }
    int version = registry.latestVersion(unit, year) + 1;
    String unitName = narrative.narrative().profile().unitName().orElseThrow();
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
            narrative.version(),
            accepted.submissionId(),
            Optional.of(inputs.indicatorSet().version()));
    store.put(record.objectKey(), rendered.pdf(), record.fileName());
    try {
      registry.add(record);
    } catch (VersionConflict conflict) {
      throw Refusal.conflict("REPORT_GENERATED_CONCURRENTLY", "其他人正在生成同一份报告，请稍后重试");
    }
    return new Result(record, link(record), false);
  }

  private DownloadLink link(ReportRecord record) {
    return store.link(record.objectKey(), record.fileName(), linkValidity);
  }

  private static Refusal inputsMissing(List<MissingInput> missing) {
    List<String> described = missing.stream().map(MissingInput::describe).toList();
    return Refusal.unprocessable(
        "REPORT_INPUTS_MISSING",
        "还缺少以下材料，暂不能生成报告：" + String.join("；", described),
        Map.of(
            "missing",
            described,
            "missingInputs",
            missing.stream()
                .map(m -> Map.of("kind", m.kind().name(), "what", m.what(), "step", m.step()))
                .toList()));
  }
}
