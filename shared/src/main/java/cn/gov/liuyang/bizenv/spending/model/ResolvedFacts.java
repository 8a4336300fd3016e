package cn.gov.liuyang.bizenv.spending.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Money;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The facts in effect for a unit and year, each with its source. Staff's entry wins over the
 * workbook's 基本信息, which wins over what other data implies (上年三公经费决算数 from the previous year's
 * figures in force); where two sources give the fact, the one set aside is kept, so people can be
 * told.
 */
public final class ResolvedFacts {
  /** A fact's value in effect, where it comes from, and what it overrides, if anything. */
  public record ResolvedFact(
      Fact fact, BigDecimal value, FactSource source, Optional<Superseded> superseded) {

    /** The value as people say it: "12 人", "0.5 万元（5000.00 元）". */
    public String display() {
      return UnitYearFacts.display(fact, value);
    }
  }

  /** A value a lower-ranked source gives for the same fact. */
  public record Superseded(BigDecimal value, FactSource source) {}

  /** The facts a workbook's 基本信息 states. */
  public record FromWorkbook(UnitYearFacts facts, FactSource.Workbook source) {}

  /** The previous year's figures in force, as far as a fact can be derived from them. */
  public record PreviousYear(FiscalYear year, String submissionId, Money sanGongActual) {
    public static PreviousYear of(AcceptedSpending spending) {
      return new PreviousYear(
          spending.year(), spending.submissionId(), spending.sanGongActual().total());
    }
  }

  private final Map<Fact, ResolvedFact> resolved;

  private ResolvedFacts(Map<Fact, ResolvedFact> resolved) {
    this.resolved = Collections.unmodifiableMap(resolved);
  }

  public static ResolvedFacts resolve(
      Optional<EnteredFacts> entered,
      Optional<FromWorkbook> workbook,
      Optional<PreviousYear> previousYear) {
    Map<Fact, ResolvedFact> resolved = new EnumMap<>(Fact.class);
    for (Fact fact : Fact.values()) {
      List<Superseded> candidates = new ArrayList<>(3);
      entered.ifPresent(
          e -> e.facts().value(fact).ifPresent(v -> candidates.add(new Superseded(v, e.source()))));
      workbook.ifPresent(
          w -> w.facts().value(fact).ifPresent(v -> candidates.add(new Superseded(v, w.source()))));
      if (fact == Fact.PRIOR_YEAR_SAN_GONG) {
        previousYear.ifPresent(
            p ->
                candidates.add(
                    new Superseded(
                        p.sanGongActual().yuan(),
                        new FactSource.Derived(p.year(), p.submissionId()))));
      }
      if (!candidates.isEmpty()) {
        Superseded first = candidates.get(0);
        resolved.put(
            fact,
            new ResolvedFact(
                fact,
                first.value(),
                first.source(),
                candidates.size() > 1 ? Optional.of(candidates.get(1)) : Optional.empty()));
      }
    }
    return new ResolvedFacts(resolved);
  }

  public Optional<ResolvedFact> get(Fact fact) {
    return Optional.ofNullable(resolved.get(fact));
  }

  /** Every fact that has a value, in {@link Fact} order. */
  public List<ResolvedFact> all() {
    return List.copyOf(resolved.values());
  }

  /** The values in effect, whatever their source. */
  public UnitYearFacts values() {
    Map<Fact, BigDecimal> values = new EnumMap<>(Fact.class);
    resolved.forEach((fact, value) -> values.put(fact, value.value()));
    return new UnitYearFacts(values);
  }

  /** The facts the annual report needs and no source gives. */
  public List<Fact> missingForReport() {
    List<Fact> missing = new ArrayList<>();
    for (Fact fact : Fact.values()) {
      if (fact.neededForReport() && !resolved.containsKey(fact)) {
        missing.add(fact);
      }
    }
    return missing;
  }

  /** The optional facts no source gives. */
  public List<Fact> optionalNotGiven() {
    List<Fact> missing = new ArrayList<>();
    for (Fact fact : Fact.values()) {
      if (!fact.neededForReport() && !resolved.containsKey(fact)) {
        missing.add(fact);
      }
    }
    return missing;
  }

  /**
   * What people should know, one Chinese sentence a fact: its value and source, what it overrides,
   * and what is still missing.
   */
  public List<String> notes() {
    List<String> notes = new ArrayList<>();
    for (ResolvedFact fact : resolved.values()) {
      StringBuilder note =
          new StringBuilder(fact.fact().label())
              .append(" ")
              .append(fact.display())
              .append("：")
              .append(fact.source().describe());
      fact.superseded().ifPresent(other -> note.append(supersededNote(fact, other)));
      notes.add(note.toString());
    }
    List<Fact> missing = missingForReport();
    if (!missing.isEmpty()) {
      notes.add(
          "尚缺："
              + labels(missing)
              + "。生成年度报告需要这些数据：请在“单位年度基本数据”中填写（PUT /staff/reports/{单位}/{年度}/facts），"
              + "或在支出表中附“基本信息”表");
    }
    List<Fact> optional = optionalNotGiven();
    if (!optional.isEmpty()) {
      notes.add("未提供（选填）：" + labels(optional) + "；报告中相应表格显示“—”");
    }
    return notes;
  }

  private static String supersededNote(ResolvedFact fact, Superseded other) {
    String otherValue =
        other.source().where() + " " + UnitYearFacts.display(fact.fact(), other.value());
    if (other.value().compareTo(fact.value()) == 0) {
      return "（" + otherValue + "，两者一致）";
    }
    return fact.source() instanceof FactSource.Entered
        ? "（" + otherValue + "，以填写为准）"
        : "（" + otherValue + "，两者不一致，以支出表为准；如需更正请在“单位年度基本数据”中填写）";
  }

  private static String labels(List<Fact> facts) {
    return String.join("、", facts.stream().map(Fact::label).toList());
  }
}
