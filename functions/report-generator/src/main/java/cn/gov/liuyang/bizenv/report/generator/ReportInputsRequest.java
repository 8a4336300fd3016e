package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.report.model.ManualScore;
import cn.gov.liuyang.bizenv.report.model.NarrativeSection;
import cn.gov.liuyang.bizenv.report.model.NarrativeTemplate;
import cn.gov.liuyang.bizenv.report.model.ProjectNote;
import cn.gov.liuyang.bizenv.report.model.ReportNarrative;
import cn.gov.liuyang.bizenv.report.model.UnitProfile;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code PUT /staff/reports/{unit}/{year}/inputs} into a {@link ReportNarrative},
 * collecting every problem (nested fields named with dots, e.g. {@code sections.problems}) so one
 * 400 lists them all.
 */
final class ReportInputsRequest {
  static final int MAX_BODY_BYTES = 200 * 1024;
  private static final int MAX_SECTION = 20_000;
  private static final Pattern INDICATOR_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final BigDecimal MAX_SCORE = BigDecimal.valueOf(100);

  private final JsonBody body;

  private ReportInputsRequest(JsonBody body) {
    this.body = body;
  }

  static ReportNarrative parse(HttpApiEvent event) {
    return new ReportInputsRequest(JsonBody.parse(event, MAX_BODY_BYTES)).narrative();
  }

  private ReportNarrative narrative() {
    if (!body.has("profile")
        && !body.has("sections")
        && !body.has("projectNotes")
        && !body.has("manualScores")) {
      throw ApiProblem.badRequest(
          "NOTHING_TO_SAVE", "请至少填写 profile、sections、projectNotes 或 manualScores 中的一项");
    }
    UnitProfile profile = profile();
    Map<NarrativeSection, String> sections = sections();
    List<ProjectNote> notes = projectNotes();
    List<ManualScore> scores = manualScores();
    body.throwIfInvalid();
    return new ReportNarrative(profile, sections, notes, scores);
  }

  private UnitProfile profile() {
    Optional<JsonBody> profile = object("profile", "部门概况");
    if (profile.isEmpty()) {
      return UnitProfile.EMPTY;
    }
    JsonBody p = profile.get();
    UnitProfile result =
        new UnitProfile(
            template(p.optionalText("unitName", "单位名称", 100), "profile.unitName"),
            template(p.optionalText("functions", "部门职能概述", MAX_SECTION), "profile.functions"),
            template(p.optionalText("departments", "部门组织机构", MAX_SECTION), "profile.departments"),
            template(p.optionalText("staffing", "人员情况", 2_000), "profile.staffing"));
    merge("profile", p);
    return result;
  }

  private Map<NarrativeSection, String> sections() {
    Map<NarrativeSection, String> sections = new EnumMap<>(NarrativeSection.class);
    Optional<JsonBody> node = object("sections", "报告文字");
    if (node.isEmpty()) {
      return sections;
    }
    JsonBody s = node.get();
    Iterator<String> names = ((ObjectNode) body.raw("sections")).fieldNames();
    while (names.hasNext()) {
      String name = names.next();
      Optional<NarrativeSection> section = NarrativeSection.ofKey(name);
      if (section.isEmpty()) {
        body.reject("sections." + name, "SECTION_UNKNOWN", "没有名为 " + name + " 的报告部分");
        continue;
      }
      template(s.optionalText(name, section.get().label(), MAX_SECTION), "sections." + name)
          .ifPresent(text -> sections.put(section.get(), text));
    }
    merge("sections", s);
    return sections;
  }

  private List<ProjectNote> projectNotes() {
    List<ProjectNote> notes = new ArrayList<>();
    Set<String> projects = new HashSet<>();
    List<JsonBody> items = array("projectNotes", "项目绩效说明", 50);
    for (int i = 0; i < items.size(); i++) {
      JsonBody item = items.get(i);
      String project = item.requiredText("project", "项目名称", 100);
      Optional<String> text =
          template(
              Optional.ofNullable(item.requiredText("text", "项目绩效说明", MAX_SECTION)),
              "projectNotes[" + i + "].text");
      merge("projectNotes[" + i + "]", item);
      if (project != null && !projects.add(project)) {
        body.reject(
            "projectNotes[" + i + "].project", "PROJECT_DUPLICATE", "项目“" + project + "”写了两次");
      } else if (project != null && text.isPresent()) {
        notes.add(new ProjectNote(project, text.get()));
      }
    }
    return notes;
  }

