package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetRepository;
import cn.gov.liuyang.bizenv.report.application.IndicatorSetsInForce;
import cn.gov.liuyang.bizenv.report.application.ListReports;
import cn.gov.liuyang.bizenv.report.application.ReadReportInputs;
import cn.gov.liuyang.bizenv.report.application.ReportInputsRepository;
import cn.gov.liuyang.bizenv.report.application.ReportReadiness;
import cn.gov.liuyang.bizenv.report.application.ReportRegistry;
import cn.gov.liuyang.bizenv.report.application.ReportRenderer;
import cn.gov.liuyang.bizenv.report.application.ReportStore;
import cn.gov.liuyang.bizenv.report.application.RequestReport;
import cn.gov.liuyang.bizenv.report.application.SaveIndicatorSet;
import cn.gov.liuyang.bizenv.report.application.SaveReportInputs;
import cn.gov.liuyang.bizenv.spending.application.ReadUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SaveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.unit.application.ReadUnits;
import cn.gov.liuyang.bizenv.unit.application.RegisterUnit;
import cn.gov.liuyang.bizenv.unit.application.UnitRegistry;
import cn.gov.liuyang.bizenv.unit.fakes.InMemoryUnits;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import cn.gov.liuyang.bizenv.unit.model.UnitKind;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * The report function's use cases over the ports a test gives, as the Lambda wiring builds them.
 */
final class UseCasesForTests {
  private UseCasesForTests() {}

  /** With the shipped working-day calendars. */
  static ReportGeneratorHandler.UseCases of(
      AcceptedSpendingReader spending,
      ComplaintStatisticsReader complaints,
      ReportInputsRepository inputs,
      UnitFactsStore facts,
      UnitRegistry units,
      IndicatorSetsInForce indicatorSets,
      IndicatorSetRepository storedSets,
      ReportRenderer renderer,
      ReportStore store,
      ReportRegistry registry,
      Duration linkValidity,
      Clock clock) {
    return of(
        spending,
        complaints,
        inputs,
        facts,
        units,
        indicatorSets,
        storedSets,
        new ClasspathWorkingDayCalendars(),
        renderer,
        store,
        registry,
        linkValidity,
        clock);
  }

  /** The shipped unit and these, registered. */
  static UnitRegistry units(String... codes) {
    InMemoryUnits units = new InMemoryUnits();
    for (String code : codes) {
      units.save(
          new Unit(
              new UnitId(code),
              "测试单位 " + code,
              "",
              UnitKind.OTHER,
              Optional.empty(),
              Optional.empty()));
    }
    return units;
  }

  /** A calendar for every year, for tests that are not about calendars. */
  static WorkingDayCalendars everyYear() {
    return year -> Optional.of(new WorkingDayCalendar(year, Set.of(), Set.of(), false, "test"));
  }

  static ReportGeneratorHandler.UseCases of(
      AcceptedSpendingReader spending,
      ComplaintStatisticsReader complaints,
      ReportInputsRepository inputs,
      UnitFactsStore facts,
      UnitRegistry units,
      IndicatorSetsInForce indicatorSets,
      IndicatorSetRepository storedSets,
      WorkingDayCalendars calendars,
      ReportRenderer renderer,
      ReportStore store,
      ReportRegistry registry,
      Duration linkValidity,
      Clock clock) {
    ResolveUnitFacts resolveFacts = new ResolveUnitFacts(spending, facts);
    ReportReadiness readiness =
        new ReportReadiness(
            units, spending, resolveFacts, complaints, indicatorSets, inputs, calendars);
    return new ReportGeneratorHandler.UseCases(
        new SaveReportInputs(inputs, clock),
        new ReadReportInputs(inputs),
        new RequestReport(
            readiness,
            spending,
            facts,
            complaints,
            inputs,
            indicatorSets,
            renderer,
            store,
            registry,
            linkValidity,
            clock),
        new ListReports(registry, store, linkValidity),
        new SaveUnitFacts(facts, resolveFacts, clock),
        new ReadUnitFacts(resolveFacts, facts),
        readiness,
        new RegisterUnit(units, clock),
        new ReadUnits(units),
        indicatorSets,
        new SaveIndicatorSet(indicatorSets, storedSets, clock));
  }
}
