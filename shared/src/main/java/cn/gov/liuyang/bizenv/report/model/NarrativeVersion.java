package cn.gov.liuyang.bizenv.report.model;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import java.time.Instant;

/** One saved version of a unit's year narrative; versions count from 1 and are never rewritten. */
public record NarrativeVersion(
    UnitId unit,
    FiscalYear year,
    int version,
    Instant savedAt,
    Author savedBy,
    ReportNarrative narrative) {}
