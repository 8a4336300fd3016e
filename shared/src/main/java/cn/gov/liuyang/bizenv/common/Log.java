package cn.gov.liuyang.bizenv.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;

/**
 * The one way the functions log: one JSON object per line, in the shape of Lambda's JSON log format
 * ({@code timestamp, level, message, requestId}) plus named fields, which CloudWatch Logs Insights
 * can filter on ({@code filter trackingNumber = "…"}). INFO goes to standard output, WARN and ERROR
 * to standard error; Lambda sends both to the function's log group and, with {@code LoggingConfig:
 * ApplicationLogLevel}, drops lines below the level set in template.yaml.
 *
 * <p>Fields carry identifiers, codes and counts, never personal data, tokens or a failure's message
 * (SDK and parser messages may quote the request): {@link #failure} gives a failure's class and
 * where in our code it happened.
 */
public final class Log {
  public enum Level {
    INFO,
    WARN,
    ERROR
  }

  private static final ThreadLocal<String> REQUEST_ID = new ThreadLocal<>();
  private static final String OUR_CODE = "cn.gov.liuyang";

  private Log() {}

  /** The request the current thread serves: Lambda's request id (the runtime's one at a time). */
  public static void forRequest(String requestId) {
    if (requestId == null || requestId.isBlank()) {
      REQUEST_ID.remove();
    } else {
      REQUEST_ID.set(requestId);
    }
  }

  public static void info(String message, Object... fields) {
    write(Level.INFO, message, fields);
  }

  public static void warn(String message, Object... fields) {
    write(Level.WARN, message, fields);
  }

  public static void error(String message, Object... fields) {
    write(Level.ERROR, message, fields);
  }

  /** A failure as two fields' values: its class and the first frame in our code. */
  public static String failure(Throwable failure) {
    return failure.getClass().getName() + " at " + firstFrame(failure);
  }

  /** Where it failed, without the message: SDK messages may echo request content. */
  public static String firstFrame(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      if (frame.getClassName().startsWith(OUR_CODE)) {
        return frame.getClassName() + ":" + frame.getLineNumber();
      }
    }
    return failure.getStackTrace().length > 0 ? failure.getStackTrace()[0].toString() : "?";
  }

  private static void write(Level level, String message, Object... fields) {
    String line = line(Clock.systemUTC().instant(), level, message, REQUEST_ID.get(), fields);
    // the stream at the time of writing: tests capture System.out and System.err
    PrintStream stream = level == Level.INFO ? System.out : System.err;
    stream.println(line);
  }

  /**
   * One line: {@code fields} are name, value pairs (a value's JSON form: text, number, boolean); a
   * pair without a name or with a reserved name is dropped, never an exception from logging.
   */
  static String line(
      Instant timestamp, Level level, String message, String requestId, Object... fields) {
    ObjectNode node = Json.mapper().createObjectNode();
    node.put("timestamp", timestamp.toString());
    node.put("level", level.name());
    node.put("message", message);
    if (requestId != null) {
      node.put("requestId", requestId);
    }
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (!(fields[i] instanceof String name) || node.has(name)) {
        continue;
      }
      Object value = fields[i + 1];
      if (value == null) {
        node.putNull(name);
      } else if (value instanceof Number || value instanceof Boolean) {
        node.set(name, Json.mapper().valueToTree(value));
      } else {
        node.put(name, value.toString());
      }
    }
    try {
      return Json.mapper().writeValueAsString(node);
    } catch (JsonProcessingException e) {
      return "{\"level\":\"ERROR\",\"message\":\"log line not writable\"}";
    }
  }
}
