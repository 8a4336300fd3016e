package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The identities the annual report states, checked on the lines exactly as the report will compute
 * them (through {@link AcceptedSpending}): total = basic + project, basic = personnel + public
 * operating, project total = sum by project = sum by economic item, 三公经费 from its codes; and every
 * 合计/小计 the workbook declares must equal what its lines add up to.
 */
final class Reconciliation {
  private static final UnitId ANY_UNIT = new UnitId("reconciliation");

  private Reconciliation() {}

  static SpendingTotals check(
      List<SpendingLine> lines,
      List<DeclaredTotal> declared,
      Optional<Money> declaredSanGong,
      Findings findings) {
    AcceptedSpending figures =
        new AcceptedSpending(
            ANY_UNIT, new FiscalYear(2000), "", Instant.EPOCH, lines, null, null, null);
    Money total = figures.totalActual();
    Money basic = figures.basicActual();
    Money project = figures.projectActual();
    Money byProject = sum(figures.projectActualByProject().values());
    Money byItem = sum(figures.projectActualByEconomicCode().values());
    if (!project.equals(byProject) || !project.equals(byItem) || !total.equals(basic.plus(project))) {
      // cannot happen with lines as read; kept so that a change to the model cannot slip through
      throw new IllegalStateException("spending identities do not hold");
    }
    for (DeclaredTotal row : declared) {
      checkDeclared(row, figures, findings);
    }
    declaredSanGong.ifPresent(
        stated -> {
          Money derived = figures.sanGongActual().total();
          if (!stated.equals(derived)) {
            findings.add(
                Finding.ofFile(
                    FindingCode.SANGONG_MISMATCH,
                    "基本信息中的本年三公经费决算数 "
                        + yuan(stated)
                        + " 与明细中三公经费科目（30212、30217、30231、31013）合计 "
                        + yuan(derived)
                        + " 不符"));
          }
        });
    Set<String> items = new HashSet<>();
    lines.forEach(line -> items.add(line.economicCode().value()));
    return new SpendingTotals(
        total,
        basic,
        figures.personnelActual(),
        figures.publicOperatingActual(),
        project,
        figures.sanGongActual().total(),
        figures.projectActualByProject().size(),
        items.size());
  }

  private static void checkDeclared(DeclaredTotal row, AcceptedSpending figures, Findings findings) {
    Money actual;
    Money budget;
    String what;
    switch (row.scope()) {
      case ALL -> {
        actual = figures.totalActual();
        budget = figures.totalBudget();
        what = "合计";
      }
      case BASIC -> {
        actual = figures.basicActual();
        budget = budgetOf(figures, line -> line.type() == ExpenditureType.BASIC);
        what = "基本支出小计";
      }
      case PROJECT -> {
        actual = figures.projectActual();
        budget = budgetOf(figures, line -> line.type() == ExpenditureType.PROJECT);
        what = "项目支出小计";
      }
      default -> {
        actual =
            figures.projectActualByProject().getOrDefault(row.project(), Money.ZERO);
        budget = budgetOf(figures, line -> line.project().orElse("").equals(row.project()));
        what = "项目“" + row.project() + "”小计";
      }
    }
    FindingCode code =
        row.scope() == DeclaredTotal.Scope.ALL ? FindingCode.TOTAL_MISMATCH : FindingCode.SUBTOTAL_MISMATCH;
    row.actual()
        .filter(stated -> !stated.equals(actual))
        .ifPresent(
            stated ->
                findings.add(
                    new Finding(
                        code,
                        row.sheet(),
                        row.row(),
                        "执行数",
                        yuan(stated),
                        what + "执行数为 " + yuan(stated) + "，但明细行加总为 " + yuan(actual)
                            + "：请核对明细或合计行（合计行只用于核对，不会导入）")));
    row.budget()
        .filter(stated -> !stated.equals(budget))
        .ifPresent(
            stated ->
                findings.add(
                    new Finding(
                        code,
                        row.sheet(),
                        row.row(),
                        "预算数",
                        yuan(stated),
                        what + "预算数为 " + yuan(stated) + "，但明细行加总为 " + yuan(budget))));
  }

  private static Money budgetOf(
      AcceptedSpending figures, java.util.function.Predicate<SpendingLine> which) {
    Money sum = Money.ZERO;
    for (SpendingLine line : figures.lines()) {
      if (which.test(line)) {
        sum = sum.plus(line.budget());
      }
    }
    return sum;
  }

  private static Money sum(Iterable<Money> amounts) {
    Money sum = Money.ZERO;
    for (Money amount : amounts) {
      sum = sum.plus(amount);
    }
    return sum;
  }

  private static String yuan(Money money) {
    return money.yuan().toPlainString() + " 元";
  }
}
