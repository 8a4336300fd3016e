package cn.gov.liuyang.bizenv.spending.application;

import java.util.List;
import java.util.Optional;

/** The columns of a spending table, with the headings clerks give them. */
enum Column {
  YEAR("年度", false, List.of("年度", "预算年度", "年份", "所属年度")),
  TYPE("支出类型", true, List.of("支出类型", "支出性质", "支出类别", "类型", "经费类型", "经费类别", "支出分类")),
  PROJECT("项目名称", false, List.of("项目名称", "项目", "项目支出名称", "所属项目", "项目全称")),
  CODE(
      "经济分类科目编码",
      true,
      List.of(
          "经济分类科目编码",
          "经济分类编码",
          "经济分类代码",
          "经济分类科目代码",
          "经济科目编码",
          "科目编码",
          "经济分类科目",
          "经济分类",
          "经济科目",
          "经济科目代码",
          "科目代码",
          "部门预算支出经济分类科目",
          "支出经济分类",
          "支出经济分类科目")),
  NAME("经济分类科目名称", false, List.of("经济分类科目名称", "经济分类名称", "科目名称", "经济科目名称")),
  BUDGET(
      "预算数",
      false,
      List.of(
          "调整后预算数", "调整后预算", "全年预算数", "预算数", "年初预算数", "年初预算", "预算", "全年预算", "本年预算数", "年度预算数",
          "批复预算数", "预算安排数")),
  ACTUAL(
      "执行数",
      true,
      List.of(
          "执行数", "实际支出", "实际支出数", "决算数", "支出数", "全年执行数", "实际执行数", "本年支出", "本年支出数", "本年实际支出",
          "支出决算数", "决算支出", "本年决算数", "实际数", "全年支出", "累计支出", "累计执行数")),
  FUND_SOURCE("资金来源", false, List.of("资金来源", "资金性质", "经费来源"));

  private final String heading;
  private final boolean required;
  private final List<String> synonyms;

  Column(String heading, boolean required, List<String> synonyms) {
    this.heading = heading;
    this.required = required;
    this.synonyms = synonyms;
  }

  /** The heading the template uses, and that findings quote. */
  String heading() {
    return heading;
  }

  boolean required() {
    return required;
  }

  /** Which column a heading names, once units in brackets and spaces are set aside. */
  static Optional<Column> ofHeading(String text) {
    return match(text).map(Match::column);
  }

  /**
   * The column a heading names and how preferred that heading is (0 = first choice): with both
   * 调整后预算数 and 年初预算数 present, the adjusted budget is the budget.
   */
  static Optional<Match> match(String text) {
    String normalised = normalise(text);
    if (normalised.isEmpty()) {
      return Optional.empty();
    }
    for (Column column : values()) {
      int rank = column.synonyms.indexOf(normalised);
      if (rank >= 0) {
        return Optional.of(new Match(column, rank));
      }
    }
    return Optional.empty();
  }

  record Match(Column column, int rank) {}

  /**
   * The heading without units in brackets, spaces, 金额, or a year ("2021年决算数" names the 决算数 column;
   * the year is checked elsewhere).
   */
  static String normalise(String text) {
    return text.replaceAll("[（(][^）)]*[)）]", "")
        .replaceAll("[\\s*＊:：]", "")
        .replace("金额", "")
        .replaceAll("^(?:本年度?)?(?:19|20)[0-9]{2}年度?", "");
  }
}
