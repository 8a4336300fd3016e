package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.model.Author;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import java.time.Clock;

/** Saves staff's texts for a unit's year as a new version. */
public record SaveReportInputs(ReportInputsRepository repository, Clock clock) {

  public record Command(UnitId unit, FiscalYear year, ReportNarrative narrative, Author author) {}

  public NarrativeVersion save(Command command) {
    try {
      return repository.saveNext(
          command.unit(), command.year(), command.narrative(), command.author(), clock.instant());
    } catch (VersionConflict conflict) {
      throw Refusal.conflict("INPUTS_SAVED_CONCURRENTLY", "其他人刚刚保存了这份材料，请刷新后再保存");
    }
  }
}
