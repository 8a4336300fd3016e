package cn.gov.liuyang.bizenv.report.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The line-breaking rule as a pure function of the text: where a line may end. */
class KinsokuTest {
  /**
   * A number with its unit, written independently of {@link Kinsoku}: sign, digits with decimal
   * point or thousands separators, then an optional space, 余/多 and unit.
   */
  static final Pattern NUMBER_WITH_UNIT =
      Pattern.compile(
          "[-−+]?[0-9０-９]+(?:[.,][0-9０-９]+)*"
              + "(?: ?[余多]?(?:个百分点|万元|亿元|万|元|%|％|‰|名|件|个|次|条|分|人|家|项|年|月|日|天))?");

  /** The gaps (after index i) where a line may break, shown as '|' in the text. */
  static String breaks(String text) {
    StringBuilder marked = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      marked.append(text.charAt(i));
      if (i + 1 < text.length() && Kinsoku.mayBreakAfter(text, i)) {
        marked.append('|');
      }
    }
    return marked.toString();
  }

  @Test
  void theReadersExample_breaksBeforeTheNumber_andAfterItsUnit_neverInside() {
    assertThat(breaks("其中基本支出184.9万元，项目支出200.6万元。"))
        .isEqualTo("其|中|基|本|支|出|184.9万元，|项|目|支|出|200.6万元。");
  }

  @Test
  void percentages_negativeNumbers_andSeparators_stayWhole() {
    assertThat(breaks("完成率98.64%，变动率-37.5%，增长+2.5%。"))
        .isEqualTo("完|成|率|98.64%，|变|动|率|-37.5%，|增|长|+2.5%。");
    assertThat(breaks("共计1,234,567.89元整")).isEqualTo("共|计|1,234,567.89元|整");
    assertThat(breaks("率为100.00％，")).isEqualTo("率|为|100.00％，");
  }

  @Test
  void aUnitOfTwoOrMoreCharacters_staysWithItsNumber_andWhole() {
    assertThat(breaks("资金60万元用于")).isEqualTo("资|金|60万元|用|于");
    assertThat(breaks("提高3个百分点以上")).isEqualTo("提|高|3个百分点|以|上");
    assertThat(breaks("走访30余家企业")).isEqualTo("走|访|30余家|企|业");
    assertThat(breaks("约5 万元左右")).isEqualTo("约|5 万元|左|右");
    assertThat(breaks("2021年度")).isEqualTo("2021年|度");
  }

  @Test
  void countsWithTheirMeasureWords_stayWhole() {
    assertThat(breaks("投诉举报14件，意见建议35条，困难诉求56个，会议9次，编制12名，得分99分"))
        .isEqualTo("投|诉|举|报|14件，|意|见|建|议|35条，|困|难|诉|求|56个，|会|议|9次，|编|制|12名，|得|分|99分");
  }

  @Test
  void withoutANumber_theUnitsCharactersBreakAsAnyHan() {
    assertThat(breaks("数万元的")).isEqualTo("数|万|元|的");
  }

  @Test
  void kinsoku_closingPunctuationNeverStartsALine_openingNeverEndsOne() {
    assertThat(breaks("见（附表）。“好”")).isEqualTo("见|（附|表）。|“好”");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "其中基本支出184.9万元，项目支出200.6万元，人员经费支出173.9万元，日常公用经费支出11万元。",
        "三公经费变动率-37.5%，控制率50%，完成率99.56%，满意度96.88%，受理率100%。",
        "办公费3.9万元，印刷费5.3万元，咨询费39.7万元，邮电费7万元，会议费1.6万元，共计1,234.56万元。",
        "收到投诉举报14件，意见建议35条，困难诉求56个，召开会议9次，编制12名，得分99分，30余家。",
      })
  void noGapInsideANumberWithItsUnit_mayBreak(String text) {
    List<String> broken = new ArrayList<>();
    Matcher number = NUMBER_WITH_UNIT.matcher(text);
    while (number.find()) {
      for (int i = number.start(); i < number.end() - 1; i++) {
        if (Kinsoku.mayBreakAfter(text, i)) {
          broken.add(
              text.substring(number.start(), i + 1) + "|" + text.substring(i + 1, number.end()));
        }
      }
    }
    assertThat(broken).isEmpty();
  }

  @Test
  void theSplitCharacter_answersAsThePureRule() {
    String text = "支出184.9万元，";
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      assertThat(Kinsoku.INSTANCE.isSplitCharacter(0, i, chars.length, chars, null))
          .as("after %s", text.substring(0, i + 1))
          .isEqualTo(Kinsoku.mayBreakAfter(text, i));
    }
  }
}
