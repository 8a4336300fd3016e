package cn.gov.liuyang.bizenv.report.model;

import java.util.Optional;

/**
 * 部门概况 as staff describe it: the unit's name as it signs the report, its functions, its internal
 * departments and its staffing. Texts are paragraphs separated by line breaks.
 */
public record UnitProfile(
    Optional<String> unitName,
    Optional<String> functions,
    Optional<String> departments,
    Optional<String> staffing) {

  public static final UnitProfile EMPTY =
      new UnitProfile(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
}
