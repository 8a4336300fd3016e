package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Align;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Bar;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.BarChart;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Block;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Column;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Heading;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Paragraph;
import cn.gov.liuyang.bizenv.report.model.ReportDocument.Table;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.SanGongFunds;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Composes the 部门整体支出绩效自评报告 from its inputs, in the seed's outline: sections 一 to 九, the score
 * table (附相关评分) and the basic-data tables. Every figure comes from the data; staff's texts come
 * from the narrative with their placeholders filled.
 */
public final class SelfEvaluationReport {
  private static final String KIND = "部门整体支出绩效自评报告";
  private static final String UNIT_NOTE = "单位：万元";

  /**
   * The revision of what this class composes (sections and tables), part of the fingerprint beside
   * the renderer's layout, so adding a table regenerates reports whose inputs did not change.
   * {@code outline-3}: every percentage in a table has two decimals.
   */
  static final String OUTLINE_VERSION = "outline-3";

  private static final String[] CHAPTERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九"};

  private final ReportInputs inputs;
  private final AcceptedSpending spending;
  private final ComplaintYearStatistics complaints;
  private final ReportNarrative narrative;
  private final String unitName;
  private final int year;
  private final List<String> problems = new ArrayList<>();
  private final List<Block> blocks = new ArrayList<>();
  private Map<String, String> figures = Map.of();

  private SelfEvaluationReport(ReportInputs inputs) {
    this.inputs = inputs;
    this.spending = inputs.spending();
    this.complaints = inputs.complaints();
    this.narrative = inputs.narrative().narrative();
    this.unitName = narrative.profile().unitName().orElse(inputs.unit().value());
    this.year = inputs.year().value();
  }

  /**
   * Composes the report, or throws {@link IncompleteInputs} naming everything that is missing, so a
   * half-empty report is never made.
   *
   * @param layoutVersion the renderer's layout revision, part of the fingerprint
   */
  public static ComposedReport compose(ReportInputs inputs, String layoutVersion) {
    return new SelfEvaluationReport(inputs).compose(layoutVersion);
  }

  /** The file name a download gets, e.g. {@code 2021年度浏阳市…中心部门整体支出绩效自评报告（第1版）.pdf}. */
  public static String fileName(String unitName, int year, int version) {
    return year + "年度" + unitName + KIND + "（第" + version + "版）.pdf";
  }

  private ComposedReport compose(String layoutVersion) {
    problems.addAll(narrative.missingForReport());
    if (spending.lines().isEmpty()) {
      problems.add(year + "年度已接收的支出数据（没有任何支出行）");
    }
    Scorecard scorecard =
        Scoring.score(inputs.indicatorSet(), spending, complaints, narrative, problems);
    figures = figures(scorecard);
    for (ProjectNote note : narrative.projectNotes()) {
      if (!spending.projectActualByProject().containsKey(note.project())) {
        problems.add("项目绩效说明中的项目“" + note.project() + "”在本年支出数据中不存在");
      }
    }
    if (!problems.isEmpty()) {
      throw new IncompleteInputs(problems);
    }

    unitOverview();
    fundsManagement();
    projectImplementation();
    assets();
    performance();
    chapter(5, "存在的主要问题");
    staffText(NarrativeSection.PROBLEMS);
    chapter(6, "改进措施和有关建议");
    staffText(NarrativeSection.MEASURES);
    chapter(7, "单位在资金管理、项目管理等方面的先进经验及做法");
    staffText(NarrativeSection.GOOD_PRACTICE);
    chapter(8, "部门整体支出绩效评价等级");
    paragraph(
        year
            + "年部门整体支出绩效自评得分"
            + Figures.score(scorecard.total())
            + "分，等级为“"
            + scorecard.grade().label()
            + "”。");
    scoreTable(scorecard);
    basicDataTables();
    if (!problems.isEmpty()) {
      throw new IncompleteInputs(problems);
    }

    String fingerprint = inputs.fingerprint(layoutVersion + "/" + OUTLINE_VERSION);
    ReportDocument document =
        new ReportDocument(
            year + "年度" + KIND,
            unitName + "　" + year + "年度" + KIND,
            unitName,
            inputs.settledAt(),
            fingerprint.substring(0, 32),
            blocks);
    return new ComposedReport(document, scorecard, fingerprint);
  }

  // ------------------------------------------------------------------ 一、部门概况

