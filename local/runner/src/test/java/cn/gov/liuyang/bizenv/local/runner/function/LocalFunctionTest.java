package cn.gov.liuyang.bizenv.local.runner.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.local.runner.TestStack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalFunctionTest {

  @Test
  void aHandlerIsBuiltOnce_byItsTemplateClassName_inItsEnvironment() throws Exception {
    var definition = TestStack.template().function("EchoFunction").orElseThrow();

    LocalFunction echo = LocalFunction.load(definition, 512, Map.of("GREETING", "你好"));
    String response =
        new String(
            echo.invoke("{\"rawPath\":\"/x\"}".getBytes(StandardCharsets.UTF_8)),
            StandardCharsets.UTF_8);

    assertThat(echo.available()).isTrue();
    assertThat(response).contains("\"x-greeting\":\"你好\"");
  }

  @Test
  void aMissingHandlerClass_leavesTheFunctionUnavailable_withTheReason() {
    var definition = TestStack.template().function("MissingFunction").orElseThrow();

    LocalFunction missing = LocalFunction.load(definition, 512, Map.of());

    assertThat(missing.available()).isFalse();
    assertThat(missing.unavailableReason()).hasValueSatisfying(r -> r.contains("NotBuiltHandler"));
  }

  @Test
  void aHandlerThatThrows_isAFunctionErrorNamingTheExceptionType() {
    LocalFunction failing =
        LocalFunction.of(
            "Failing",
            Duration.ofSeconds(3),
            (in, out, context) -> {
              throw new IllegalArgumentException("bad sheet");
            });

    assertThatThrownBy(() -> failing.invoke(new byte[] {'{', '}'}))
        .isInstanceOfSatisfying(
            FunctionError.class,
            e -> {
              assertThat(e.errorType()).isEqualTo("java.lang.IllegalArgumentException");
              assertThat(e.lambdaErrorJson())
                  .isEqualTo(
                      "{\"errorMessage\":\"bad"
                          + " sheet\",\"errorType\":\"java.lang.IllegalArgumentException\"}");
            });
  }

  @Test
  void aHandlerThatOverrunsItsTimeout_countsAsTimedOut() {
    LocalFunction slow =
        LocalFunction.of(
            "Slow",
            Duration.ofMillis(1),
            (in, out, context) -> {
              try {
                Thread.sleep(50);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    assertThatThrownBy(() -> slow.invoke(new byte[] {'{', '}'}))
        .isInstanceOfSatisfying(
            FunctionError.class, e -> assertThat(e.errorType()).isEqualTo("Sandbox.Timedout"));
  }

  @Test
  void eventsAndResponsesOverLambdasSixMegabytes_areRefused() {
    LocalFunction echo =
        LocalFunction.of("Echo", Duration.ofSeconds(3), (in, out, context) -> in.transferTo(out));
    LocalFunction bloated =
        LocalFunction.of(
            "Bloated",
            Duration.ofSeconds(3),
            (in, out, context) -> out.write(new byte[LocalFunction.MAX_RESPONSE_BYTES + 1]));

    assertThatThrownBy(() -> echo.invoke(new byte[LocalFunction.MAX_EVENT_BYTES + 1]))
        .isInstanceOfSatisfying(
            FunctionError.class,
            e -> assertThat(e.errorType()).isEqualTo(LocalFunction.EVENT_TOO_LARGE));
    assertThatThrownBy(() -> bloated.invoke(new byte[] {'{', '}'}))
        .isInstanceOfSatisfying(
            FunctionError.class,
            e -> assertThat(e.errorType()).isEqualTo("Function.ResponseSizeTooLarge"));
  }
}
