package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.report.model.ManualScore;
import cn.gov.liuyang.bizenv.report.model.NarrativeSection;
import cn.gov.liuyang.bizenv.report.model.ProjectNote;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import cn.gov.liuyang.bizenv.report.model.UnitProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON shape of staff's texts, the same in the API and in storage:
 *
 * <pre>{@code
 * {"profile": {"unitName", "functions", "departments", "staffing"},
 *  "sections": {"keyWorkPlan": "…", "performanceAnalysis": "…", …},
 *  "projectNotes": [{"project", "text"}],
 *  "manualScores": [{"indicator", "score", "note"}]}
 * }</pre>
 */
public final class NarrativeJson {
  private NarrativeJson() {}

  public static ObjectNode write(ReportNarrative narrative) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode profile = root.putObject("profile");
    narrative.profile().unitName().ifPresent(v -> profile.put("unitName", v));
    narrative.profile().functions().ifPresent(v -> profile.put("functions", v));
    narrative.profile().departments().ifPresent(v -> profile.put("departments", v));
    narrative.profile().staffing().ifPresent(v -> profile.put("staffing", v));
    ObjectNode sections = root.putObject("sections");
    for (NarrativeSection section : NarrativeSection.values()) {
      narrative.section(section).ifPresent(text -> sections.put(section.key(), text));
    }
    ArrayNode notes = root.putArray("projectNotes");
    for (ProjectNote note : narrative.projectNotes()) {
      notes.addObject().put("project", note.project()).put("text", note.text());
    }
    ArrayNode scores = root.putArray("manualScores");
    for (ManualScore score : narrative.manualScores()) {
      ObjectNode node = scores.addObject().put("indicator", score.indicatorId());
      node.put("score", score.score());
      score.note().ifPresent(note -> node.put("note", note));
    }
    return root;
  }

  /** Reads what {@link #write} wrote (stored data: trusted, not validated again). */
  public static ReportNarrative read(JsonNode root) {
    JsonNode profile = root.path("profile");
    Map<NarrativeSection, String> sections = new EnumMap<>(NarrativeSection.class);
    root.path("sections")
        .fields()
        .forEachRemaining(
            field ->
                NarrativeSection.ofKey(field.getKey())
                    .ifPresent(section -> sections.put(section, field.getValue().asText())));
    List<ProjectNote> notes = new ArrayList<>();
    for (JsonNode note : root.path("projectNotes")) {
      notes.add(new ProjectNote(note.path("project").asText(), note.path("text").asText()));
    }
    List<ManualScore> scores = new ArrayList<>();
    for (JsonNode score : root.path("manualScores")) {
      scores.add(
          new ManualScore(
              score.path("indicator").asText(),
              new BigDecimal(score.path("score").asText()),
              text(score, "note")));
    }
    return new ReportNarrative(
        new UnitProfile(
            text(profile, "unitName"),
            text(profile, "functions"),
            text(profile, "departments"),
            text(profile, "staffing")),
        sections,
        notes,
        scores);
  }

  private static Optional<String> text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }
}
