package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TrackingNumberTest {

  @Test
  void randomNumbers_areNineCharactersFromTheUnambiguousAlphabet_groupedInThrees() {
    TrackingNumber number = TrackingNumber.random();

    assertThat(number.value()).hasSize(9).matches("[23456789ABCDEFGHJKMNPQRSTVWXY]{9}");
    assertThat(number.display()).matches("[2-9A-Y]{3}-[2-9A-Y]{3}-[2-9A-Y]{3}");
  }

  @Test
  void parse_acceptsWhatPeopleType_lowerCaseSpacesAndHyphens() {
    assertThat(TrackingNumber.parse("k7m q4x-t9h")).contains(new TrackingNumber("K7MQ4XT9H"));
    assertThat(TrackingNumber.parse("K7M-Q4X-T9H").orElseThrow().display())
        .isEqualTo("K7M-Q4X-T9H");
  }

  @Test
  void parse_catchesEverySingleWrongCharacter() {
    String good = "K7MQ4XT9H";
    for (int position = 0; position < good.length(); position++) {
      for (char replacement : TrackingNumber.ALPHABET.toCharArray()) {
        if (replacement == good.charAt(position)) {
          continue;
        }
        String typo = good.substring(0, position) + replacement + good.substring(position + 1);
        assertThat(TrackingNumber.parse(typo)).as(typo).isEmpty();
      }
    }
  }

  @Test
  void parse_catchesEverySwapOfNeighbours_inManyRandomNumbers() {
    Random random = new Random(42);
    for (int i = 0; i < 2000; i++) {
      String number = TrackingNumber.random(random).value();
      for (int p = 0; p < number.length() - 1; p++) {
        if (number.charAt(p) == number.charAt(p + 1)) {
          continue;
        }
        char[] swapped = number.toCharArray();
        swapped[p] = number.charAt(p + 1);
        swapped[p + 1] = number.charAt(p);
        assertThat(TrackingNumber.parse(new String(swapped))).as(number).isEmpty();
      }
    }
  }

  @Test
  void parse_refusesLookAlikeCharactersAndWrongLengths() {
    assertThat(TrackingNumber.parse("K7MQ4XT90")).isEmpty();
    assertThat(TrackingNumber.parse("O7MQ4XT9H")).isEmpty();
    assertThat(TrackingNumber.parse("K7MQ4XT9")).isEmpty();
    assertThat(TrackingNumber.parse("")).isEmpty();
    assertThat(TrackingNumber.parse(null)).isEmpty();
  }

  @Test
  void randomNumbers_doNotRepeat() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 10_000; i++) {
      seen.add(TrackingNumber.random().value());
    }
    assertThat(seen).hasSize(10_000);
  }
}