  private List<ManualScore> manualScores() {
    List<ManualScore> scores = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    List<JsonBody> items = array("manualScores", "人工评分", 100);
    for (int i = 0; i < items.size(); i++) {
      JsonBody item = items.get(i);
      String field = "manualScores[" + i + "]";
      String id = item.requiredText("indicator", "指标编号", 40);
      if (id != null && !INDICATOR_ID.matcher(id).matches()) {
        item.reject("indicator", "INDICATOR_INVALID", "指标编号只能由小写字母、数字和连字符组成");
        id = null;
      }
      Optional<BigDecimal> score = score(item);
      Optional<String> note = item.optionalText("note", "评分说明", 500);
      merge(field, item);
      if (id != null && !ids.add(id)) {
        body.reject(field + ".indicator", "INDICATOR_DUPLICATE", "指标“" + id + "”评了两次");
      } else if (id != null && score.isPresent()) {
        scores.add(new ManualScore(id, score.get(), note));
      }
    }
    return scores;
  }

  private static Optional<BigDecimal> score(JsonBody item) {
    JsonNode value = item.raw("score");
    if (value == null || value.isNull()) {
      item.reject("score", "REQUIRED", "请填写得分");
      return Optional.empty();
    }
    if (!value.isNumber()) {
      item.reject("score", "TYPE_MISMATCH", "得分应为数字");
      return Optional.empty();
    }
    BigDecimal score = value.decimalValue();
    if (score.signum() < 0
        || score.compareTo(MAX_SCORE) > 0
        || score.stripTrailingZeros().scale() > 1) {
      item.reject("score", "SCORE_INVALID", "得分应在 0 到 100 之间，最多一位小数");
      return Optional.empty();
    }
    return Optional.of(score);
  }

  /**
   * A text whose placeholders are all known; an unknown one is a field error, not a blank later.
   */
  private Optional<String> template(Optional<String> text, String field) {
    if (text.isPresent()) {
      List<String> unknown = NarrativeTemplate.unknownKeys(text.get());
      if (!unknown.isEmpty()) {
        body.reject(
            field,
            "PLACEHOLDER_UNKNOWN",
            "无法识别的数据占位符："
                + String.join("、", unknown.stream().map(k -> "{" + k + "}").toList())
                + "（可用的占位符见接口说明）");
        return Optional.empty();
      }
    }
    return text;
  }

  private Optional<JsonBody> object(String field, String label) {
    JsonNode node = body.raw(field);
    if (node == null || node.isNull()) {
      return Optional.empty();
    }
    if (!(node instanceof ObjectNode object)) {
      body.reject(field, "TYPE_MISMATCH", label + "应为 JSON 对象");
      return Optional.empty();
    }
    return Optional.of(JsonBody.of(object));
  }

  private List<JsonBody> array(String field, String label, int max) {
    JsonNode node = body.raw(field);
    List<JsonBody> items = new ArrayList<>();
    if (node == null || node.isNull()) {
      return items;
    }
    if (!node.isArray()) {
      body.reject(field, "TYPE_MISMATCH", label + "应为列表");
      return items;
    }
    if (node.size() > max) {
      body.reject(field, "TOO_MANY", label + "最多 " + max + " 项");
      return items;
    }
    for (int i = 0; i < node.size(); i++) {
      if (node.get(i) instanceof ObjectNode object) {
        items.add(JsonBody.of(object));
      } else {
        body.reject(field + "[" + i + "]", "TYPE_MISMATCH", label + "的每一项应为 JSON 对象");
      }
    }
    return items;
  }

  private void merge(String prefix, JsonBody nested) {
    for (FieldError error : nested.errors()) {
      body.reject(prefix + "." + error.field(), error.code(), error.message());
    }
  }
}
