package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.report.application.ListReports;
import cn.gov.liuyang.bizenv.report.application.ReadReportInputs;
import cn.gov.liuyang.bizenv.report.application.ReportInputsRepository;
import cn.gov.liuyang.bizenv.report.application.ReportReadiness;
import cn.gov.liuyang.bizenv.report.application.ReportRegistry;
import cn.gov.liuyang.bizenv.report.application.ReportRenderer;
import cn.gov.liuyang.bizenv.report.application.ReportStore;
import cn.gov.liuyang.bizenv.report.application.RequestReport;
import cn.gov.liuyang.bizenv.report.application.SaveReportInputs;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import cn.gov.liuyang.bizenv.spending.application.ReadUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.ResolveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.SaveUnitFacts;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.unit.application.ReadUnits;
import cn.gov.liuyang.bizenv.unit.application.RegisterUnit;
import cn.gov.liuyang.bizenv.unit.application.UnitRegistry;
import java.time.Clock;
import java.time.Duration;

/**
 * The report function's use cases over the ports a test gives, as the Lambda wiring builds them.
 */
final class UseCasesForTests {
  private UseCasesForTests() {}

  static ReportGeneratorHandler.UseCases of(
      AcceptedSpendingReader spending,
      ComplaintStatisticsReader complaints,
      ReportInputsRepository inputs,
      UnitFactsStore facts,
      UnitRegistry units,
      ReportRenderer renderer,
      ReportStore store,
      ReportRegistry registry,
      Duration linkValidity,
      Clock clock) {
    ResolveUnitFacts resolveFacts = new ResolveUnitFacts(spending, facts);
    ClasspathIndicatorSets indicatorSets = new ClasspathIndicatorSets();
    ReportReadiness readiness =
        new ReportReadiness(
            units,
            spending,
            resolveFacts,
            complaints,
            indicatorSets,
            inputs,
            new ClasspathWorkingDayCalendars());
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
        new ReadUnits(units));
  }
}
