package cn.gov.liuyang.bizenv.unit.application;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import java.util.List;
import java.util.Optional;

/** The county's budget units that use the system. */
public interface UnitRegistry {
  Optional<Unit> find(UnitId id);

  /** Every unit, by code. */
  List<Unit> all();

  /** Registers a unit or changes its details. */
  void save(Unit unit);
}
