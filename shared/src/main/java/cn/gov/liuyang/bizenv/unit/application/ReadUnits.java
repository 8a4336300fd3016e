package cn.gov.liuyang.bizenv.unit.application;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import java.util.List;
import java.util.Optional;

/** The registered units, for staff to pick from. */
public record ReadUnits(UnitRegistry registry) {

  public List<Unit> all() {
    return registry.all();
  }

  public Optional<Unit> one(UnitId id) {
    return registry.find(id);
  }
}
