package cn.gov.liuyang.bizenv.unit.fakes;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.unit.application.UnitRegistry;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import cn.gov.liuyang.bizenv.unit.model.UnitKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Units in memory; starts with the seed unit, as the shipped registry does. */
public final class InMemoryUnits implements UnitRegistry {
  private final Map<String, Unit> units = new TreeMap<>();

  public InMemoryUnits() {
    save(
        new Unit(
            new UnitId("lyyshj"),
            "浏阳市优化营商环境协调事务中心",
            "浏阳市发展和改革局",
            UnitKind.PUBLIC_INSTITUTION,
            Optional.empty(),
            Optional.empty()));
  }

  @Override
  public synchronized Optional<Unit> find(UnitId id) {
    return Optional.ofNullable(units.get(id.value()));
  }

  @Override
  public synchronized List<Unit> all() {
    return new ArrayList<>(units.values());
  }

  @Override
  public synchronized void save(Unit unit) {
    units.put(unit.id().value(), unit);
  }
}
