package cn.gov.liuyang.bizenv.local.runner.function;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A function invocation that failed as Lambda would report it: the handler threw, or timed out. */
public final class FunctionError extends Exception {
  private final String functionName;
  private final String requestId;
  private final String errorType;

  FunctionError(
      String functionName, String requestId, String errorType, String message, Throwable cause) {
    super(message, cause);
    this.functionName = functionName;
    this.requestId = requestId;
    this.errorType = errorType;
  }

  public String functionName() {
    return functionName;
  }

  public String requestId() {
    return requestId;
  }

  public String errorType() {
    return errorType;
  }

  /** One log line: type and request id only, since exception messages may quote personal data. */
  public String logLine() {
    return "ERROR " + functionName + " request " + requestId + " failed: " + errorType;
  }

  /**
   * The error document Lambda returns for a failed invocation ({@code errorMessage}, {@code
   * errorType}).
   */
  public String lambdaErrorJson() {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("errorMessage", String.valueOf(getMessage()));
    error.put("errorType", errorType);
    try {
      return Json.mapper().writeValueAsString(error);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
