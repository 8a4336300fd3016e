package cn.gov.liuyang.bizenv.report.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Staff text with figures in braces, e.g. {@code 收到投诉举报{complaints.complaintsAndReports}件}; the
 * report fills them from the data so a narrative never restates a figure by hand.
 */
public final class NarrativeTemplate {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,80})}");

  /** The figures every year has; {@code project.<项目名称>} adds one per project. */
  public static final Set<String> FIXED_KEYS =
      Set.of(
          "year",
          "unit",
          "spending.total",
          "spending.fiscal",
          "spending.basic",
          "spending.project",
          "spending.personnel",
          "spending.publicOperating",
          "spending.budget",
          "spending.budgetCompletionRate",
          "spending.sanGong",
          "staffing.authorized",
          "staffing.onPayroll",
          "staffing.controlRate",
          "complaints.received",
          "complaints.complaintsAndReports",
          "complaints.suggestions",
          "complaints.difficulties",
          "complaints.accepted",
          "complaints.acceptanceRate",
          "complaints.closed",
          "complaints.meetings",
          "complaints.difficultiesResolved",
          "score.total",
          "score.grade");

  public static final String PROJECT_PREFIX = "project.";

  private NarrativeTemplate() {}

  /** Placeholders in {@code text} that are neither a fixed key nor a {@code project.} key. */
  public static List<String> unknownKeys(String text) {
    List<String> unknown = new ArrayList<>();
    for (String key : keys(text)) {
      if (!FIXED_KEYS.contains(key)
          && !(key.startsWith(PROJECT_PREFIX) && key.length() > PROJECT_PREFIX.length())) {
        unknown.add(key);
      }
    }
    return unknown;
  }

  public static Set<String> keys(String text) {
    Set<String> keys = new LinkedHashSet<>();
    Matcher matcher = PLACEHOLDER.matcher(text);
    while (matcher.find()) {
      keys.add(matcher.group(1));
    }
    return keys;
  }

  /** Fills every placeholder; one without a value is an input problem, never left in the text. */
  public static String fill(String text, Map<String, String> values, List<String> problems) {
    Matcher matcher = PLACEHOLDER.matcher(text);
    StringBuilder filled = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      if (value == null) {
        problems.add("占位符 {" + matcher.group(1) + "} 没有对应的数据");
        value = matcher.group();
      }
      matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(filled);
    return filled.toString();
  }
}
