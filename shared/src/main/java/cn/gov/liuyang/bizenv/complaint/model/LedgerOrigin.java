package cn.gov.liuyang.bizenv.complaint.model;

import cn.gov.liuyang.bizenv.common.UnitId;
import java.util.Objects;
import java.util.Optional;

/**
 * Where an imported case comes from: one row of a unit's case ledger (投诉台账) for a year. A case with
 * an origin was not filed through the API; it is read-only, and counts only while its import is the
 * one in force for the unit and year (a re-upload replaces the whole import).
 *
 * @param importId the ledger submission that imported it (32 hex digits)
 * @param unit the unit whose ledger it is
 * @param sheet the sheet it was read from
 * @param row the row as Excel numbers it
 * @param registrationNumber the ledger's own number (登记编号), when it has one
 */
public record LedgerOrigin(
    String importId, UnitId unit, String sheet, int row, Optional<String> registrationNumber) {
  public LedgerOrigin {
    Objects.requireNonNull(importId, "importId");
    Objects.requireNonNull(unit, "unit");
    sheet = sheet == null ? "" : sheet;
    Objects.requireNonNull(registrationNumber, "registrationNumber");
  }
}
