package cn.gov.liuyang.bizenv.report.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.fixtures.Year2026;
import cn.gov.liuyang.bizenv.report.infrastructure.ClasspathIndicatorSets;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SelfEvaluationReportTest {
  private static final ClasspathIndicatorSets SETS = new ClasspathIndicatorSets();

  static ReportInputs seedInputs() {
    return new ReportInputs(
        Seed2021.UNIT,
        Seed2021.YEAR,
        Seed2021.spending(),
        Seed2021.complaints(),
        Seed2021.narrativeVersion(),
        SETS.forYear(Seed2021.YEAR).orElseThrow());
  }

  static ReportInputs inputs2026() {
    return new ReportInputs(
        Seed2021.UNIT,
        Year2026.YEAR,
        Year2026.spending(),
        Year2026.complaints(),
        Year2026.narrativeVersion(),
        SETS.forYear(Year2026.YEAR).orElseThrow());
  }

  @Test
  void seedYear_scores99_andGradesExcellent() {
    // WHEN
    ComposedReport report = SelfEvaluationReport.compose(seedInputs(), "test");

    // THEN
    assertThat(report.scorecard().total()).isEqualByComparingTo("99");
    assertThat(report.scorecard().grade()).isEqualTo(Grade.EXCELLENT);
  }

  @Test
  void seedYear_statesEverySeedFigureInTheSeedsSentences() {
    String text = SelfEvaluationReport.compose(seedInputs(), "test").document().allText();

    assertThat(text)
        .contains("纳入财政绩效自评的资金385.5万元，其中基本支出184.9万元，项目支出200.6万元")
        .contains("支出主要内容：营商环境指标评价73.3万元，全市营商环境氛围浓厚112.3万元，投诉处理5万元，营商环境监测点5万元，政策落地5万元。")
        .contains("人员经费支出173.9万元")
        .contains("日常公用经费支出11万元")
        .contains("“三公”经费支出0.5万元，其中公务接待费支出0.5万元。主要是交流学习及调研等发生的接待支出。")
        .contains("无因公出国（境）费支出和公务用车（购置）支出")
        .contains(
            "分别为：办公费3.9万元，印刷费5.3万元，咨询费39.7万元，邮电费7万元，会议费1.6万元，培训费1.9万元，"
                + "公务接待费0.5万元，劳务费9.5万元，委托业务费31.5万元，其他交通费用15.1万元，"
                + "其他商品和服务支出24.6万元，资本性支出60万元。")
        .contains("收到并处理本级投诉举报14件，走访收集意见建议35条，困难诉求56个，组织多方联动会议9次，解决企业困难诉求130个，投诉受理率100%")
        .contains("全额拨款事业编制12名")
        .contains("在职人员控制率91.67%")
        .contains("1、营商环境指标评价项目。该项目共计投入73.3万元（预算75万元，完成率97.73%）。")
        .contains("2021年部门整体支出绩效自评得分99分，等级为“优”。")
        .doesNotContain("{");
  }

  @Test
  void secondYear_givesItsOwnFiguresScoreAndGrade() {
    ComposedReport report = SelfEvaluationReport.compose(inputs2026(), "test");
    String text = report.document().allText();

    assertThat(report.scorecard().total()).isEqualByComparingTo("88");
    assertThat(report.scorecard().grade()).isEqualTo(Grade.GOOD);
    assertThat(text)
        .contains("纳入财政绩效自评的资金342.8万元，其中基本支出209万元，项目支出133.8万元")
        .contains("全年收到投诉举报22件，意见建议40条，困难诉求30个，召开多方联动会议12次，投诉受理率97.83%")
        .contains("2026年部门整体支出绩效自评得分88分，等级为“良”。")
        .doesNotContain("385.5")
        .doesNotContain("2021年");
  }

  @Test
  void sameInputs_sameFingerprint_andAnyChangedFigureChangesIt() {
    String first = seedInputs().fingerprint("layout-1");

    assertThat(seedInputs().fingerprint("layout-1")).isEqualTo(first);
    assertThat(seedInputs().fingerprint("layout-2")).isNotEqualTo(first);
    assertThat(inputs2026().fingerprint("layout-1")).isNotEqualTo(first);
  }

  @Test
  void documentDate_isWhenTheLastInputWasSettled_notNow() {
    ReportDocument document = SelfEvaluationReport.compose(seedInputs(), "test").document();

    assertThat(document.createdAt()).isEqualTo(Instant.parse("2022-02-15T08:00:00Z"));
  }

  @Test
  void missingTextsAndScores_areAllNamed_andNoDocumentIsMade() {
    // GIVEN staff saved only a profile, without the performance analysis and without any score
    ReportNarrative seed = Seed2021.narrative();
    Map<NarrativeSection, String> sections = new EnumMap<>(seed.sections());
    sections.remove(NarrativeSection.PERFORMANCE_ANALYSIS);
    ReportNarrative draft = new ReportNarrative(seed.profile(), sections, List.of(), List.of());
    ReportInputs inputs =
        new ReportInputs(
            Seed2021.UNIT,
            Seed2021.YEAR,
            Seed2021.spending(),
            Seed2021.complaints(),
            new NarrativeVersion(
                Seed2021.UNIT, Seed2021.YEAR, 2, Seed2021.SAVED_AT, Seed2021.FINANCE, draft),
            seedInputs().indicatorSet());

    // WHEN / THEN
    assertThatThrownBy(() -> SelfEvaluationReport.compose(inputs, "test"))
        .isInstanceOfSatisfying(
            IncompleteInputs.class,
            e ->
                assertThat(e.missing())
                    .contains("整体绩效情况分析")
                    .anySatisfy(m -> assertThat(m).contains("绩效目标合理性"))
                    .hasSize(1 + 11));
  }

  @Test
  void manualScoreAboveTheWeight_isRefused() {
    ReportNarrative seed = Seed2021.narrative();
    List<ManualScore> scores =
        seed.manualScores().stream()
            .map(
                s ->
                    s.indicatorId().equals("rules")
                        ? new ManualScore("rules", new BigDecimal("12"), s.note())
                        : s)
            .toList();
    ReportNarrative tooGenerous =
        new ReportNarrative(seed.profile(), seed.sections(), seed.projectNotes(), scores);
    ReportInputs base = seedInputs();
    ReportInputs inputs =
        new ReportInputs(
            base.unit(),
            base.year(),
            base.spending(),
            base.complaints(),
            new NarrativeVersion(
                Seed2021.UNIT, Seed2021.YEAR, 3, Seed2021.SAVED_AT, Seed2021.FINANCE, tooGenerous),
            base.indicatorSet());

    assertThatThrownBy(() -> SelfEvaluationReport.compose(inputs, "test"))
        .isInstanceOfSatisfying(
            IncompleteInputs.class,
            e -> assertThat(e.missing()).containsExactly("指标“管理制度健全性”的人工评分 12 超过分值 10"));
  }
}
