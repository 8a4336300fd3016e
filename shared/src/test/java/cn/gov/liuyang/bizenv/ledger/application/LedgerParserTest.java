package cn.gov.liuyang.bizenv.ledger.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.YearFigures;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerEntry;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerWorkbooks;
import cn.gov.liuyang.bizenv.ledger.fixtures.LedgerWorkbooks.Traits;
import cn.gov.liuyang.bizenv.ledger.fixtures.ParseLedger;
import cn.gov.liuyang.bizenv.ledger.fixtures.Seed2021Ledger;
import cn.gov.liuyang.bizenv.ledger.model.LedgerCase;
import cn.gov.liuyang.bizenv.ledger.model.Satisfaction;
import cn.gov.liuyang.bizenv.spending.fixtures.HandMadeXlsx;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class LedgerParserTest {
  private static final Deadlines DEADLINES = ComplaintConfiguration.deadlines();

  @Test
  void theSeedLedgerGivesTheSeedYearsFigures() {
    ParsedLedger parsed = ParseLedger.of(Seed2021Ledger.xlsx(), 2021);

    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.cases()).hasSize(105);
    List<Complaint> cases =
        parsed.cases().stream()
            .map(c -> LedgerCases.toComplaint(c, "0".repeat(32), new UnitId("lyyshj"), DEADLINES))
            .toList();
    ComplaintYearStatistics s =
        YearFigures.count(new FiscalYear(2021), cases, LocalDate.of(2026, 1, 1), DEADLINES);
    assertThat(s.complaintsAndReports()).isEqualTo(14);
    assertThat(s.receivedOf(ComplaintKind.SUGGESTION)).isEqualTo(35);
    assertThat(s.receivedOf(ComplaintKind.DIFFICULTY)).isEqualTo(56);
    assertThat(s.accepted()).isEqualTo(105);
    assertThat(s.closed()).isEqualTo(105);
    assertThat(s.closedOnTime()).isEqualTo(105);
    assertThat(s.meetings()).isEqualTo(9);
    assertThat(s.difficultiesResolved()).isEqualTo(131);
    assertThat(s.rated()).isEqualTo(105);
    assertThat(s.satisfiedWithResult()).isEqualTo(105);
    assertThat(s.satisfiedWithService()).isEqualTo(93);
    assertThat(cases).allMatch(Complaint::imported).allMatch(c -> c.allowedActions().isEmpty());
    assertThat(parsed.notes()).anyMatch(n -> n.contains("制表人"));
  }

  static Stream<Long> layouts() {
    return Stream.iterate(1L, seed -> seed + 1).limit(80);
  }

  @ParameterizedTest
  @MethodSource("layouts")
  void readsEveryLayoutTheSame(long seed) {
    Traits traits = Traits.random(seed);
    List<LedgerEntry> entries = LedgerWorkbooks.sample(2023);

    ParsedLedger parsed = ParseLedger.of(LedgerWorkbooks.xlsx(traits, 2023, entries), 2023);

    assertThat(parsed.findings()).as(traits.toString()).isEmpty();
    assertSameCases(parsed.cases(), entries, traits);
  }

  @ParameterizedTest
  @ValueSource(strings = {"UTF-8", "GBK"})
  void readsCsvInUtf8AndGbk(String charset) {
    for (long seed = 1; seed <= 12; seed++) {
      Traits traits = Traits.random(seed);
      List<LedgerEntry> entries = LedgerWorkbooks.sample(2023);
      ParsedLedger parsed =
          ParseLedger.of(
              LedgerWorkbooks.csv(traits, 2023, entries, Charset.forName(charset)), 2023);
      assertThat(parsed.findings()).as(traits.toString()).isEmpty();
      assertSameCases(parsed.cases(), entries, traits);
    }
  }

  private static void assertSameCases(
      List<LedgerCase> cases, List<LedgerEntry> entries, Traits traits) {
    assertThat(cases).as(traits.toString()).hasSize(entries.size());
    for (LedgerCase c : cases) {
      // a sheet per kind lists the cases kind by kind
      LedgerEntry e =
          entries.stream().filter(x -> x.summary().equals(c.summary())).findFirst().orElseThrow();
      assertThat(c.receivedOn()).as(traits + " row " + c.row()).isEqualTo(e.receivedOn());
      assertThat(c.kind()).as(traits.toString()).isEqualTo(e.kind());
      assertThat(c.summary()).isEqualTo(e.summary());
      assertThat(c.department()).contains(e.department());
      assertThat(c.closedOn()).as(traits.toString()).isEqualTo(e.closedOn());
      assertThat(c.closed()).as(traits.toString()).isEqualTo(e.closedOn().isPresent());
      assertThat(c.resultSatisfaction()).as(traits.toString()).isEqualTo(e.result());
      assertThat(c.serviceSatisfaction()).isEqualTo(e.service());
      assertThat(c.meetings()).as(traits + " row " + c.row()).isEqualTo(e.meetings());
      assertThat(c.difficultiesSolved()).as(traits.toString()).isEqualTo(e.solved());
      if (traits.numberColumn()) {
        assertThat(c.registrationNumber()).contains(e.number());
      }
    }
  }

  // ---------------------------------------------------------------- findings

  private static HandMadeXlsx ledger(Object[]... rows) {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    HandMadeXlsx.Sheet sheet = xlsx.sheet("台账");
    sheet.row("2023年投诉台账");
    sheet.row("序号", "登记编号", "受理时间", "诉求类别", "涉及单位", "诉求内容摘要", "办理情况", "办结时间", "回访满意度", "备注");
    for (Object[] row : rows) {
      sheet.row(row);
    }
    return xlsx;
  }

  private static Object[] row(Object... cells) {
    return cells;
  }

  private static List<Finding> findings(HandMadeXlsx xlsx) {
    ParsedLedger parsed = ParseLedger.of(xlsx.bytes(), 2023);
    assertThat(parsed.acceptable()).isFalse();
    return parsed.findings();
  }

  @Test
  void anUnreadableDateIsAFindingWithSheetRowColumnAndValue() {
    List<Finding> findings =
        findings(ledger(row(1, "A1", "三月五日", "投诉", "住建局", "内容", "已办结", null, "满意", null)));

    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(FindingCode.DATE_UNREADABLE);
              assertThat(f.sheet()).isEqualTo("台账");
              assertThat(f.row()).isEqualTo(3);
              assertThat(f.column()).isEqualTo("受理时间");
              assertThat(f.value()).isEqualTo("三月五日");
              assertThat(f.message()).contains("不是可识别的日期");
            });
  }

  @Test
  void anUnknownKindIsAFinding() {
    assertThat(
            findings(
                ledger(row(1, "A1", "2023/3/5", "表扬信件", "住建局", "内容", "已办结", null, "满意", null))))
        .extracting(Finding::code, Finding::value)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(FindingCode.KIND_UNKNOWN, "表扬信件"));
  }

  @Test
  void aClosingBeforeTheReceiptIsAFinding() {
    assertThat(
            findings(
                ledger(row(1, "A1", "2023/3/5", "投诉", "住建局", "内容", "已办结", "2023/3/1", "满意", null))))
        .extracting(Finding::code, Finding::column)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(FindingCode.CLOSED_BEFORE_RECEIVED, "办结时间"));
  }

  @Test
  void aDateOutsideTheYearIsAFinding() {
    assertThat(
            findings(
                ledger(
                    row(1, "A1", "2022年12月30日", "投诉", "住建局", "内容", "已办结", "2023/1/3", "满意", null))))
        .extracting(Finding::code)
        .containsExactly(FindingCode.DATE_OUTSIDE_YEAR);
  }

  @Test
  void aRepeatedRegistrationNumberIsADuplicate() {
    List<Finding> findings =
        findings(
            ledger(
                row(1, "A1", "2023/3/5", "投诉", "住建局", "内容一", "已办结", null, "满意", null),
                row(2, "A1", "2023/3/6", "建议", "住建局", "内容二", "已办结", null, "满意", null)));
    assertThat(findings)
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.code()).isEqualTo(FindingCode.CASE_DUPLICATE);
              assertThat(f.row()).isEqualTo(4);
              assertThat(f.message()).contains("第 3 行");
            });
  }

  @Test
  void theSameDateKindAndSummaryIsADuplicate() {
    List<Finding> findings =
        findings(
            ledger(
                row(1, null, "2023/3/5", "投诉", "住建局", "办证难", "已办结", null, "满意", null),
                row(2, null, "2023-03-05", "投诉", "市场监管局", "办证难。", "已办结", null, "满意", null)));
    assertThat(findings).extracting(Finding::code).containsExactly(FindingCode.CASE_DUPLICATE);
  }

  @Test
  void anUnknownSatisfactionAndABadCountAreFindings() {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    xlsx.sheet("台账")
        .row("受理时间", "诉求类别", "诉求内容", "回访满意度", "解决困难数")
        .row("2023/3/5", "求助", "融资难", "还行吧", "两个半");
    assertThat(findings(xlsx))
        .extracting(Finding::code)
        .containsExactly(FindingCode.SATISFACTION_UNKNOWN, FindingCode.COUNT_INVALID);
  }

  @Test
  void aMissingDateAndAMissingKindAreFindings() {
    assertThat(findings(ledger(row(1, "A1", null, null, "住建局", "内容", "已办结", null, "满意", null))))
        .extracting(Finding::code)
        .containsExactly(FindingCode.DATE_MISSING, FindingCode.KIND_MISSING);
  }

  @Test
  void withoutAKindColumnOrAKindInTheNamesTheColumnIsMissingOnce() {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    xlsx.sheet("Sheet1")
        .row("登记编号", "受理时间", "诉求内容")
        .row("A1", "2023/3/5", "内容一")
        .row("A2", "2023/3/6", "内容二");
    assertThat(findings(xlsx))
        .extracting(Finding::code)
        .containsExactly(FindingCode.COLUMN_MISSING);
  }

  @Test
  void aWorkbookWithoutAHeadingHasNoTable() {
    HandMadeXlsx xlsx = new HandMadeXlsx();
    xlsx.sheet("Sheet1").row("姓名", "金额").row("张三", 12);
    assertThat(findings(xlsx)).extracting(Finding::code).containsExactly(FindingCode.NO_DATA_TABLE);
  }

  @Test
  void aHeadingWithoutCasesHasNoCases() {
    assertThat(findings(ledger())).extracting(Finding::code).containsExactly(FindingCode.NO_CASES);
  }

  @Test
  void refusedOpenAndUndatedClosedCasesAreReadAsTheLedgerSaysThem() {
    ParsedLedger parsed =
        ParseLedger.of(
            ledger(
                    row(1, "A1", "2023/3/5", "投诉", "住建局", "一", "属民事纠纷，不予受理", null, null, null),
                    row(2, "A2", "2023/3/6", "咨询", "住建局", "二", "正在协调办理", null, null, null),
                    row(3, "A3", "3月7日", "求助", "住建局", "三", "已解决", null, "基本满意", "召开协调会两次；召开联席会议"))
                .bytes(),
            2023);
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.cases()).extracting(LedgerCase::refused).containsExactly(true, false, false);
    assertThat(parsed.cases()).extracting(LedgerCase::closed).containsExactly(false, false, true);
    assertThat(parsed.cases().get(1).kind()).isEqualTo(ComplaintKind.SUGGESTION);
    LedgerCase third = parsed.cases().get(2);
    assertThat(third.receivedOn()).isEqualTo(LocalDate.of(2023, 3, 7));
    assertThat(third.resultSatisfaction()).isEqualTo(Satisfaction.BASICALLY_SATISFIED);
    assertThat(third.meetings()).isEqualTo(2);
    assertThat(third.difficultiesSolved()).isEqualTo(1);
    assertThat(parsed.notes()).anyMatch(n -> n.contains("按 2023 年计"));

    List<Complaint> built =
        parsed.cases().stream()
            .map(c -> LedgerCases.toComplaint(c, "a".repeat(32), new UnitId("lyyshj"), DEADLINES))
            .toList();
    assertThat(built)
        .extracting(Complaint::status)
        .containsExactly(
            ComplaintStatus.REFUSED, ComplaintStatus.ACCEPTED, ComplaintStatus.REVISITED);
    ComplaintYearStatistics s =
        YearFigures.count(new FiscalYear(2023), built, LocalDate.of(2023, 12, 31), DEADLINES);
    assertThat(s.accepted()).isEqualTo(2);
    assertThat(s.closed()).isEqualTo(1);
    assertThat(s.closedOnTime()).isEqualTo(1);
    assertThat(s.averageWorkingDaysToClose()).isEmpty();
    assertThat(s.satisfiedWithService()).isEqualTo(1);
  }

  @Test
  void theSameRowOfTheSameImportHasTheSameTrackingNumber() {
    assertThat(LedgerCases.trackingNumber("a".repeat(32), "台账", 7))
        .isEqualTo(LedgerCases.trackingNumber("a".repeat(32), "台账", 7))
        .isNotEqualTo(LedgerCases.trackingNumber("b".repeat(32), "台账", 7));
  }

  @Test
  void readsUtf8CsvWithABom() {
    byte[] body = "\uFEFF受理时间,诉求类别,诉求内容\r\n2023/3/5,投诉,办证难\r\n".getBytes(StandardCharsets.UTF_8);
    assertThat(ParseLedger.of(body, 2023).cases()).hasSize(1);
  }
}
