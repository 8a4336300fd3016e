package cn.gov.liuyang.bizenv.report.model;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What only people know about a unit's year, as staff last saved it: the profile, the narrative
 * sections, notes per project and the judgement scores. Drafts may be incomplete; {@link
 * #missingForReport} says what a report still needs.
 */
public record ReportNarrative(
    UnitProfile profile,
    Map<NarrativeSection, String> sections,
    List<ProjectNote> projectNotes,
    List<ManualScore> manualScores) {

  public ReportNarrative {
    Objects.requireNonNull(profile, "profile");
    sections = sections.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(sections));
    projectNotes = List.copyOf(projectNotes);
    manualScores = List.copyOf(manualScores);
  }

  public Optional<String> section(NarrativeSection section) {
    return Optional.ofNullable(sections.get(section));
  }

  public Optional<ManualScore> manualScore(String indicatorId) {
    return manualScores.stream().filter(s -> s.indicatorId().equals(indicatorId)).findFirst();
  }

  public Optional<ProjectNote> projectNote(String project) {
    return projectNotes.stream().filter(n -> n.project().equals(project)).findFirst();
  }

  /** The texts a report needs that are not written yet, named as the report names them. */
  public List<String> missingForReport() {
    List<String> missing = new ArrayList<>();
    if (profile.unitName().isEmpty()) {
      missing.add("单位名称");
    }
    if (profile.functions().isEmpty()) {
      missing.add("部门职能概述");
    }
    if (profile.departments().isEmpty()) {
      missing.add("部门组织机构");
    }
    if (profile.staffing().isEmpty()) {
      missing.add("人员情况");
    }
    for (NarrativeSection section : NarrativeSection.values()) {
      if (section.required() && !sections.containsKey(section)) {
        missing.add(section.label());
      }
    }
    return missing;
  }
}
