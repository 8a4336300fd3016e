package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The kind a ledger's 诉求类别 names. 咨询 (a question) counts as 意见建议: like a suggestion it asks the
 * office for nothing to be put right and solves no difficulty, and the report has no fourth bucket.
 * 投诉举报 in one cell counts as a complaint (the report counts 投诉举报 together anyway).
 */
public final class LedgerKinds {
  private static final Map<String, ComplaintKind> WORDS = new LinkedHashMap<>();

  static {
    put(ComplaintKind.COMPLAINT, "投诉", "投诉件", "投诉类", "投诉举报", "营商环境投诉", "投诉问题", "控告", "申诉");
    put(ComplaintKind.REPORT, "举报", "举报件", "举报类", "检举", "举报线索");
    put(
        ComplaintKind.SUGGESTION,
        "建议",
        "意见建议",
        "意见",
        "意见和建议",
        "意见及建议",
        "建议类",
        "咨询",
        "咨询类",
        "咨询建议",
        "建言献策",
        "政策咨询",
        "业务咨询",
        "表扬",
        "意见建议类");
    put(
        ComplaintKind.DIFFICULTY,
        "求助",
        "困难诉求",
        "困难",
        "求助类",
        "困难求助",
        "求助诉求",
        "企业诉求",
        "诉求",
        "困难问题",
        "帮扶",
        "困难帮扶",
        "企业困难",
        "困难诉求类",
        "求助件");
  }

  private LedgerKinds() {}

  private static void put(ComplaintKind kind, String... words) {
    for (String word : words) {
      WORDS.put(word, kind);
    }
  }

  /** The kind a cell names (投诉, 意见建议, 求助/困难诉求, COMPLAINT…), or empty. */
  public static Optional<ComplaintKind> parse(String text) {
    String word = text.replaceAll("[\\s\u3000（()）【】\\[\\]“”\"]", "").replaceAll("[类件]$", "");
    if (word.isEmpty()) {
      return Optional.empty();
    }
    ComplaintKind kind = WORDS.get(word);
    if (kind == null) {
      kind = WORDS.get(word + "类");
    }
    if (kind == null) {
      kind = ComplaintKind.parse(text.strip()).orElse(null);
    }
    if (kind == null && word.contains("/")) {
      // 建议/意见: every part the same kind
      ComplaintKind common = null;
      for (String part : word.split("/")) {
        ComplaintKind k = WORDS.get(part);
        if (k == null || (common != null && common != k)) {
          return Optional.empty();
        }
        common = k;
      }
      kind = common;
    }
    return Optional.ofNullable(kind);
  }

  /**
   * The one kind a sheet name or title names alone ("意见建议", "2023年困难诉求登记表"), if any. A general name
   * (诉求台账, 投诉举报台账) names none.
   */
  static Optional<ComplaintKind> namedIn(String title) {
    Map<String, ComplaintKind> names =
        Map.of(
            "投诉", ComplaintKind.COMPLAINT,
            "举报", ComplaintKind.REPORT,
            "建议", ComplaintKind.SUGGESTION,
            "咨询", ComplaintKind.SUGGESTION,
            "困难诉求", ComplaintKind.DIFFICULTY,
            "求助", ComplaintKind.DIFFICULTY);
    ComplaintKind found = null;
    for (Map.Entry<String, ComplaintKind> e : names.entrySet()) {
      if (title.contains(e.getKey())) {
        if (found != null && found != e.getValue()) {
          return Optional.empty();
        }
        found = e.getValue();
      }
    }
    return Optional.ofNullable(found);
  }
}
