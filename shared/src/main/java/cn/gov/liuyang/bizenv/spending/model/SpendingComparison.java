package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * What adopting a submission would change: the totals, each project and each economic
 * classification item, before (the figures in force) and after (the submission's).
 *
 * @param before the submission whose figures are in force, if any
 * @param after the submission compared
 */
public record SpendingComparison(
    Optional<String> before,
    String after,
    List<Row> totals,
    List<Row> byProject,
    List<Row> byEconomicCode) {

  public SpendingComparison {
    totals = List.copyOf(totals);
    byProject = List.copyOf(byProject);
    byEconomicCode = List.copyOf(byEconomicCode);
  }

  /** One figure before and after; zero where one side does not have it. */
  public record Row(String key, String label, Money before, Money after) {
    public Money difference() {
      return after.minus(before);
    }

    public boolean changed() {
      return !difference().isZero();
    }
  }

  /** Whether adopting would change any figure. */
  public boolean changesAnything() {
    return before.isEmpty()
        || totals.stream().anyMatch(Row::changed)
        || byProject.stream().anyMatch(Row::changed)
        || byEconomicCode.stream().anyMatch(Row::changed);
  }

  public static SpendingComparison between(
      Optional<AcceptedSpending> inForce, AcceptedSpending next) {
    List<Row> totals = new ArrayList<>();
    totals.add(total("totalActual", "支出合计（执行数）", inForce, next, AcceptedSpending::totalActual));
    totals.add(total("totalBudget", "预算数合计", inForce, next, AcceptedSpending::totalBudget));
    totals.add(total("basicActual", "基本支出", inForce, next, AcceptedSpending::basicActual));
    totals.add(
        total("personnelActual", "其中：人员经费", inForce, next, AcceptedSpending::personnelActual));
    totals.add(
        total(
            "publicOperatingActual",
            "其中：日常公用经费",
            inForce,
            next,
            AcceptedSpending::publicOperatingActual));
    totals.add(total("projectActual", "项目支出", inForce, next, AcceptedSpending::projectActual));
    totals.add(total("sanGong", "三公经费", inForce, next, s -> s.sanGongActual().total()));

    Map<String, Money> projectsBefore =
        inForce.map(AcceptedSpending::projectActualByProject).orElse(Map.of());
    Map<String, Money> projectsAfter = next.projectActualByProject();
    Map<String, String> projectNames = new LinkedHashMap<>();
    projectsAfter.keySet().forEach(p -> projectNames.put(p, p));
    projectsBefore.keySet().forEach(p -> projectNames.putIfAbsent(p, p));
    List<Row> byProject = rows(projectNames, projectsBefore, projectsAfter);

    Map<String, Money> codesBefore = inForce.map(SpendingComparison::actualByCode).orElse(Map.of());
    Map<String, Money> codesAfter = actualByCode(next);
    Map<String, String> codeNames = new TreeMap<>();
    next.lines().forEach(l -> codeNames.putIfAbsent(l.economicCode().value(), l.economicName()));
    inForce.ifPresent(
        s ->
            s.lines()
                .forEach(l -> codeNames.putIfAbsent(l.economicCode().value(), l.economicName())));
    Map<String, String> codeLabels = new LinkedHashMap<>();
    codeNames.forEach((code, name) -> codeLabels.put(code, code + " " + name));
    List<Row> byCode = rows(codeLabels, codesBefore, codesAfter);

    return new SpendingComparison(
        inForce.map(AcceptedSpending::submissionId),
        next.submissionId(),
        totals,
        byProject,
        byCode);
  }

  private static Row total(
      String key,
      String label,
      Optional<AcceptedSpending> inForce,
      AcceptedSpending next,
      Function<AcceptedSpending, Money> figure) {
    return new Row(key, label, inForce.map(figure).orElse(Money.ZERO), figure.apply(next));
  }

  private static List<Row> rows(
      Map<String, String> labels, Map<String, Money> before, Map<String, Money> after) {
    List<Row> rows = new ArrayList<>(labels.size());
    labels.forEach(
        (key, label) ->
            rows.add(
                new Row(
                    key,
                    label,
                    before.getOrDefault(key, Money.ZERO),
                    after.getOrDefault(key, Money.ZERO))));
    return rows;
  }

  /** 执行数 by economic classification item, basic and project together. */
  private static Map<String, Money> actualByCode(AcceptedSpending spending) {
    Map<String, Money> byCode = new TreeMap<>();
    for (SpendingLine line : spending.lines()) {
      byCode.merge(line.economicCode().value(), line.actual(), Money::plus);
    }
    return byCode;
  }
}
