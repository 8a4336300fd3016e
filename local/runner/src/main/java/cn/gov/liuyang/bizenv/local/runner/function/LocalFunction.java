package cn.gov.liuyang.bizenv.local.runner.function;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One function of template.yaml, hosted in this JVM like a warm Lambda container: its handler is
 * built once, by the class name the template gives, seeing only the environment Lambda would give
 * it (while it is constructed and while it runs).
 *
 * <p>A handler class that is not on the classpath (its module is not a dependency of the runner)
 * leaves the function unavailable rather than stopping the whole stack.
 */
public final class LocalFunction {
  private static final int DEFAULT_MEMORY_MB = 512;

  /** Lambda's synchronous invocation limits, in bytes (the response may be 100 bytes longer). */
  public static final int MAX_EVENT_BYTES = 6 * 1024 * 1024;

  public static final int MAX_RESPONSE_BYTES = MAX_EVENT_BYTES + 100;

  /** The error type of an event over {@link #MAX_EVENT_BYTES}, as Lambda's Invoke API names it. */
  public static final String EVENT_TOO_LARGE = "RequestEntityTooLargeException";

  private final String logicalId;
  private final Duration timeout;
  private final int memoryMb;
  private final RequestStreamHandler handler;
  private final Map<String, String> environment;
  private final String unavailableReason;
  private final Clock clock;

  private LocalFunction(
      String logicalId,
      Duration timeout,
      int memoryMb,
      RequestStreamHandler handler,
      Map<String, String> environment,
      String unavailableReason,
      Clock clock) {
    this.logicalId = logicalId;
    this.timeout = timeout;
    this.memoryMb = memoryMb;
    this.handler = handler;
    this.environment = Map.copyOf(environment);
    this.unavailableReason = unavailableReason;
    this.clock = clock;
  }

  /** Loads and constructs the handler that {@code definition} names, inside {@code environment}. */
  public static LocalFunction load(
      SamTemplate.Function definition, int memoryMb, Map<String, String> environment) {
    Duration timeout = Duration.ofSeconds(definition.timeoutSeconds());
    String className = definition.handlerClass();
    Class<?> type;
    try {
      type = Class.forName(className, true, Thread.currentThread().getContextClassLoader());
    } catch (ClassNotFoundException | NoClassDefFoundError | ExceptionInInitializerError e) {
      return unavailable(
          definition.logicalId(),
          timeout,
          "handler class "
              + className
              + " is not on the local runner's classpath (add its function module as a runtime"
              + " dependency of local/runner)");
    }
    if (!RequestStreamHandler.class.isAssignableFrom(type)) {
      return unavailable(
          definition.logicalId(), timeout, className + " does not implement RequestStreamHandler");
    }
    try {
      Constructor<?> constructor = type.getDeclaredConstructor();
      RequestStreamHandler handler =
          Env.withVariables(environment, () -> construct(constructor, className));
      return new LocalFunction(
          definition.logicalId(), timeout, memoryMb, handler, environment, null, Clock.systemUTC());
    } catch (NoSuchMethodException e) {
      return unavailable(definition.logicalId(), timeout, className + " has no no-arg constructor");
    } catch (IllegalStateException e) {
      return unavailable(definition.logicalId(), timeout, e.getMessage());
    }
  }

  /** A function backed by a handler built by the caller (tests, the gateway benchmark). */
  public static LocalFunction of(String logicalId, Duration timeout, RequestStreamHandler handler) {
    return new LocalFunction(
        logicalId, timeout, DEFAULT_MEMORY_MB, handler, Map.of(), null, Clock.systemUTC());
  }

  private static LocalFunction unavailable(String logicalId, Duration timeout, String reason) {
    return new LocalFunction(
        logicalId, timeout, DEFAULT_MEMORY_MB, null, Map.of(), reason, Clock.systemUTC());
  }

  private static RequestStreamHandler construct(Constructor<?> constructor, String className) {
    try {
      return (RequestStreamHandler) constructor.newInstance();
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      throw new IllegalStateException(
          "constructing "
              + className
              + " failed: "
              + cause.getClass().getName()
              + ": "
              + cause.getMessage(),
          cause);
    } catch (ReflectiveOperationException | LinkageError e) {
      throw new IllegalStateException("constructing " + className + " failed: " + e, e);
    }
  }

  public String logicalId() {
    return logicalId;
  }

  public boolean available() {
    return handler != null;
  }

  /** Why the function cannot run here, when it cannot. */
  public Optional<String> unavailableReason() {
    return Optional.ofNullable(unavailableReason);
  }

  /**
   * Runs the handler on one event and returns what it wrote. Lambda would stop a handler at its
   * timeout; here it runs to its end and the invocation then counts as timed out.
   *
   * @throws FunctionError when the event or the response exceeds Lambda's payload limit, or the
   *     handler throws or overruns its timeout
   */
  public byte[] invoke(byte[] event) throws FunctionError {
    if (handler == null) {
      throw new IllegalStateException(logicalId + " is unavailable: " + unavailableReason);
    }
    String requestId = UUID.randomUUID().toString();
    if (event.length > MAX_EVENT_BYTES) {
      throw new FunctionError(
          logicalId,
          requestId,
          EVENT_TOO_LARGE,
          "Request must be smaller than " + MAX_EVENT_BYTES + " bytes for the Invoke operation",
          null);
    }
    Instant start = clock.instant();
    LocalContext context =
        new LocalContext(requestId, logicalId, memoryMb, start.plus(timeout), clock);
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    // The handler also sees its own environment while it runs, should it read a variable lazily.
    Throwable failure =
        Env.withVariables(
            environment,
            () -> {
              try {
                handler.handleRequest(new ByteArrayInputStream(event), output, context);
                return null;
              } catch (Exception | LinkageError | StackOverflowError e) {
                return e;
              }
            });
    if (failure != null) {
      throw new FunctionError(
          logicalId, requestId, failure.getClass().getName(), failure.getMessage(), failure);
    }
    Duration elapsed = Duration.between(start, clock.instant());
    if (elapsed.compareTo(timeout) > 0) {
      throw new FunctionError(
          logicalId,
          requestId,
          "Sandbox.Timedout",
          String.format("Task timed out after %.2f seconds", timeout.toMillis() / 1000.0),
          null);
    }
    if (output.size() > MAX_RESPONSE_BYTES) {
      throw new FunctionError(
          logicalId,
          requestId,
          "Function.ResponseSizeTooLarge",
          "Response payload size exceeded maximum allowed payload size ("
              + MAX_RESPONSE_BYTES
              + " bytes).",
          null);
    }
    return output.toByteArray();
  }
}
