package cn.gov.liuyang.bizenv.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * CloudWatch metrics in the embedded metric format: one JSON line on standard output that
 * CloudWatch Logs turns into a metric, no API call and no library. Namespace {@value #NAMESPACE},
 * dimension {@code Function} (the Lambda function's name, which carries the stack's name, so two
 * deployments in one account stay apart; {@code local} on this machine).
 */
public final class Metrics {
  public static final String NAMESPACE = "Bizenv";

  /** CloudWatch units the metrics here use. */
  public enum Unit {
    COUNT("Count"),
    MILLISECONDS("Milliseconds");

    private final String cloudWatchName;

    Unit(String cloudWatchName) {
      this.cloudWatchName = cloudWatchName;
    }
  }

  // the metrics this code emits (docs/security.md, Operations)
  public static final String COMPLAINTS_FILED = "ComplaintsFiled";
  public static final String COMPLAINTS_REFUSED = "ComplaintsRefused";
  public static final String SUBMISSIONS_ACCEPTED = "SubmissionsAccepted";
  public static final String SUBMISSIONS_REJECTED = "SubmissionsRejected";
  public static final String REPORTS_GENERATED = "ReportsGenerated";
  public static final String REPORT_DURATION = "ReportDuration";

  private Metrics() {}

  /** One occurrence of {@code name}. */
  public static void count(String name) {
    put(name, 1, Unit.COUNT);
  }

  public static void put(String name, double value, Unit unit) {
    System.out.println(line(Clock.systemUTC().instant(), function(), name, value, unit));
  }

  static String line(Instant timestamp, String function, String name, double value, Unit unit) {
    ObjectNode root = Json.mapper().createObjectNode();
    ObjectNode aws = root.putObject("_aws");
    aws.put("Timestamp", timestamp.toEpochMilli());
    ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
    directive.put("Namespace", NAMESPACE);
    ArrayNode dimensions = directive.putArray("Dimensions").addArray();
    dimensions.add("Function");
    directive.putArray("Metrics").addObject().put("Name", name).put("Unit", unit.cloudWatchName);
    root.put("Function", function);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      root.put(name, (long) value);
    } else {
      root.put(name, value);
    }
    try {
      return Json.mapper().writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String function() {
    return Optional.ofNullable(System.getenv("AWS_LAMBDA_FUNCTION_NAME"))
        .filter(name -> !name.isBlank())
        .orElse("local");
  }
}