  private void unitOverview() {
    blocks.add(new Paragraph("单位名称（盖章）：" + unitName));
    chapter(0, "部门概况");
    section(0, "部门职能概述");
    text(narrative.profile().functions().orElseThrow());
    section(1, "部门组织机构及人员情况");
    text(narrative.profile().departments().orElseThrow());
    text("人员情况：" + narrative.profile().staffing().orElseThrow());
    if (spending.staffing().isPresent()) {
      paragraph(
          "年末编制数"
              + figures.get("staffing.authorized")
              + "名，在职人数"
              + figures.get("staffing.onPayroll")
              + "名"
              + Optional.ofNullable(figures.get("staffing.controlRate"))
                  .map(rate -> "，在职人员控制率" + rate)
                  .orElse("")
              + "。");
    }
    section(2, "年度重点工作计划");
    staffText(NarrativeSection.KEY_WORK_PLAN);
    section(3, "部门整体支出规模、使用方向、主要内容和涉及范围");
    paragraph(
        unitName
            + "纳入财政绩效自评的资金"
            + wan(spending.totalActual())
            + "万元，其中基本支出"
            + wan(spending.basicActual())
            + "万元，项目支出"
            + wan(spending.projectActual())
            + "万元。"
            + (spending.projectActualByProject().isEmpty()
                ? ""
                : "支出主要内容：" + amounts(spending.projectActualByProject()) + "。"));
  }

  // ------------------------------------------------------------------ 二、资金管理及使用情况

  private void fundsManagement() {
    chapter(1, "部门整体支出资金管理及使用情况");
    section(0, "基本支出");
    point(1, "实际整体收支情况");
    Set<String> personnel = names(line -> isBasic(line) && line.economicCode().isPersonnel());
    Set<String> operating = names(line -> isBasic(line) && !line.economicCode().isPersonnel());
    paragraph(
        year
            + "年度本单位全年基本支出"
            + wan(spending.basicActual())
            + "万元，其中，人员经费支出"
            + wan(spending.personnelActual())
            + "万元"
            + (personnel.isEmpty() ? "" : "，主要包括：" + String.join("、", personnel))
            + "；日常公用经费支出"
            + wan(spending.publicOperatingActual())
            + "万元"
            + (operating.isEmpty() ? "" : "，主要包括：" + String.join("、", operating))
            + "。");

    point(2, "“三公”经费总支出情况");
    SanGongFunds sanGong = spending.sanGongActual();
    Map<String, Money> parts = new LinkedHashMap<>();
    parts.put("因公出国（境）费", sanGong.overseasTravel());
    parts.put("公务用车购置费", sanGong.vehiclePurchase());
    parts.put("公务用车运行维护费", sanGong.vehicleOperation());
    parts.put("公务接待费", sanGong.reception());
    parts.values().removeIf(Money::isZero);
    String sanGongText =
        sanGong.total().isZero()
            ? year + "年度本单位无“三公”经费支出。"
            : year + "年度本单位“三公”经费支出" + wan(sanGong.total()) + "万元，其中" + amounts(parts, "支出") + "。";
    paragraph(sanGongText + fill(narrative.section(NarrativeSection.SAN_GONG_NOTE).orElse("")));

    point(3, "因公出国（境）费用支出和公务用车（购置）情况");
    boolean noTravel = sanGong.overseasTravel().isZero();
    boolean noVehicle = sanGong.vehiclePurchase().isZero();
    paragraph(
        noTravel && noVehicle
            ? year + "年度无因公出国（境）费支出和公务用车（购置）支出。"
            : year
                + "年度因公出国（境）费支出"
                + wan(sanGong.overseasTravel())
                + "万元，公务用车购置支出"
                + wan(sanGong.vehiclePurchase())
                + "万元。");

    section(1, "项目支出");
    point(1, "项目资金总投入情况");
    paragraph(
        year
            + "年本单位项目支出总投入为"
            + wan(spending.projectActual())
            + "万元"
            + (spending.projectActualByProject().isEmpty()
                ? "。"
                : "，其中：" + amounts(spending.projectActualByProject()) + "。"));
    projectTable();
    point(2, "项目资金（主要指财政资金）实际使用情况分析");
    Map<String, Money> byItem = projectActualByItem();
    paragraph(
        year
            + "年本单位项目支出实际支出"
            + wan(spending.projectActual())
            + "万元"
            + (byItem.isEmpty() ? "。" : "，分别为：" + amounts(byItem) + "。"));
    economicTable();
    point(3, "项目资金管理情况");
    staffText(NarrativeSection.FUND_MANAGEMENT);
  }

