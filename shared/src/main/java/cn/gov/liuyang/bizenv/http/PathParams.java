package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The parameters staff routes take in their path or query, each read one way: one code and one
 * Chinese message per parameter, a 400 when it does not parse (a tracking number that does not
 * parse names no complaint: 404).
 */
public final class PathParams {
  static final String UNIT_MESSAGE = "单位代码应为 2–40 位小写字母、数字或连字符";
  static final String YEAR_MESSAGE = "年度应为 2000–2100 之间的四位数字";
  static final String SUBMISSION_ID_MESSAGE = "提交编号格式不正确";
  static final String VERSION_MESSAGE = "版本号应为正整数";
  static final String INSTANT_MESSAGE = "应为带时区的 ISO 8601 时间，如 2021-10-01T00:00:00+08:00";
  static final String INSTANT_RANGE_MESSAGE = "应在 2000 年到 2100 年之间";
  static final String TRACKING_NUMBER_MESSAGE = "没有这个受理编号的投诉";
  private static final Pattern YEAR = Pattern.compile("[0-9]{4}");
  private static final Pattern VERSION = Pattern.compile("[0-9]{1,6}");

  private PathParams() {}

  /** {@code {unit}}: a unit code such as {@code lyyshj}. */
  public static UnitId unit(HttpApiEvent event) {
    return event
        .pathParameter("unit")
        .flatMap(UnitId::parse)
        .orElseThrow(() -> ApiProblem.badRequest("UNIT_INVALID", UNIT_MESSAGE));
  }

  /** {@code {year}}: a fiscal year. */
  public static FiscalYear year(HttpApiEvent event) {
    return year(event.pathParameter("year").orElse(""));
  }

  /** {@code ?year=}: a fiscal year, when given. */
  public static Optional<FiscalYear> yearQuery(HttpApiEvent event) {
    return event.queryParameter("year").map(PathParams::year);
  }

  /** Four ASCII digits (full-width digits are refused, as everywhere), 2000 to 2100. */
  private static FiscalYear year(String text) {
    return Optional.of(text.strip())
        .filter(t -> YEAR.matcher(t).matches())
        .flatMap(FiscalYear::parse)
        .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", YEAR_MESSAGE));
  }

  /**
   * {@code ?name=2021-10-01T00:00:00+08:00}: an ISO 8601 time with its zone (ASCII digits), in the
   * years 2000 to 2100, when given; otherwise 400 {@code DATE_INVALID} or {@code DATE_OUT_OF_RANGE}
   * with the parameter as the field at fault.
   */
  public static Optional<Instant> instantQuery(HttpApiEvent event, String name) {
    Optional<String> text = event.queryParameter(name);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    Instant instant;
    try {
      instant = OffsetDateTime.parse(text.get()).toInstant();
    } catch (DateTimeException | ArithmeticException e) {
      throw parameterProblem(name, "DATE_INVALID", INSTANT_MESSAGE);
    }
    int year = instant.atOffset(ZoneOffset.UTC).getYear();
    if (year < 2000 || year > 2100) {
      throw parameterProblem(name, "DATE_OUT_OF_RANGE", INSTANT_RANGE_MESSAGE);
    }
    return Optional.of(instant);
  }

  private static ApiProblem parameterProblem(String name, String code, String message) {
    return new ApiProblem(
        400, code, name + " " + message, List.of(new FieldError(name, code, message)), Map.of());
  }

  /** {@code {submissionId}}: a spending or ledger submission. */
  public static SubmissionId submissionId(HttpApiEvent event) {
    return event
        .pathParameter("submissionId")
        .flatMap(SubmissionId::parse)
        .orElseThrow(() -> ApiProblem.badRequest("SUBMISSION_ID_INVALID", SUBMISSION_ID_MESSAGE));
  }

  /** {@code ?version=n}: a saved version, 1 or more, when given. */
  public static Optional<Integer> versionQuery(HttpApiEvent event) {
    return event.queryParameter("version").map(PathParams::version);
  }

  /** One to six ASCII digits, 1 or more. */
  private static int version(String text) {
    if (VERSION.matcher(text).matches() && Integer.parseInt(text) >= 1) {
      return Integer.parseInt(text);
    }
    throw ApiProblem.badRequest("VERSION_INVALID", VERSION_MESSAGE);
  }

  /**
   * {@code {trackingNumber}} as the caller typed it, for use cases that answer an unknown and a
   * malformed number alike (the complainant's routes).
   */
  public static String trackingNumberText(HttpApiEvent event) {
    return event.pathParameter("trackingNumber").orElse("");
  }

  /**
   * {@code {trackingNumber}}: a complaint's number; one that does not parse names no complaint, so
   * 404 {@code COMPLAINT_NOT_FOUND}.
   */
  public static TrackingNumber trackingNumber(HttpApiEvent event) {
    return event
        .pathParameter("trackingNumber")
        .flatMap(TrackingNumber::parse)
        .orElseThrow(() -> ApiProblem.notFound("COMPLAINT_NOT_FOUND", TRACKING_NUMBER_MESSAGE));
  }
}
