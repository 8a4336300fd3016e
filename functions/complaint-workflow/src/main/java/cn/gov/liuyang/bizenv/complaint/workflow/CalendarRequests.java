package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Reads the calendar routes' requests. A calendar body is checked as a whole and every problem is
 * reported at once, each with its field ({@code daysOff[2].to}, {@code weekendWorkingDays[0]}), a
 * stable code and a Chinese sentence:
 *
 * <pre>{@code
 * {"source": "国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕…号）",
 *  "daysOff": [{"name": "元旦", "from": "2027-01-01", "to": "2027-01-03"}, …],
 *  "weekendWorkingDays": ["2027-…", …],
 *  "note": "…", "version": 0}
 * }</pre>
 */
final class CalendarRequests {
  static final int MAX_BODY_BYTES = 32 * 1024;
  static final int MAX_RANGES = 20;
  static final int MAX_WORKING_DAYS = 20;
  static final int MAX_RANGE_DAYS = 31;
  static final int MAX_SOURCE = 200;
  static final int MAX_NOTE = 1000;
  static final int MAX_NAME = 20;

  private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
  private static final DateTimeFormatter STRICT_DATE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final String[] WEEKDAYS = {"星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日"};

  private CalendarRequests() {}

  /** The {@code year} path parameter: four ASCII digits, 2000 to 2100. */
  static int year(HttpApiEvent event) {
    return PathParams.year(event).value();
  }

  /** The optional {@code ?version=} of a read: a positive whole number. */
  static OptionalInt version(HttpApiEvent event) {
    return PathParams.versionQuery(event).map(OptionalInt::of).orElseGet(OptionalInt::empty);
  }

  /** A calendar to save, and the version its author started from, when sent. */
  record Save(CalendarEntry entry, OptionalInt expectedVersion) {}

  static Save save(HttpApiEvent event, int year) {
    JsonBody body = JsonBody.parse(event, MAX_BODY_BYTES);
    if (body.has("year")) {
      JsonNode raw = body.raw("year");
      boolean same =
          (raw.isIntegralNumber() && raw.canConvertToInt() && raw.intValue() == year)
              || (raw.isTextual() && raw.asText().strip().equals(Integer.toString(year)));
      if (!same) {
        body.reject("year", "YEAR_MISMATCH", "正文中的年份与地址中的 " + year + " 年不一致");
      }
    }
    String source = body.requiredText("source", "通知名称及文号", MAX_SOURCE);
    Optional<String> note = body.optionalText("note", "备注", MAX_NOTE);
    OptionalInt expected = versionField(body, "version", false);
    if (body.has("confirmed")
        && !(body.raw("confirmed").isBoolean() && !body.raw("confirmed").booleanValue())) {
      body.reject("confirmed", "CONFIRM_SEPARATELY", "保存的新版本一律为“待核对”：核对通知原文后，请由另一位同事用“确认”操作确认");
    }
    List<HolidayRange> ranges = daysOff(body, year);
    List<LocalDate> working = weekendWorkingDays(body, year, ranges);
    body.throwIfInvalid();
    return new Save(new CalendarEntry(year, source, note, ranges, working), expected);
  }