  private void projectTable() {
    Map<String, Money> actual = spending.projectActualByProject();
    Map<String, Money> budget = spending.projectBudgetByProject();
    List<List<String>> rows = new ArrayList<>();
    actual.forEach((project, spent) -> rows.add(budgetRow(project, budget.get(project), spent)));
    Money totalBudget = budget.values().stream().reduce(Money.ZERO, Money::plus);
    rows.add(budgetRow("合计", totalBudget, spending.projectActual()));
    table(
        "表1　项目支出情况",
        UNIT_NOTE,
        List.of(left("项目名称", 4f), right("预算数", 2f), right("实际支出", 2f), right("完成率", 1.6f)),
        rows,
        true);
  }

  private void economicTable() {
    Map<String, Money> byCode = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (SpendingLine line : spending.lines()) {
      if (line.type() == ExpenditureType.PROJECT) {
        byCode.merge(line.economicCode().value(), line.actual(), Money::plus);
        names.putIfAbsent(line.economicCode().value(), line.economicName());
      }
    }
    List<List<String>> rows = new ArrayList<>();
    byCode.forEach(
        (code, amount) ->
            rows.add(
                List.of(
                    code,
                    names.get(code),
                    Figures.wanYuanFixed(amount),
                    tableRate(amount, spending.projectActual()))));
    rows.add(
        List.of(
            "",
            "合计",
            Figures.wanYuanFixed(spending.projectActual()),
            Figures.percentFixed(BigDecimal.valueOf(100))));
    table(
        "表2　项目支出经济分类",
        UNIT_NOTE,
        List.of(left("科目编码", 1.6f), left("经济分类", 3.4f), right("实际支出", 2f), right("占比", 1.6f)),
        rows,
        true);
    List<Bar> bars = new ArrayList<>();
    projectActualByItem()
        .forEach(
            (name, amount) ->
                bars.add(new Bar(name, amount.toWanYuan(1), Figures.wanYuan(amount))));
    blocks.add(new BarChart("图1　项目支出按经济分类", UNIT_NOTE, bars));
  }

  // ------------------------------------------------------------------ 三、四

  private void projectImplementation() {
    chapter(2, "部门项目组织实施情况");
    section(0, "项目组织情况");
    staffText(NarrativeSection.PROJECT_ORGANISATION);
    section(1, "项目管理情况");
    staffText(NarrativeSection.PROJECT_MANAGEMENT);
  }

  private void assets() {
    chapter(3, "资产管理情况");
    section(0, "固定资产情况");
    staffText(NarrativeSection.FIXED_ASSETS);
    section(1, "固定资产管理情况");
    staffText(NarrativeSection.ASSET_MANAGEMENT);
  }

  // ------------------------------------------------------------------ 五、绩效情况

  private void performance() {
    chapter(4, "部门整体支出绩效情况");
    staffText(NarrativeSection.PERFORMANCE_OVERVIEW);
    // an export without a 资金来源 column says nothing of the funds: the report does not either
    paragraph(
        "全年本单位共支出资金"
            + wan(spending.totalActual())
            + (fundSourcesStated() ? "万元，其中财政资金" + figures.get("spending.fiscal") : "")
            + "万元。全年基本支出"
            + wan(spending.basicActual())
            + "万元，支出项目资金"
            + wan(spending.projectActual())
            + "万元。");
    section(0, "整体绩效情况分析");
    staffText(NarrativeSection.PERFORMANCE_ANALYSIS);
    section(1, "单位项目资金绩效分析");
    Map<String, Money> actual = spending.projectActualByProject();
    Map<String, Money> budget = spending.projectBudgetByProject();
    int number = 1;
    for (Map.Entry<String, Money> project : actual.entrySet()) {
      Optional<ProjectNote> note = narrative.projectNote(project.getKey());
      if (note.isEmpty()) {
        continue;
      }
      Money planned = budget.get(project.getKey());
      String opening =
          number++
              + "、"
              + project.getKey()
              + "项目。该项目共计投入"
              + wan(project.getValue())
              + "万元"
              + (planned.equals(project.getValue())
                  ? ""
                  : "（预算" + wan(planned) + "万元，完成率" + rate(project.getValue(), planned) + "）")
              + "。";
      List<String> paragraphs = paragraphs(fill(note.get().text()));
      paragraph(opening + paragraphs.get(0));
      paragraphs.stream().skip(1).forEach(this::paragraph);
    }
    narrative
        .section(NarrativeSection.PROJECT_CONCLUSION)
        .ifPresent(text -> paragraphs(fill(text)).forEach(this::paragraph));
  }

