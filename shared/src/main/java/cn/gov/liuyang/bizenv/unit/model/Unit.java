package cn.gov.liuyang.bizenv.unit.model;

import cn.gov.liuyang.bizenv.common.UnitId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A budget unit of the county that reports on its own years: its code, full name, the department it
 * comes under (归口), and its kind.
 *
 * @param registeredBy who last saved it (empty for the units shipped with the code)
 */
public record Unit(
    UnitId id,
    String fullName,
    String department,
    UnitKind kind,
    Optional<String> registeredBy,
    Optional<Instant> registeredAt) {

  public Unit {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    if (fullName == null || fullName.isBlank()) {
      throw new IllegalArgumentException("a unit has a full name");
    }
    department = department == null ? "" : department;
    Objects.requireNonNull(registeredBy, "registeredBy");
    Objects.requireNonNull(registeredAt, "registeredAt");
  }
}
