package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.Indicator;
import cn.gov.liuyang.bizenv.report.model.IndicatorSet;
import cn.gov.liuyang.bizenv.report.model.IndicatorSetVersion;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Staff change a year's indicator set: each save is a new version (never an overwrite), and a new
 * year starts as a copy of an earlier year's set.
 */
public record SaveIndicatorSet(
    IndicatorSetsInForce sets, IndicatorSetRepository repository, Clock clock) {

  /**
   * A whole set for the year, already validated (weights add up to 100, …).
   *
   * @param basedOn the version the editor started from; the save is refused if another is in force
   *     by now, so nobody's change is silently lost
   */
  public record Command(
      FiscalYear year,
      String name,
      String source,
      List<Indicator> indicators,
      Optional<String> basedOn,
      Author author) {}

  /** The version in force after the save; {@code created} is false when nothing changed. */
  public record Saved(IndicatorSetVersion version, boolean created) {}

  public Saved save(Command command) {
    FiscalYear year = command.year();
    Optional<IndicatorSetVersion> current = sets.inForce(year);
    if (command.basedOn().isPresent()
        && !command.basedOn().equals(current.map(v -> v.set().version()))) {
      throw Refusal.conflict(
          "INDICATOR_SET_CHANGED",
          year
              + "年度指标体系已不是您修改时的版本 "
              + command.basedOn().get()
              + current.map(v -> "（现为 " + v.set().version() + "）").orElse("（现在没有指标体系）")
              + "，请刷新后在当前版本上修改",
          current
              .<Map<String, Object>>map(v -> Map.of("versionInForce", v.set().version()))
              .orElse(Map.of()));
    }
    int number = sets.nextNumber(year);
    IndicatorSet set =
        new IndicatorSet(
            year,
            IndicatorSet.version(year, number),
            command.name(),
            command.source(),
            command.indicators());
    if (current.isPresent() && current.get().set().sameContentAs(set)) {
      // a new version would change every report's fingerprint for nothing
      return new Saved(current.get(), false);
    }
    IndicatorSetVersion version =
        IndicatorSetVersion.saved(set, number, clock.instant(), command.author());
    add(version);
    return new Saved(version, true);
  }

  /** A new year's set as a copy of an earlier (or any other) year's set in force. */
  public record Copy(FiscalYear from, FiscalYear to, Author author) {}

  public IndicatorSetVersion copy(Copy command) {
    FiscalYear to = command.to();
    Optional<IndicatorSetVersion> existing = sets.inForce(to);
    if (existing.isPresent()) {
      throw Refusal.conflict(
          "INDICATOR_SET_EXISTS",
          to
              + "年度已有指标体系（"
              + existing.get().set().version()
              + "），不能再复制；如需修改请直接保存新版本（PUT /staff/indicator-sets/"
              + to
              + "）",
          Map.of("versionInForce", existing.get().set().version()));
    }
    IndicatorSet source =
        sets.forYear(command.from())
            .orElseThrow(
                () ->
                    Refusal.notFound(
                        "COPY_SOURCE_NOT_FOUND", command.from() + "年度没有指标体系，无法从该年度复制"));
    int number = sets.nextNumber(to);
    // "2021年度部门整体支出绩效评价指标体系" becomes the 2023 one: the name heads the report's 表3
    String name = source.name().replace(command.from() + "年", to + "年");
    IndicatorSetVersion copy =
        IndicatorSetVersion.copied(
            source.as(to, IndicatorSet.version(to, number), name),
            number,
            clock.instant(),
            command.author(),
            source.version());
    add(copy);
    return copy;
  }

  private void add(IndicatorSetVersion version) {
    try {
      repository.add(version);
    } catch (VersionConflict conflict) {
      throw Refusal.conflict(
          "INDICATOR_SET_SAVED_CONCURRENTLY",
          "其他人刚刚保存了" + version.set().year() + "年度的指标体系，请刷新后再保存",
          Map.of());
    }
  }
}
