package cn.gov.liuyang.bizenv.unit.application;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.unit.model.Unit;
import cn.gov.liuyang.bizenv.unit.model.UnitKind;
import java.time.Clock;
import java.util.Optional;

/** Registers a budget unit, or changes its full name, department or kind. */
public record RegisterUnit(UnitRegistry registry, Clock clock) {

  public record Command(
      UnitId id, String fullName, String department, UnitKind kind, String byName) {}

  /** The unit as saved, and whether it was new. */
  public record Registered(Unit unit, boolean created) {}

  public Registered register(Command command) {
    boolean created = registry.find(command.id()).isEmpty();
    Unit unit =
        new Unit(
            command.id(),
            command.fullName(),
            command.department(),
            command.kind(),
            Optional.of(command.byName()),
            Optional.of(clock.instant()));
    registry.save(unit);
    return new Registered(unit, created);
  }
}
