package cn.gov.liuyang.bizenv.common;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LogTest {
  private static final Instant AT = Instant.parse("2026-12-06T20:00:00Z");

  @Test
  void aLine_isOneJsonObjectInLambdasJsonLogShape_withTheFieldsTyped() throws Exception {
    String line =
        Log.line(
            AT,
            Log.Level.WARN,
            "calendar missing",
            "req-1",
            "year",
            2027,
            "known",
            false,
            "k",
            "v");

    assertThat(line).doesNotContain("\n");
    JsonNode json = Json.mapper().readTree(line);
    assertThat(json.path("timestamp").asText()).isEqualTo("2026-12-06T20:00:00Z");
    assertThat(json.path("level").asText()).isEqualTo("WARN");
    assertThat(json.path("message").asText()).isEqualTo("calendar missing");
    assertThat(json.path("requestId").asText()).isEqualTo("req-1");
    assertThat(json.path("year").isInt()).isTrue();
    assertThat(json.path("known").isBoolean()).isTrue();
    assertThat(json.path("k").asText()).isEqualTo("v");
  }

  @Test
  void aFieldMayNotReplaceLevelMessageOrRequestId_andAnUnpairedNameIsDropped() throws Exception {
    JsonNode json =
        Json.mapper()
            .readTree(
                Log.line(
                    AT, Log.Level.INFO, "m", "req-1", "level", "DEBUG", "requestId", "x", "odd"));

    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("requestId").asText()).isEqualTo("req-1");
    assertThat(json.has("odd")).isFalse();
  }

  @Test
  void quotesNewlinesAndControlCharactersInAValue_stayInsideTheOneLine() throws Exception {
    String line =
        Log.line(AT, Log.Level.INFO, "m\n{\"level\":\"ERROR\"}", null, "key", "a\"b\r\nc");

    assertThat(line.lines()).hasSize(1);
    JsonNode json = Json.mapper().readTree(line);
    assertThat(json.path("level").asText()).isEqualTo("INFO");
    assertThat(json.path("key").asText()).isEqualTo("a\"b\r\nc");
    assertThat(json.has("requestId")).isFalse();
  }

  @Test
  void aFailure_isItsClassAndOurFrame_neverItsMessage() {
    RuntimeException failure = new IllegalStateException("联系人 张三 13812345678");

    assertThat(Log.failure(failure))
        .startsWith("java.lang.IllegalStateException at cn.gov.liuyang.bizenv.common.LogTest:")
        .doesNotContain("张三", "13812345678");
  }

  @Test
  void infoGoesToStandardOutput_warningsAndErrorsToStandardError_withTheRequestId()
      throws Exception {
    PrintStream out = System.out;
    PrintStream err = System.err;
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
      Log.forRequest("lambda-request-7");
      Log.info("complaint filed", "trackingNumber", "K7MQ4XT9H");
      Log.error("request failed", "failure", "x");
    } finally {
      Log.forRequest(null);
      System.setOut(out);
      System.setErr(err);
    }

    JsonNode info = Json.mapper().readTree(stdout.toString(StandardCharsets.UTF_8));
    JsonNode error = Json.mapper().readTree(stderr.toString(StandardCharsets.UTF_8));
    assertThat(info.path("level").asText()).isEqualTo("INFO");
    assertThat(info.path("requestId").asText()).isEqualTo("lambda-request-7");
    assertThat(error.path("level").asText()).isEqualTo("ERROR");
    assertThat(error.path("requestId").asText()).isEqualTo("lambda-request-7");
  }
}
