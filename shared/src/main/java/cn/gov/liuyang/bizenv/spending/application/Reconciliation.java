package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.FindingCode;
import cn.gov.liuyang.bizenv.spending.model.SanGongFunds;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The identities the annual report states, derived from the lines as {@code AcceptedSpending}
 * derives them: total = basic + project, basic = personnel + public operating, project total = sum
 * by project = sum by economic item, 三公经费 from its codes; and every 合计/小计 the workbook declares
 * must equal what its lines add up to.
 */
final class Reconciliation {
  private Reconciliation() {}

  static SpendingTotals check(
      List<SpendingLine> lines,
      List<DeclaredTotal> declared,
      Optional<Money> declaredSanGong,
      AmountUnit sanGongUnit,
      Findings findings) {
    // one pass over the lines, however many there are; the same derivations as AcceptedSpending
    Money basic = Money.ZERO;
    Money personnel = Money.ZERO;
    Money project = Money.ZERO;
    SanGongFunds sanGong = SanGongFunds.NONE;
    Map<String, Money> byProject = new HashMap<>();
    Set<String> items = new HashSet<>();
    for (SpendingLine line : lines) {
      if (line.type() == ExpenditureType.BASIC) {
        basic = basic.plus(line.actual());
        if (line.economicCode().isPersonnel()) {
          personnel = personnel.plus(line.actual());
        }
      } else {
        project = project.plus(line.actual());
        byProject.merge(line.project().orElseThrow(), line.actual(), Money::plus);
      }
      SanGongFunds part = SanGongFunds.of(line.economicCode(), line.actual());
      if (part != SanGongFunds.NONE) {
        sanGong = sanGong.plus(part);
      }
      items.add(line.economicCode().value());
    }
    Money total = basic.plus(project);
    for (DeclaredTotal row : declared) {
      checkDeclared(row, lines, total, basic, project, byProject, findings);
    }
    Money derivedSanGong = sanGong.total();
    declaredSanGong
        .filter(stated -> !stated.equals(derivedSanGong))
        .ifPresent(
            stated ->
                findings.add(
                    Finding.ofFile(
                        FindingCode.SANGONG_MISMATCH,
                        "基本信息中的本年三公经费决算数 "
                            + sanGongUnit.quote(stated)
                            + " 与明细中三公经费科目（30212、30217、30231、31013）合计 "
                            + sanGongUnit.quote(derivedSanGong)
                            + " 不符")));
    return new SpendingTotals(
        total,
        basic,
        personnel,
        basic.minus(personnel),
        project,
        derivedSanGong,
        byProject.size(),
        items.size());
  }

  private static void checkDeclared(
      DeclaredTotal row,
      List<SpendingLine> lines,
      Money total,
      Money basic,
      Money project,
      Map<String, Money> byProject,
      Findings findings) {
    Money actual;
    Money budget;
    String what;
    switch (row.scope()) {
      case ALL -> {
        actual = total;
        budget = budgetOf(lines, line -> true);
        what = "合计";
      }
      case BASIC -> {
        actual = basic;
        budget = budgetOf(lines, line -> line.type() == ExpenditureType.BASIC);
        what = "基本支出小计";
      }
      case PERSONNEL -> {
        Predicate<SpendingLine> personnel =
            line -> line.type() == ExpenditureType.BASIC && line.economicCode().isPersonnel();
        actual = actualOf(lines, personnel);
        budget = budgetOf(lines, personnel);
        what = "人员经费";
      }
      case PUBLIC_OPERATING -> {
        Predicate<SpendingLine> operating =
            line -> line.type() == ExpenditureType.BASIC && !line.economicCode().isPersonnel();
        actual = actualOf(lines, operating);
        budget = budgetOf(lines, operating);
        what = "公用经费";
      }
      case PROJECT -> {
        actual = project;
        budget = budgetOf(lines, line -> line.type() == ExpenditureType.PROJECT);
        what = "项目支出小计";
      }
      default -> {
        actual = byProject.getOrDefault(row.project(), Money.ZERO);
        budget = budgetOf(lines, line -> line.project().orElse("").equals(row.project()));
        what = "项目“" + row.project() + "”小计";
      }
    }
    FindingCode code =
        row.scope() == DeclaredTotal.Scope.ALL
            ? FindingCode.TOTAL_MISMATCH
            : FindingCode.SUBTOTAL_MISMATCH;
    String hint = "：请核对明细或合计行（合计行只用于核对，不会导入）";
    compare(row.stated(), code, actual, budget, what, "明细行", hint, findings);
  }

