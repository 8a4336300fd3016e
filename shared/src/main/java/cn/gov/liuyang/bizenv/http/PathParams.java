package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import java.util.Optional;

/**
 * The parameters staff routes take in their path or query, each read one way: one code and one
 * Chinese message per parameter, a 400 when it does not parse.
 */
public final class PathParams {
  static final String UNIT_MESSAGE = "单位代码应为 2–40 位小写字母、数字或连字符";
  static final String YEAR_MESSAGE = "年度应为 2000–2100 之间的四位数字";
  static final String SUBMISSION_ID_MESSAGE = "提交编号格式不正确";
  static final String VERSION_MESSAGE = "版本号应为正整数";

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

  private static FiscalYear year(String text) {
    return FiscalYear.parse(text)
        .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", YEAR_MESSAGE));
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

  private static int version(String text) {
    try {
      int version = Integer.parseInt(text);
      if (version >= 1) {
        return version;
      }
    } catch (NumberFormatException notANumber) {
      // same answer as a number below 1
    }
    throw ApiProblem.badRequest("VERSION_INVALID", VERSION_MESSAGE);
  }
}
