package cn.gov.liuyang.bizenv.report.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.report.application.ListReports.ListedReport;
import cn.gov.liuyang.bizenv.report.fakes.InMemoryReportStore;
import cn.gov.liuyang.bizenv.report.model.Grade;
import cn.gov.liuyang.bizenv.report.model.ReportRecord;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListReportsTest {
  private static final Instant NOW = Instant.parse("2022-03-02T01:00:00Z");
  private static final ReportRecord FIRST = record(1, "a", "99", Grade.EXCELLENT);
  private static final ReportRecord SECOND = record(2, "b", "88", Grade.GOOD);
  private static final ReportRecord THIRD = record(3, "c", "91.5", Grade.EXCELLENT);

  @Test
  void listsTheReportsNewestFirst_whateverOrderTheRegistryGivesThem() {
    // GIVEN a registry that hands the versions back out of order
    ListReports listReports =
        new ListReports(
            registryGiving(SECOND, FIRST, THIRD),
            new InMemoryReportStore(NOW),
            Duration.ofMinutes(5));

    // WHEN staff list the year's reports
    List<ListedReport> listed = listReports.list(query());

    // THEN the highest version comes first, each record passed on unchanged
    assertThat(listed).extracting(ListedReport::report).containsExactly(THIRD, SECOND, FIRST);
  }

  @Test
  void eachReportGetsAFreshLinkToItsOwnPdf_validForTheConfiguredTime() {
    // GIVEN two reports and links valid for 7 minutes
    ListReports listReports =
        new ListReports(
            registryGiving(SECOND, FIRST), new InMemoryReportStore(NOW), Duration.ofMinutes(7));

    // WHEN staff list them
    List<ListedReport> listed = listReports.list(query());

    // THEN every link points at that version's object and ends 7 minutes from now
    assertThat(listed)
        .extracting(l -> l.link().url())
        .containsExactly(
            URI.create("https://reports.example/" + SECOND.objectKey()),
            URI.create("https://reports.example/" + FIRST.objectKey()));
    assertThat(listed)
        .extracting(l -> l.link().expiresAt())
        .containsOnly(NOW.plus(Duration.ofMinutes(7)));
  }

  @Test
  void aYearWithoutReports_isAnEmptyList() {
    ListReports listReports =
        new ListReports(registryGiving(), new InMemoryReportStore(NOW), Duration.ofMinutes(5));

    assertThat(listReports.list(query())).isEmpty();
  }

  private static ListReports.Query query() {
    return new ListReports.Query(Seed2021.UNIT, Seed2021.YEAR);
  }

  /** A registry answering with exactly these records, in this order. */
  private static ReportRegistry registryGiving(ReportRecord... records) {
    return new ReportRegistry() {
      @Override
      public List<ReportRecord> reports(UnitId unit, FiscalYear year) {
        return List.of(records);
      }

      @Override
      public void add(ReportRecord record) {
        throw new UnsupportedOperationException("listing never adds");
      }
    };
  }

  private static ReportRecord record(int version, String hex, String score, Grade grade) {
    String fingerprint = hex.repeat(64);
    return new ReportRecord(
        Seed2021.UNIT,
        Seed2021.YEAR,
        version,
        fingerprint,
        ReportRecord.objectKey(Seed2021.UNIT, Seed2021.YEAR, version, fingerprint),
        "报告（第" + version + "版）.pdf",
        100_000L + version,
        new BigDecimal(score),
        grade,
        Instant.parse("2022-03-01T02:00:00Z").plusSeconds(3600L * version),
        Seed2021.FINANCE,
        version,
        "sub-2021-0001",
        Optional.of("2021-1"));
  }
}
