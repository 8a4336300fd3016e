package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A year's figures as the API shows them: the totals, each project and each economic classification
 * item (budget and actual, basic and project apart), and the facts beside them.
 */
public record FiguresView(
    String submissionId,
    String fileName,
    String unit,
    int year,
    boolean current,
    int lineCount,
    TotalsView totals,
    TotalsView.Amount totalBudget,
    List<ProjectView> byProject,
    List<EconomicItemView> byEconomicCode,
    List<FactView> facts,
    List<String> factsMissingForReport) {

  /** One project's budget and actual. */
  public record ProjectView(String project, TotalsView.Amount budget, TotalsView.Amount actual) {}

  /** One economic classification item, basic and project expenditure apart and together. */
  public record EconomicItemView(
      String code,
      String name,
      TotalsView.Amount basicBudget,
      TotalsView.Amount basicActual,
      TotalsView.Amount projectBudget,
      TotalsView.Amount projectActual,
      TotalsView.Amount budget,
      TotalsView.Amount actual) {}

  public static FiguresView of(ReadSpendingFigures.Figures figures) {
    AcceptedSpending spending = figures.spending();
    Map<String, Money> budgets = spending.projectBudgetByProject();
    List<ProjectView> projects = new ArrayList<>();
    spending
        .projectActualByProject()
        .forEach(
            (project, actual) ->
                projects.add(
                    new ProjectView(
                        project,
                        TotalsView.Amount.of(budgets.getOrDefault(project, Money.ZERO)),
                        TotalsView.Amount.of(actual))));
    Map<String, Money[]> items = new TreeMap<>();
    Map<String, String> names = new LinkedHashMap<>();
    for (SpendingLine line : spending.lines()) {
      String code = line.economicCode().value();
      names.putIfAbsent(code, line.economicName());
      Money[] sums =
          items.computeIfAbsent(
              code, c -> new Money[] {Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO});
      int at = line.type() == ExpenditureType.BASIC ? 0 : 2;
      sums[at] = sums[at].plus(line.budget());
      sums[at + 1] = sums[at + 1].plus(line.actual());
    }
    List<EconomicItemView> byCode = new ArrayList<>();
    items.forEach(
        (code, sums) ->
            byCode.add(
                new EconomicItemView(
                    code,
                    names.get(code),
                    TotalsView.Amount.of(sums[0]),
                    TotalsView.Amount.of(sums[1]),
                    TotalsView.Amount.of(sums[2]),
                    TotalsView.Amount.of(sums[3]),
                    TotalsView.Amount.of(sums[0].plus(sums[2])),
                    TotalsView.Amount.of(sums[1].plus(sums[3])))));
    return new FiguresView(
        spending.submissionId(),
        spending.fileName(),
        spending.unit().value(),
        spending.year().value(),
        figures.current(),
        spending.lines().size(),
        TotalsView.of(spending.totals()),
        TotalsView.Amount.of(spending.totalBudget()),
        projects,
        byCode,
        FactView.all(figures.facts()),
        figures.facts().missingForReport().stream().map(f -> f.label()).toList());
  }
}
