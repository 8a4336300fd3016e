package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import java.time.Instant;
import java.util.Optional;

/** Keeps every saved version of staff's texts for a unit's year; nothing is ever overwritten. */
public interface ReportInputsRepository {

  /**
   * Stores {@code narrative} as the next version; throws {@link VersionConflict} if another won it.
   */
  NarrativeVersion saveNext(
      UnitId unit, FiscalYear year, ReportNarrative narrative, Author author, Instant savedAt);

  /** The latest saved version, if any. */
  Optional<NarrativeVersion> latest(UnitId unit, FiscalYear year);

  /** A given version, if it exists. */
  Optional<NarrativeVersion> version(UnitId unit, FiscalYear year, int version);
}