  // ------------------------------------------------------------------ 附

  private void scoreTable(Scorecard scorecard) {
    blocks.add(new Heading(1, "附相关评分"));
    List<List<String>> rows = new ArrayList<>();
    for (IndicatorScore score : scorecard.scores()) {
      Indicator indicator = score.indicator();
      rows.add(
          List.of(
              indicator.tier(),
              indicator.category(),
              indicator.name(),
              Figures.score(indicator.weight()),
              score.measured().map(Figures::percentFixed).orElse("—"),
              score.basis(),
              Figures.score(score.score())));
    }
    rows.add(
        List.of(
            "合计",
            "",
            "",
            Figures.score(inputs.indicatorSet().totalWeight()),
            "",
            "等级：" + scorecard.grade().label(),
            Figures.score(scorecard.total())));
    table(
        "表3　" + inputs.indicatorSet().name(),
        "单位：分",
        List.of(
            centred("一级指标", 1.3f),
            left("二级指标", 1.5f),
            left("三级指标", 2.2f),
            right("分值", 0.9f),
            right("实际值", 1.3f),
            left("评分标准/依据", 4.2f),
            right("得分", 0.9f)),
        rows,
        true);
  }

  private void basicDataTables() {
    blocks.add(new Heading(1, "附基础数据表"));
    if (spending.staffing().isPresent()) {
      table(
          "表4　人员编制情况",
          "单位：名",
          List.of(right("编制数", 1f), right("年末在职人数", 1f), right("在职人员控制率", 1f)),
          List.of(
              List.of(
                  figures.get("staffing.authorized"),
                  figures.get("staffing.onPayroll"),
                  measuredInTable(Metric.STAFF_CONTROL_RATE))),
          false);
    }
    SanGongFunds sanGong = spending.sanGongActual();
    table(
        "表5　“三公”经费情况",
        UNIT_NOTE,
        List.of(left("项目", 3f), right("上年实际", 1.4f), right("本年预算", 1.4f), right("本年实际", 1.4f)),
        List.of(
            List.of("因公出国（境）费", "—", "—", Figures.wanYuanFixed(sanGong.overseasTravel())),
            List.of("公务用车购置费", "—", "—", Figures.wanYuanFixed(sanGong.vehiclePurchase())),
            List.of("公务用车运行维护费", "—", "—", Figures.wanYuanFixed(sanGong.vehicleOperation())),
            List.of("公务接待费", "—", "—", Figures.wanYuanFixed(sanGong.reception())),
            List.of(
                "合计",
                fixedOrDash(spending.priorYearSanGong()),
                fixedOrDash(spending.sanGongBudget()),
                Figures.wanYuanFixed(sanGong.total()))),
        true);
    table(
        "表6　支出预算执行情况",
        UNIT_NOTE,
        List.of(left("支出类别", 3f), right("预算数", 1.4f), right("实际支出", 1.4f), right("完成率", 1.4f)),
        List.of(
            budgetRow("基本支出", spending.basicBudget(), spending.basicActual()),
            budgetRow("　其中：人员经费", spending.personnelBudget(), spending.personnelActual()),
            budgetRow(
                "　　　　公用经费", spending.publicOperatingBudget(), spending.publicOperatingActual()),
            budgetRow("项目支出", spending.projectBudget(), spending.projectActual()),
            budgetRow("合计", spending.totalBudget(), spending.totalActual())),
        true);
    table(
        "表7　营商环境投诉举报办理情况",
        "单位：件、次、%",
        List.of(left("项目", 3f), right("数量", 1.4f)),
        List.of(
            List.of("收到诉求合计", figures.get("complaints.received")),
            List.of("　其中：投诉举报", figures.get("complaints.complaintsAndReports")),
            List.of("　　　　意见建议", figures.get("complaints.suggestions")),
            List.of("　　　　困难诉求", figures.get("complaints.difficulties")),
            List.of("受理", figures.get("complaints.accepted")),
            List.of("受理率", measuredInTable(Metric.COMPLAINT_ACCEPTANCE_RATE)),
            List.of("办结", figures.get("complaints.closed")),
            List.of("按时办结", Integer.toString(complaints.closedOnTime())),
            List.of("多方联动会议", figures.get("complaints.meetings")),
            List.of("解决企业困难诉求", figures.get("complaints.difficultiesResolved")),
            List.of("评价件数", Integer.toString(complaints.rated())),
            List.of("对办理结果满意", Integer.toString(complaints.satisfiedWithResult()))),
        false);
    procurementAndAdjustmentTables();
  }

