package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** The test template and a bounded wait for things that happen in the background. */
public final class TestStack {
  private TestStack() {}

  public static Path templateFile() {
    try {
      return Path.of(TestStack.class.getResource("/test-template.yaml").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  public static SamTemplate template() {
    return SamTemplate.load(templateFile());
  }

  /**
   * Waits (at most 30 s) until {@code condition} holds; fails the test with {@code what} if not.
   */
  public static void awaitUntil(String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("gave up waiting: " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting: " + what);
      }
    }
  }
}
