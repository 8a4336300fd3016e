package cn.gov.liuyang.bizenv.complaint.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A calendar entered from the State Council's notice is checked field by field; every problem comes
 * back at once with its field, a stable code and a Chinese message.
 */
class CalendarRequestsTest {

  @Test
  void theSaveEvent_readsAsTheCalendarItSays() {
    CalendarRequests.Save save = CalendarRequests.save(event("calendar-save.json"), 2031);

    CalendarEntry entry = save.entry();
    assertThat(save.expectedVersion()).isEqualTo(OptionalInt.of(0));
    assertThat(entry.year()).isEqualTo(2031);
    assertThat(entry.source()).startsWith("测试用虚构安排");
    assertThat(entry.daysOff())
        .containsExactly(
            new HolidayRange("元旦", date("2031-01-01"), date("2031-01-01")),
            new HolidayRange("劳动节", date("2031-05-01"), date("2031-05-05")));
    assertThat(entry.weekendWorkingDays()).containsExactly(date("2031-04-27"));
  }

  @Test
  void aMakeUpDayOnATuesday_isRefused_namingTheDayOfTheWeek() {
    List<FieldError> errors = errors(event("calendar-save-makeup-on-tuesday.json"));

    assertThat(errors)
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("weekendWorkingDays[1]", "NOT_A_WEEKEND"));
    assertThat(errors.get(0).message()).isEqualTo("2031-03-04 是星期二：调休上班日应为周六或周日（平常的工作日无需填写）");
  }

  @Test
  void everyProblem_comesBackAtOnce() {
    ObjectNode body = validBody();
    body.put("source", " ");
    body.put("year", 2030);
    body.put("confirmed", true);
    body.put("version", -1);
    ArrayNode ranges = body.putArray("daysOff");
    ranges.addObject().put("name", "元旦").put("from", "2031-01-01").put("to", "2031-01-03");
    ranges.addObject().put("name", "").put("from", "2031-02-30").put("to", "2031-02-02");
    ranges.addObject().put("name", "春节").put("from", "２０３１-01-22").put("to", "2031-01-28");
    ranges.addObject().put("name", "清明节").put("from", "2030-04-05").put("to", "2031-04-07");
    ranges.addObject().put("name", "劳动节").put("from", "2031-05-05").put("to", "2031-05-01");
    ranges.addObject().put("name", "又一个元旦").put("from", "2031-01-03").put("to", "2031-01-04");
    ranges.addObject().put("name", "国庆节").put("from", "2031-10-01").put("to", "2031-11-30");
    ranges.addObject().put("name", 7).put("from", "2031/06/01").put("to", 20310601);
    ranges.add("端午节");
    body.putArray("weekendWorkingDays")
        .add("2031-03-04")
        .add("2031-01-04")
        .add("2031-04-27")
        .add("2031-04-27")
        .add("2032-01-03")
        .add("");

    List<FieldError> errors = errors(bodyEvent(body));

    assertThat(errors)
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("year", "YEAR_MISMATCH"),
            tuple("source", "REQUIRED"),
            tuple("version", "TYPE_MISMATCH"),
            tuple("confirmed", "CONFIRM_SEPARATELY"),
            tuple("daysOff[1].name", "REQUIRED"),
            tuple("daysOff[1].from", "DATE_INVALID"),
            tuple("daysOff[2].from", "DIGITS_NOT_ASCII"),
            tuple("daysOff[3].from", "DATE_OUTSIDE_YEAR"),
            tuple("daysOff[4].to", "RANGE_REVERSED"),
            tuple("daysOff[5]", "RANGES_OVERLAP"),
            tuple("daysOff[6].to", "RANGE_TOO_LONG"),
            tuple("daysOff[7].name", "TYPE_MISMATCH"),
            tuple("daysOff[7].from", "DATE_INVALID"),
            tuple("daysOff[7].to", "TYPE_MISMATCH"),
            tuple("daysOff[8]", "TYPE_MISMATCH"),
            tuple("weekendWorkingDays[0]", "NOT_A_WEEKEND"),
            tuple("weekendWorkingDays[1]", "HOLIDAY_AND_WORKING_DAY"),
            tuple("weekendWorkingDays[3]", "DUPLICATE_DATE"),
            tuple("weekendWorkingDays[4]", "DATE_OUTSIDE_YEAR"),
            tuple("weekendWorkingDays[5]", "REQUIRED"));
    assertThat(errors).allSatisfy(e -> assertThat(e.message()).isNotBlank());
    assertThat(message(errors, "daysOff[5]")).isEqualTo("“又一个元旦”与第 1 段“元旦”的日期重叠");
    assertThat(message(errors, "weekendWorkingDays[1]"))
        .isEqualTo("2031-01-04 在“又一个元旦”放假期间内，不能同时是调休上班日");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2031-02-29", // 2031 is not a leap year
        "2031-13-01",
        "2031-1-1",
        "2031/01/01",
        "20310101",
        "2031年1月1日",
        "+2031-01-01",
        "2031-01-01T00:00"
      })
  void aDateThatIsNotARealIsoDate_isDateInvalid(String text) {
    ObjectNode body = validBody();
    ((ObjectNode) body.withArray("daysOff").get(0)).put("to", text);

    assertThat(errors(bodyEvent(body)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("daysOff[0].to", "DATE_INVALID"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"２０３１-01-01", "2031-0１-01", "٢٠٣١-01-01", "२०३१-01-01"})
  void digitsOtherThanAscii_areNamedAsSuch(String text) {
    ObjectNode body = validBody();
    ((ObjectNode) body.withArray("daysOff").get(0)).put("from", text);

    assertThat(errors(bodyEvent(body)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("daysOff[0].from", "DIGITS_NOT_ASCII"));
  }

  @Test
  void theListsMustBeThere_asLists_andNotEndless() {
    ObjectNode missing = validBody();
    missing.remove("daysOff");
    missing.remove("weekendWorkingDays");
    assertThat(errors(bodyEvent(missing)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("daysOff", "REQUIRED"), tuple("weekendWorkingDays", "REQUIRED"));

    ObjectNode wrong = validBody();
    wrong.put("daysOff", "元旦 1月1日");
    wrong.put("weekendWorkingDays", "2031-04-27");
    assertThat(errors(bodyEvent(wrong)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(
            tuple("daysOff", "TYPE_MISMATCH"), tuple("weekendWorkingDays", "TYPE_MISMATCH"));

    ObjectNode empty = validBody();
    empty.putArray("daysOff");
    empty.putArray("weekendWorkingDays");
    assertThat(errors(bodyEvent(empty)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("daysOff", "REQUIRED"));

    ObjectNode many = validBody();
    ArrayNode ranges = many.putArray("daysOff");
    ArrayNode days = many.putArray("weekendWorkingDays");
    for (int i = 1; i <= 21; i++) {
      String day = LocalDate.of(2031, 1, i).toString();
      ranges.addObject().put("name", "假" + i).put("from", day).put("to", day);
      days.add(day);
    }
    assertThat(errors(bodyEvent(many)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("daysOff", "TOO_MANY"), tuple("weekendWorkingDays", "TOO_MANY"));
  }

  @Test
  void namesAndSource_areRequiredAndBounded() {
    ObjectNode body = validBody();
    body.put("source", "通".repeat(201));
    body.put("note", "注".repeat(1001));
    ((ObjectNode) body.withArray("daysOff").get(0)).put("name", "节".repeat(21));
    ((ObjectNode) body.withArray("daysOff").get(1)).remove("name");

    assertThat(errors(bodyEvent(body)))
        .extracting(FieldError::field, FieldError::code)
        .containsExactlyInAnyOrder(
            tuple("source", "TOO_LONG"),
            tuple("note", "TOO_LONG"),
            tuple("daysOff[0].name", "TOO_LONG"),
            tuple("daysOff[1].name", "REQUIRED"));
  }

  @Test
  void aBodyYearEqualToThePath_andConfirmedFalse_areAccepted() {
    ObjectNode body = validBody();
    body.put("year", "2031");
    body.put("confirmed", false);
    body.remove("version");
    body.putArray("weekendWorkingDays");

    CalendarRequests.Save save = CalendarRequests.save(bodyEvent(body), 2031);

    assertThat(save.entry().weekendWorkingDays()).isEmpty();
    assertThat(save.expectedVersion()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"２０３１", "31", "1999", "2101", "abcd", "2031.0", " "})
  void theYearInThePath_isFourAsciiDigitsFrom2000To2100(String year) {
    HttpApiEvent event = withPath(event("calendar-read.json"), Map.of("year", year));

    ApiProblem problem = catchThrowableOfType(() -> CalendarRequests.year(event), ApiProblem.class);

    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.code()).isEqualTo("YEAR_INVALID");
  }

  @ParameterizedTest
  @ValueSource(strings = {"0", "-1", "x", "１", "1234567"})
  void aVersionToRead_isAPositiveWholeNumber(String version) {
    ObjectNode json = json("calendar-read.json");
    json.putObject("queryStringParameters").put("version", version);
    HttpApiEvent event = toEvent(json);

    ApiProblem problem =
        catchThrowableOfType(() -> CalendarRequests.version(event), ApiProblem.class);

    assertThat(problem.code()).isEqualTo("VERSION_INVALID");
  }

  @Test
  void aConfirmationNamesThePositiveVersionItChecked() {
    assertThat(CalendarRequests.confirmation(event("calendar-confirm.json"))).isEqualTo(1);

    ObjectNode none = json("calendar-confirm.json");
    none.put("body", "{}");
    assertThat(errors(() -> CalendarRequests.confirmation(toEvent(none))))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("version", "REQUIRED"));

    ObjectNode zero = json("calendar-confirm.json");
    zero.put("body", "{\"version\": 0}");
    assertThat(errors(() -> CalendarRequests.confirmation(toEvent(zero))))
        .extracting(FieldError::field, FieldError::code)
        .containsExactly(tuple("version", "TYPE_MISMATCH"));
  }

  @ParameterizedTest
  @ValueSource(ints = {2021, 2022, 2026})
  void theShippedFiles_passTheSameChecks(int year) throws IOException {
    ObjectNode file =
        (ObjectNode)
            Json.mapper()
                .readTree(
                    getClass()
                        .getResourceAsStream(
                            "/cn/gov/liuyang/bizenv/complaint/calendars/" + year + ".json"));
    file.remove("confirmed");
    ObjectNode event = json("calendar-save.json");
    ((ObjectNode) event.path("pathParameters")).put("year", Integer.toString(year));
    event.put("body", file.toString());

    CalendarRequests.Save save = CalendarRequests.save(toEvent(event), year);

    assertThat(save.entry())
        .isEqualTo(new ClasspathWorkingDayCalendars().shipped(year).orElseThrow().entry());
  }

  // ------------------------------------------------------------------ helpers

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  private static String message(List<FieldError> errors, String field) {
    return errors.stream().filter(e -> e.field().equals(field)).findFirst().orElseThrow().message();
  }

  static ObjectNode validBody() {
    try {
      return (ObjectNode) Json.mapper().readTree(json("calendar-save.json").path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static HttpApiEvent bodyEvent(ObjectNode body) {
    ObjectNode event = json("calendar-save.json");
    event.put("body", body.toString());
    return toEvent(event);
  }

  private static List<FieldError> errors(HttpApiEvent event) {
    return errors(() -> CalendarRequests.save(event, 2031));
  }

  private static List<FieldError> errors(Runnable parse) {
    ApiProblem problem = catchThrowableOfType(parse::run, ApiProblem.class);
    assertThat(problem).as("a 400 with field errors").isNotNull();
    assertThat(problem.status()).isEqualTo(400);
    assertThat(problem.code()).isEqualTo("VALIDATION_FAILED");
    return problem.errors();
  }

  private static HttpApiEvent withPath(HttpApiEvent event, Map<String, String> path) {
    ObjectNode json = Json.mapper().valueToTree(event);
    json.set("pathParameters", Json.mapper().valueToTree(path));
    return toEvent(json);
  }

  static HttpApiEvent event(String name) {
    return toEvent(json(name));
  }

  static HttpApiEvent toEvent(ObjectNode json) {
    return Json.mapper().convertValue(json, HttpApiEvent.class);
  }

  static ObjectNode json(String name) {
    try {
      return (ObjectNode)
          Json.mapper()
              .readTree(
                  Files.readAllBytes(
                      ProjectLayout.root().resolve("events/complaint-workflow").resolve(name)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
