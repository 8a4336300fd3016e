package cn.gov.liuyang.bizenv.common;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The budget units a staff member may act for: the units their account names, or every unit for the
 * few accounts in the {@code all-units} group. A route that names a unit, or a submission that
 * belongs to one, is refused unless the unit is in scope.
 */
public record UnitScope(Set<UnitId> units, boolean all) {
  /** The stable code of the refusal. */
  public static final String FORBIDDEN_CODE = "UNIT_FORBIDDEN";

  public UnitScope {
    units = Set.copyOf(units);
  }

  /** Exactly these units. */
  public static UnitScope of(Set<UnitId> units) {
    return new UnitScope(units, false);
  }

  /** Every unit, registered now or later. */
  public static UnitScope everyUnit() {
    return new UnitScope(Set.of(), true);
  }

  public boolean permits(UnitId unit) {
    return all || units.contains(unit);
  }

  /**
   * Refuses ({@link Refusal.Kind#FORBIDDEN}, {@value #FORBIDDEN_CODE}) unless {@code unit} is in
   * scope; the details name the unit asked for and the units the caller may act for.
   */
  public void require(UnitId unit) {
    if (permits(unit)) {
      return;
    }
    List<String> mine = units.stream().map(UnitId::value).sorted().toList();
    throw new Refusal(
        Refusal.Kind.FORBIDDEN,
        FORBIDDEN_CODE,
        "您的账号不能办理单位“"
            + unit.value()
            + "”的事项"
            + (mine.isEmpty() ? "（账号未配置任何单位）" : "（可办理：" + String.join("、", mine) + "）")
            + "，如需办理请联系管理员在账号的单位范围中加入该单位",
        List.of(),
        Map.of("unit", unit.value(), "permittedUnits", mine));
  }
}
