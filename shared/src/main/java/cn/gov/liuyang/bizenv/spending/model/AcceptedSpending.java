package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A unit's spending figures for one year: the lines of the submission that finance uploaded and the
 * import accepted, with the few facts beside them that the report's indicators need. Every total
 * the annual report states is derived here, never typed in.
 *
 * @param fileName the clerk's name of the workbook the lines come from
 * @param facts the facts about the unit and year beside the lines (编制数, 三公经费 budget, …): as the
 *     workbook stated them when read from storage, or as resolved from every source ({@link
 *     #withFacts}) when the report uses them
 */
public record AcceptedSpending(
    UnitId unit,
    FiscalYear year,
    String submissionId,
    String fileName,
    Instant acceptedAt,
    List<SpendingLine> lines,
    UnitYearFacts facts) {

  private static final Predicate<SpendingLine> ALL = line -> true;
  private static final Predicate<SpendingLine> BASIC = line -> line.type() == ExpenditureType.BASIC;
  private static final Predicate<SpendingLine> PROJECT =
      line -> line.type() == ExpenditureType.PROJECT;

  /** 人员经费: basic expenditure under 301 and 303. */
  private static final Predicate<SpendingLine> PERSONNEL =
      BASIC.and(line -> line.economicCode().isPersonnel());

  /** 日常公用经费: the rest of basic expenditure. */
  private static final Predicate<SpendingLine> PUBLIC_OPERATING =
      BASIC.and(line -> !line.economicCode().isPersonnel());

  public AcceptedSpending {
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(year, "year");
    Objects.requireNonNull(facts, "facts");
    lines = List.copyOf(lines);
  }

  /** The same figures with other facts beside them (the ones resolved from every source). */
  public AcceptedSpending withFacts(UnitYearFacts resolved) {
    return new AcceptedSpending(unit, year, submissionId, fileName, acceptedAt, lines, resolved);
  }

  /** 编制数 and 在职人数, when both are known. */
  public Optional<Staffing> staffing() {
    return facts.staffing();
  }

  /** Last year's 三公经费 actual, for 三公经费变动率, when known. */
  public Optional<Money> priorYearSanGong() {
    return facts.priorYearSanGong();
  }

  /** This year's 三公经费 budget, for 三公经费控制率, when known. */
  public Optional<Money> sanGongBudget() {
    return facts.sanGongBudget();
  }

  /** The optional 政府采购 and 预算调整 figures, as far as stated. */
  public ProcurementAndAdjustment procurementAndAdjustment() {
    return facts.procurementAndAdjustment();
  }

  /** 政府采购预算数, when stated. */
  public Optional<Money> procurementBudget() {
    return facts.amount(Fact.PROCUREMENT_BUDGET);
  }

  /** 政府采购实际数, when stated. */
  public Optional<Money> procurementActual() {
    return facts.amount(Fact.PROCUREMENT_ACTUAL);
  }

  /** 预算调整数 (negative for a reduction), when stated. */
  public Optional<Money> budgetAdjustment() {
    return facts.amount(Fact.BUDGET_ADJUSTMENT);
  }

  public Money totalActual() {
    return sum(ALL, SpendingLine::actual);
  }

  public Money totalBudget() {
    return sum(ALL, SpendingLine::budget);
  }

  public Money basicBudget() {
    return sum(BASIC, SpendingLine::budget);
  }

  public Money projectBudget() {
    return sum(PROJECT, SpendingLine::budget);
  }

  public Money personnelBudget() {
    return sum(PERSONNEL, SpendingLine::budget);
  }

  public Money basicActual() {
    return sum(BASIC, SpendingLine::actual);
  }

  public Money projectActual() {
    return sum(PROJECT, SpendingLine::actual);
  }

  /** 人员经费: basic expenditure under 301 and 303. */
  public Money personnelActual() {
    return sum(PERSONNEL, SpendingLine::actual);
  }

  /** 日常公用经费: the rest of basic expenditure. */
  public Money publicOperatingActual() {
    return sum(PUBLIC_OPERATING, SpendingLine::actual);
  }

  public Money publicOperatingBudget() {
    return sum(PUBLIC_OPERATING, SpendingLine::budget);
  }

  /** The totals the import reconciles, as computed from these lines. */
  public SpendingTotals totals() {
    return new SpendingTotals(
        totalActual(),
        basicActual(),
        personnelActual(),
        publicOperatingActual(),
        projectActual(),
        sanGongActual().total(),
        projectActualByProject().size(),
        (int) lines.stream().map(line -> line.economicCode().value()).distinct().count());
  }

  /** Project expenditure by project, in the order the workbook lists the projects. */
  public Map<String, Money> projectActualByProject() {
    return byProject(SpendingLine::actual);
  }

  /** Project budget by project, in the order the workbook lists the projects. */
  public Map<String, Money> projectBudgetByProject() {
    return byProject(SpendingLine::budget);
  }

  private Map<String, Money> byProject(Function<SpendingLine, Money> amount) {
    Map<String, Money> byProject = new LinkedHashMap<>();
    for (SpendingLine line : lines) {
      if (line.type() == ExpenditureType.PROJECT) {
        byProject.merge(line.project().orElseThrow(), amount.apply(line), Money::plus);
      }
    }
    return byProject;
  }

  /** Project expenditure by economic classification item, in code order. */
  public Map<EconomicCode, Money> projectActualByEconomicCode() {
    Map<EconomicCode, Money> byCode =
        new TreeMap<>(java.util.Comparator.comparing(EconomicCode::value));
    for (SpendingLine line : lines) {
      if (line.type() == ExpenditureType.PROJECT) {
        byCode.merge(line.economicCode(), line.actual(), Money::plus);
      }
    }
    return byCode;
  }

  /** 三公经费 actually spent this year, over basic and project expenditure alike. */
  public SanGongFunds sanGongActual() {
    SanGongFunds funds = SanGongFunds.NONE;
    for (SpendingLine line : lines) {
      funds = funds.plus(SanGongFunds.of(line.economicCode(), line.actual()));
    }
    return funds;
  }

  private Money sum(Predicate<SpendingLine> which, Function<SpendingLine, Money> amount) {
    Money total = Money.ZERO;
    for (SpendingLine line : lines) {
      if (which.test(line)) {
        total = total.plus(amount.apply(line));
      }
    }
    return total;
  }
}
