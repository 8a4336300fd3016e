package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/invoke}: one function, one event file, response on stdout. */
class InvokeIT {
  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int invoke(String... args) {
    Map<String, String> environment =
        Map.of(
            "BIZENV_TEMPLATE", TestStack.templateFile().toString(),
            "BIZENV_DATA_DIR", dataDir.toString());
    return Invoke.run(
        List.of(args),
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private static String eventFile() throws URISyntaxException {
    return Path.of(InvokeIT.class.getResource("/events/echo-get.json").toURI()).toString();
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutARunningStack_startsTheEmulatorsOnTheDataDirectory_andPrintsTheResponse()
      throws Exception {
    int exitCode = invoke("EchoFunction", eventFile());

    assertThat(exitCode).as(stderr()).isZero();
    JsonNode response = Json.mapper().readTree(stdout());
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(response.path("headers").path("x-greeting").asText()).isEqualTo("from-globals");
    JsonNode event = Json.mapper().readTree(response.path("body").asText());
    assertThat(event.path("pathParameters").path("itemId").asText()).isEqualTo("42");
    assertThat(dataDir.resolve("dynamodb")).isDirectory();
  }

  @Test
  void withARunningStack_pointsTheFunctionAtThatStacksEmulators() throws Exception {
    try (LocalBackend running =
        LocalBackend.start(LocalBackend.Options.inMemory(TestStack.template()))) {
      running.endpoints(Optional.of(dataDir)).write(dataDir.resolve(Endpoints.FILE_NAME));

      int exitCode = invoke("EchoFunction", eventFile());

      assertThat(exitCode).as(stderr()).isZero();
      assertThat(stderr()).contains("使用正在运行的本地后端");
      JsonNode response = Json.mapper().readTree(stdout());
      assertThat(response.path("headers").path("x-dynamodb-endpoint").asText())
          .isEqualTo(running.cloud().dynamoDb().endpoint().toString());
    }
  }

  @Test
  void anUnknownFunction_isOneLineNamingTheFunctionsThereAre() throws Exception {
    int exitCode = invoke("NoSuchFunction", eventFile());

    assertThat(exitCode).isEqualTo(1);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains("NoSuchFunction", "EchoFunction", "UploadIngestFunction");
  }

  @Test
  void anEventFileThatIsNotJson_isOneLine() throws Exception {
    Path notJson = Files.writeString(dataDir.resolve("bad.json"), "{oops");

    int exitCode = invoke("EchoFunction", notJson.toString());

    assertThat(exitCode).isEqualTo(1);
    assertThat(stderr()).contains("不是合法的 JSON").doesNotContain("Exception");
  }

  @Test
  void aFunctionWhoseClassIsMissing_saysSo() throws Exception {
    int exitCode = invoke("MissingFunction", eventFile());

    assertThat(exitCode).isEqualTo(1);
    assertThat(stderr()).contains("MissingFunction", "NotBuiltHandler");
    assertThat(stdout()).isEmpty();
  }

  @Test
  void aFunctionThatThrows_printsLambdasErrorDocument() throws Exception {
    Path sqsEvent =
        Files.writeString(
            dataDir.resolve("sqs.json"),
            "{\"Records\":[{\"messageId\":\"m1\",\"body\":\"{\\\"Records\\\":[{\\\"s3\\\":"
                + "{\\\"object\\\":{\\\"key\\\":\\\"incoming/always-fails.csv\\\"}}}]}\"}]}");

    int exitCode = invoke("UploadIngestFunction", sqsEvent.toString());

    assertThat(exitCode).isEqualTo(1);
    JsonNode error = Json.mapper().readTree(stdout());
    assertThat(error.path("errorType").asText()).isEqualTo("java.lang.IllegalStateException");
    assertThat(error.path("errorMessage").asText()).isEqualTo("cannot read this spreadsheet");
  }
}