  /** 表8 and 表9: figures the workbook may leave out, shown as “—” until finance enters them. */
  private void procurementAndAdjustmentTables() {
    Optional<Money> procurementBudget = spending.procurementBudget();
    Optional<Money> procurementActual = spending.procurementActual();
    table(
        "表8　政府采购情况",
        UNIT_NOTE,
        List.of(right("政府采购预算数", 1.4f), right("政府采购实际数", 1.4f), right("政府采购执行率", 1.4f)),
        List.of(
            List.of(
                fixedOrDash(procurementBudget),
                fixedOrDash(procurementActual),
                measuredInTable(Metric.PROCUREMENT_EXECUTION_RATE))),
        false);
    table(
        "表9　预算调整情况",
        UNIT_NOTE,
        List.of(right("年初预算数", 1.4f), right("预算调整数", 1.4f), right("预算调整率", 1.4f)),
        List.of(
            List.of(
                Figures.wanYuanFixed(spending.totalBudget()),
                fixedOrDash(spending.budgetAdjustment()),
                measuredInTable(Metric.BUDGET_ADJUSTMENT_RATE))),
        false);
  }

  private void table(
      String caption,
      String unitNote,
      List<Column> columns,
      List<List<String>> rows,
      boolean totalRow) {
    blocks.add(new Table(caption, unitNote, columns, rows, totalRow));
  }

  private static Column left(String header, float width) {
    return new Column(header, width, Align.LEFT);
  }

  private static Column centred(String header, float width) {
    return new Column(header, width, Align.CENTER);
  }

  private static Column right(String header, float width) {
    return new Column(header, width, Align.RIGHT);
  }

  /** A measured rate in a table: two decimals, or “—” when the data cannot give it. */
  private String measuredInTable(Metric metric) {
    return metric.measure(spending, complaints).map(Figures::percentFixed).orElse("—");
  }

  private List<String> budgetRow(String label, Money budget, Money actual) {
    return List.of(
        label,
        Figures.wanYuanFixed(budget),
        Figures.wanYuanFixed(actual),
        tableRate(actual, budget));
  }

  // ------------------------------------------------------------------ figures

  private Map<String, String> figures(Scorecard scorecard) {
    Map<String, String> values = new HashMap<>();
    values.put("year", Integer.toString(year));
    values.put("unit", unitName);
    values.put("spending.total", wan(spending.totalActual()));
    values.put("spending.fiscal", fundSourcesStated() ? wan(fiscalActual()) : "—");
    values.put("spending.basic", wan(spending.basicActual()));
    values.put("spending.project", wan(spending.projectActual()));
    values.put("spending.personnel", wan(spending.personnelActual()));
    values.put("spending.publicOperating", wan(spending.publicOperatingActual()));
    values.put("spending.budget", wan(spending.totalBudget()));
    values.put(
        "spending.budgetCompletionRate", rate(spending.totalActual(), spending.totalBudget()));
    values.put("spending.sanGong", wan(spending.sanGongActual().total()));
    if (spending.staffing().isPresent()) {
      values.put(
          "staffing.authorized", Integer.toString(spending.staffing().get().authorizedPosts()));
      values.put(
          "staffing.onPayroll", Integer.toString(spending.staffing().get().staffOnPayroll()));
      Metric.STAFF_CONTROL_RATE
          .measure(spending, complaints)
          .ifPresent(rate -> values.put("staffing.controlRate", Figures.percent(rate)));
    }
    values.put("complaints.received", Integer.toString(complaints.received()));
    values.put(
        "complaints.complaintsAndReports", Integer.toString(complaints.complaintsAndReports()));
    values.put(
        "complaints.suggestions",
        Integer.toString(complaints.receivedOf(ComplaintKind.SUGGESTION)));
    values.put(
        "complaints.difficulties",
        Integer.toString(complaints.receivedOf(ComplaintKind.DIFFICULTY)));
    values.put("complaints.accepted", Integer.toString(complaints.accepted()));
    Metric.COMPLAINT_ACCEPTANCE_RATE
        .measure(spending, complaints)
        .ifPresent(rate -> values.put("complaints.acceptanceRate", Figures.percent(rate)));
    values.put("complaints.closed", Integer.toString(complaints.closed()));
    values.put("complaints.meetings", Integer.toString(complaints.meetings()));
    values.put(
        "complaints.difficultiesResolved", Integer.toString(complaints.difficultiesResolved()));
    values.put("score.total", Figures.score(scorecard.total()));
    values.put("score.grade", scorecard.grade().label());
    spending
        .projectActualByProject()
        .forEach(
            (project, amount) ->
                values.put(NarrativeTemplate.PROJECT_PREFIX + project, wan(amount)));
    return values;
  }

