package cn.gov.liuyang.bizenv.common;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Configuration that template.yaml puts in a function's environment.
 *
 * <p>In Lambda it is the process environment. The local runner hosts every function in one JVM, so
 * it builds each handler inside {@link #withVariables} to give that handler its own variables,
 * exactly those that template.yaml declares for it.
 */
public final class Env {
  private static final ThreadLocal<Map<String, String>> OVERRIDES = new ThreadLocal<>();

  private Env() {}

  public static Optional<String> optional(String name) {
    Map<String, String> overrides = OVERRIDES.get();
    String value = overrides != null ? overrides.get(name) : System.getenv(name);
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }

  public static String require(String name) {
    return optional(name)
        .orElseThrow(
            () -> new IllegalStateException("environment variable " + name + " is not set"));
  }

  /**
   * Runs {@code factory} (typically a handler's no-argument constructor) seeing only {@code
   * variables}.
   */
  public static <T> T withVariables(Map<String, String> variables, Supplier<T> factory) {
    Map<String, String> previous = OVERRIDES.get();
    OVERRIDES.set(Map.copyOf(variables));
    try {
      return factory.get();
    } finally {
      if (previous == null) {
        OVERRIDES.remove();
      } else {
        OVERRIDES.set(previous);
      }
    }
  }
}
