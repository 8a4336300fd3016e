package cn.gov.liuyang.bizenv.report.application;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.report.model.NarrativeVersion;
import java.util.Optional;

/** Returns the latest (or a given) saved version of staff's texts for a unit's year. */
public record ReadReportInputs(ReportInputsRepository repository) {

  public record Query(UnitId unit, FiscalYear year, Optional<Integer> version) {}

  public NarrativeVersion read(Query query) {
    Optional<NarrativeVersion> found =
        query.version().isPresent()
            ? repository.version(query.unit(), query.year(), query.version().get())
            : repository.latest(query.unit(), query.year());
    return found.orElseThrow(
        () ->
            Refusal.notFound(
                "INPUTS_NOT_FOUND",
                query
                    .version()
                    .map(v -> "没有第 " + v + " 版材料")
                    .orElse(query.year() + " 年度还没有保存过报告材料")));
  }
}