  /** Both of a row's stated sums (执行数 and 预算数) against what the lines it covers add up to. */
  private static void compare(
      StatedSums stated,
      FindingCode code,
      Money actual,
      Money budget,
      String what,
      String of,
      String hint,
      Findings findings) {
    Where at = new Where(stated.sheet(), stated.row(), code);
    compare(at, "执行数", stated.actual(), actual, stated.actualUnit(), what, of, hint, findings);
    compare(at, "预算数", stated.budget(), budget, stated.budgetUnit(), what, of, "", findings);
  }

  /** Where a declared sum stands, and the code its mismatch gets. */
  private record Where(String sheet, int row, FindingCode code) {}

  /**
   * A finding when a sum the workbook states differs from what the lines add up to, quoted in the
   * sheet's own unit with the difference.
   */
  private static void compare(
      Where at,
      String column,
      Optional<Money> stated,
      Money sum,
      AmountUnit unit,
      String what,
      String of,
      String hint,
      Findings findings) {
    stated
        .filter(value -> !value.equals(sum))
        .ifPresent(
            value ->
                findings.add(
                    new Finding(
                        at.code(),
                        at.sheet(),
                        at.row(),
                        column,
                        unit.plain(value),
                        what
                            + column
                            + "为 "
                            + unit.quote(value)
                            + "，但"
                            + of
                            + "加总为 "
                            + unit.quote(sum)
                            + "，相差 "
                            + unit.quote(value.minus(sum))
                            + hint)));
  }

  /**
   * Each class-level row must equal the items of its class (within the type and project it states);
   * a class row with no item under it is a line given only at class level, which the report cannot
   * use.
   */
  static void checkClasses(List<SpendingLine> lines, List<ClassTotal> classes, Findings findings) {
    for (ClassTotal row : classes) {
      Predicate<SpendingLine> inClass =
          line ->
              line.economicCode().value().startsWith(row.classCode())
                  && row.type().map(t -> t == line.type()).orElse(true)
                  && (row.project().isEmpty() || line.project().orElse("").equals(row.project()));
      if (lines.stream().noneMatch(inClass)) {
        findings.add(
            new Finding(
                FindingCode.ECONOMIC_CODE_NOT_ITEM,
                row.stated().sheet(),
                row.stated().row(),
                "经济分类科目编码",
                row.codeText(),
                "“" + row.classCode() + "”是经济分类的类级科目，其下没有款级明细：请填到款级，如 30201 办公费"));
        continue;
      }
      String what =
          "类级科目 " + row.classCode() + (row.project().isEmpty() ? "" : "（" + row.project() + "）");
      String hint = "：请核对（类级行只用于核对，不会导入；如果这一行本身是一笔支出，请把编码填到款级，如 30201）";
      compare(
          row.stated(),
          FindingCode.SUBTOTAL_MISMATCH,
          actualOf(lines, inClass),
          budgetOf(lines, inClass),
          what,
          "其下款级明细",
          hint,
          findings);
    }
  }

  private static Money actualOf(List<SpendingLine> lines, Predicate<SpendingLine> which) {
    return sumOf(lines, which, SpendingLine::actual);
  }

  private static Money budgetOf(List<SpendingLine> lines, Predicate<SpendingLine> which) {
    return sumOf(lines, which, SpendingLine::budget);
  }

  private static Money sumOf(
      List<SpendingLine> lines,
      Predicate<SpendingLine> which,
      Function<SpendingLine, Money> amount) {
    return lines.stream().filter(which).map(amount).reduce(Money.ZERO, Money::plus);
  }
}
