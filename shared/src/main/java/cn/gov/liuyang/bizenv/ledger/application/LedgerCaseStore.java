package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Imported cases in the complaints table and, per unit and year, which import is in force (the
 * generation pointer). DynamoDB has no transaction large enough for a year's cases: the cases are
 * written first under their import id (invisible while it is not in force), then one conditional
 * put makes the import the one in force, then the superseded import's cases are deleted. A failure
 * at any point leaves either the old or the new import in force, never a mixture.
 */
public interface LedgerCaseStore {
  /** Writes the cases of one import; writing them again (a redelivery) changes nothing. */
  void write(List<Complaint> cases);

  /**
   * Makes {@code importId} the unit's ledger for the year, unless an import requested later already
   * is.
   *
   * @return whether it is (or already was) in force
   */
  boolean makeCurrent(UnitId unit, FiscalYear year, String importId, Instant requestedAt);

  /** The import in force for the unit and year, if any. */
  Optional<String> importInForce(UnitId unit, FiscalYear year);

  /** Deletes the unit's imported cases of the year from any other import; returns how many. */
  int removeSuperseded(UnitId unit, FiscalYear year, String currentImportId);
}