  /** The confirmation's body: the version the officer compared with the notice. */
  static int confirmation(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 1024);
    OptionalInt version = versionField(body, "version", true);
    body.throwIfInvalid();
    return version.orElseThrow();
  }

  private static OptionalInt versionField(JsonBody body, String field, boolean required) {
    if (!body.has(field)) {
      if (required) {
        body.reject(field, "REQUIRED", "请填写所核对的版本号（version）");
      }
      return OptionalInt.empty();
    }
    JsonNode raw = body.raw(field);
    int lowest = required ? 1 : 0;
    if (raw.isIntegralNumber()
        && raw.canConvertToInt()
        && raw.intValue() >= lowest
        && raw.intValue() <= 999_999) {
      return OptionalInt.of(raw.intValue());
    }
    body.reject(
        field, "TYPE_MISMATCH", required ? "版本号应为正整数" : "版本号应为 0 或正整数（尚无保存的版本时填 0，否则填所依据的版本号）");
    return OptionalInt.empty();
  }

  /**
   * The well-formed ranges, in the order sent (overlapping ones too: the body is then invalid and
   * they only serve to check the make-up days); every problem recorded on {@code body}.
   */
  private static List<HolidayRange> daysOff(JsonBody body, int year) {
    List<HolidayRange> ranges = new ArrayList<>();
    if (!body.has("daysOff")) {
      body.reject("daysOff", "REQUIRED", "请填写放假安排：每个节日的名称和起止日期");
      return ranges;
    }
    JsonNode list = body.raw("daysOff");
    if (!list.isArray()) {
      body.reject(
          "daysOff", "TYPE_MISMATCH", "放假安排应为列表，每项形如 {\"name\":\"元旦\",\"from\":…,\"to\":…}");
      return ranges;
    }
    if (list.isEmpty()) {
      body.reject("daysOff", "REQUIRED", "请填写放假安排：每个节日的名称和起止日期");
      return ranges;
    }
    if (list.size() > MAX_RANGES) {
      body.reject("daysOff", "TOO_MANY", "放假安排不能超过 " + MAX_RANGES + " 段");
      return ranges;
    }
    List<Integer> indexes = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String field = "daysOff[" + i + "]";
      JsonNode item = list.get(i);
      if (!item.isObject()) {
        body.reject(field, "TYPE_MISMATCH", "每段放假安排应形如 {\"name\":\"元旦\",\"from\":…,\"to\":…}");
        continue;
      }
      String name = name(body, item, field + ".name");
      LocalDate from = date(body, item.get("from"), field + ".from", year, "开始日期");
      LocalDate to = date(body, item.get("to"), field + ".to", year, "结束日期");
      if (from == null || to == null) {
        continue;
      }
      if (from.isAfter(to)) {
        body.reject(field + ".to", "RANGE_REVERSED", "结束日期 " + to + " 早于开始日期 " + from);
        continue;
      }
      if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_RANGE_DAYS) {
        body.reject(field + ".to", "RANGE_TOO_LONG", "一段假期不超过 " + MAX_RANGE_DAYS + " 天，请核对起止日期");
        continue;
      }
      // a range without a valid name is still checked against the others
      HolidayRange range = new HolidayRange(name == null ? "第 " + (i + 1) + " 段" : name, from, to);
      for (int j = 0; j < ranges.size(); j++) {
        HolidayRange earlier = ranges.get(j);
        if (earlier.overlaps(range)) {
          body.reject(
              field,
              "RANGES_OVERLAP",
              "“"
                  + range.name()
                  + "”与第 "
                  + (indexes.get(j) + 1)
                  + " 段“"
                  + earlier.name()
                  + "”的日期重叠");
          break;
        }
      }
      ranges.add(range);
      indexes.add(i);
    }
    return ranges;
  }

  private static String name(JsonBody body, JsonNode item, String field) {
    JsonNode raw = item.get("name");
    if (raw == null || raw.isNull()) {
      body.reject(field, "REQUIRED", "请填写节日名称，如 春节");
      return null;
    }
    if (!raw.isTextual()) {
      body.reject(field, "TYPE_MISMATCH", "节日名称应为文字");
      return null;
    }
    String name = raw.asText().strip();
    if (name.isEmpty()) {
      body.reject(field, "REQUIRED", "请填写节日名称，如 春节");
      return null;
    }
    if (name.codePointCount(0, name.length()) > MAX_NAME) {
      body.reject(field, "TOO_LONG", "节日名称不能超过 " + MAX_NAME + " 个字");
      return null;
    }
    return name;
  }

  private static List<LocalDate> weekendWorkingDays(
      JsonBody body, int year, List<HolidayRange> ranges) {
    List<LocalDate> days = new ArrayList<>();
    if (!body.has("weekendWorkingDays")) {
      body.reject("weekendWorkingDays", "REQUIRED", "请填写调休上班的周末日期；通知中没有调休上班日时填空列表 []");
      return days;
    }
    JsonNode list = body.raw("weekendWorkingDays");
    if (!list.isArray()) {
      body.reject("weekendWorkingDays", "TYPE_MISMATCH", "调休上班日应为日期列表，如 [\"2027-02-06\"]");
      return days;
    }
    if (list.size() > MAX_WORKING_DAYS) {
      body.reject("weekendWorkingDays", "TOO_MANY", "调休上班日不能超过 " + MAX_WORKING_DAYS + " 天");
      return days;
    }
    for (int i = 0; i < list.size(); i++) {
      String field = "weekendWorkingDays[" + i + "]";
      LocalDate day = date(body, list.get(i), field, year, "调休上班日");
      if (day == null) {
        continue;
      }
      if (!CalendarEntry.isWeekend(day)) {
        body.reject(
            field,
            "NOT_A_WEEKEND",
            day + " 是" + WEEKDAYS[day.getDayOfWeek().getValue() - 1] + "：调休上班日应为周六或周日（平常的工作日无需填写）");
        continue;
      }
      Optional<HolidayRange> holiday = ranges.stream().filter(r -> r.contains(day)).findFirst();
      if (holiday.isPresent()) {
        body.reject(
            field,
            "HOLIDAY_AND_WORKING_DAY",
            day + " 在“" + holiday.get().name() + "”放假期间内，不能同时是调休上班日");
        continue;
      }
      if (days.contains(day)) {
        body.reject(field, "DUPLICATE_DATE", day + " 已经填过一次");
        continue;
      }
      days.add(day);
    }
    return days;
  }

  /**
   * A date of {@code year} written as {@code 2027-01-01} in ASCII digits, or null once rejected.
   */
  private static LocalDate date(JsonBody body, JsonNode raw, String field, int year, String label) {
    if (raw == null || raw.isNull()) {
      body.reject(field, "REQUIRED", "请填写" + label + "，如 " + year + "-01-01");
      return null;
    }
    if (!raw.isTextual()) {
      body.reject(field, "TYPE_MISMATCH", label + "应写成文字形式的日期，如 \"" + year + "-01-01\"");
      return null;
    }
    String text = raw.asText().strip();
    if (text.isEmpty()) {
      body.reject(field, "REQUIRED", "请填写" + label + "，如 " + year + "-01-01");
      return null;
    }
    if (text.codePoints().anyMatch(c -> Character.isDigit(c) && (c < '0' || c > '9'))) {
      body.reject(field, "DIGITS_NOT_ASCII", label + "请用半角数字书写，如 " + year + "-01-01（不要用全角数字）");
      return null;
    }
    LocalDate date;
    try {
      if (!ISO_DATE.matcher(text).matches()) {
        throw new DateTimeParseException("not yyyy-MM-dd", text, 0);
      }
      date = LocalDate.parse(text, STRICT_DATE);
    } catch (DateTimeParseException e) {
      body.reject(field, "DATE_INVALID", label + "应为真实存在的日期，写成 " + year + "-01-01 这样的格式");
      return null;
    }
    if (date.getYear() != year) {
      body.reject(field, "DATE_OUTSIDE_YEAR", label + " " + date + " 不在 " + year + " 年内");
      return null;
    }
    return date;
  }
}