  /**
   * Project spending by economic item name in code order; 资本性支出 (310) is one item, as the seed
   * reports it.
   */
  private Map<String, Money> projectActualByItem() {
    Map<String, Money> byCode = new TreeMap<>();
    Map<String, String> names = new HashMap<>();
    for (SpendingLine line : spending.lines()) {
      if (line.type() == ExpenditureType.PROJECT) {
        String key = line.economicCode().isCapital() ? "310" : line.economicCode().value();
        byCode.merge(key, line.actual(), Money::plus);
        names.putIfAbsent(key, line.economicCode().isCapital() ? "资本性支出" : line.economicName());
      }
    }
    Map<String, Money> byName = new LinkedHashMap<>();
    byCode.forEach((code, amount) -> byName.merge(names.get(code), amount, Money::plus));
    return byName;
  }

  private boolean fundSourcesStated() {
    return spending.lines().stream()
        .anyMatch(line -> line.fundSource() != null && !line.fundSource().isBlank());
  }

  private Money fiscalActual() {
    Money total = Money.ZERO;
    for (SpendingLine line : spending.lines()) {
      if (line.fundSource() == null || line.fundSource().contains("财政")) {
        total = total.plus(line.actual());
      }
    }
    return total;
  }

  private Set<String> names(Predicate<SpendingLine> which) {
    Set<String> names = new LinkedHashSet<>();
    spending.lines().stream()
        .filter(which)
        .sorted(Comparator.comparing(line -> line.economicCode().value()))
        .forEach(line -> names.add(line.economicName()));
    return names;
  }

  private boolean isBasic(SpendingLine line) {
    return line.type() == ExpenditureType.BASIC;
  }

  private static String wan(Money amount) {
    return Figures.wanYuan(amount);
  }

  private static String fixedOrDash(Optional<Money> amount) {
    return amount.map(Figures::wanYuanFixed).orElse("—");
  }

  private static String rate(Money part, Money whole) {
    return whole.isZero() ? "—" : Figures.percent(part.percentOf(whole, 4));
  }

  /** A rate in a table column: always two decimals ({@code 0.80%}, {@code 100.00%}). */
  private static String tableRate(Money part, Money whole) {
    return whole.isZero() ? "—" : Figures.percentFixed(part.percentOf(whole, 4));
  }

  private static String amounts(Map<String, Money> amounts) {
    return amounts(amounts, "");
  }

  private static String amounts(Map<String, Money> amounts, String verb) {
    List<String> parts = new ArrayList<>();
    amounts.forEach((name, amount) -> parts.add(name + verb + wan(amount) + "万元"));
    return String.join("，", parts);
  }

  // ------------------------------------------------------------------ blocks

  private void chapter(int index, String title) {
    blocks.add(new Heading(1, CHAPTERS[index] + "、" + title));
  }

  private void section(int index, String title) {
    blocks.add(new Heading(2, "（" + CHAPTERS[index] + "）" + title));
  }

  private void point(int number, String title) {
    blocks.add(new Heading(3, number + "．" + title));
  }

  private void paragraph(String text) {
    blocks.add(new Paragraph(text));
  }

  private void staffText(NarrativeSection section) {
    text(narrative.section(section).orElseThrow());
  }

  private void text(String staffText) {
    paragraphs(fill(staffText)).forEach(this::paragraph);
  }

  private String fill(String text) {
    return NarrativeTemplate.fill(text, figures, problems);
  }

  private static List<String> paragraphs(String text) {
    List<String> paragraphs = new ArrayList<>();
    for (String line : text.split("\\R")) {
      if (!line.isBlank()) {
        paragraphs.add(line.strip());
      }
    }
    return paragraphs.isEmpty() ? List.of("") : paragraphs;
  }
}
