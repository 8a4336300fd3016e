package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.cloud.Ports;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/start}: what it prints, what it leaves behind, and how it refuses to start. */
class StartIT {
  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private Map<String, String> environment(int gatewayPort, int dynamoDbPort, int s3Port) {
    Map<String, String> environment = new HashMap<>();
    environment.put("BIZENV_TEMPLATE", TestStack.templateFile().toString());
    environment.put("BIZENV_DATA_DIR", dataDir.toString());
    environment.put("BIZENV_PORT", Integer.toString(gatewayPort));
    environment.put("BIZENV_DYNAMODB_PORT", Integer.toString(dynamoDbPort));
    environment.put("BIZENV_S3_PORT", Integer.toString(s3Port));
    return environment;
  }

  private int start(Map<String, String> environment, Consumer<LocalBackend> use) {
    return Start.run(
        environment,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8),
        (backend, stop) -> use.accept(backend));
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aRunningStack_printsWhereItIs_andWritesItsEndpoints_thenStopsCleanly() throws Exception {
    int gatewayPort = Ports.free();
    int dynamoDbPort = Ports.free();
    AtomicReference<Integer> status = new AtomicReference<>();
    AtomicReference<Boolean> endpointsWritten = new AtomicReference<>();

    int exitCode =
        start(
            environment(gatewayPort, dynamoDbPort, Ports.free()),
            backend -> {
              endpointsWritten.set(
                  Endpoints.read(dataDir.resolve(Endpoints.FILE_NAME))
                      .filter(e -> e.api().equals(backend.baseUrl()))
                      .isPresent());
              try {
                status.set(
                    HttpClient.newHttpClient()
                        .send(
                            HttpRequest.newBuilder(backend.baseUrl().resolve("/public/items/1"))
                                .build(),
                            HttpResponse.BodyHandlers.discarding())
                        .statusCode());
              } catch (Exception e) {
                throw new AssertionError(e);
              }
            });

    assertThat(exitCode).as(stderr()).isZero();
    assertThat(status.get()).isEqualTo(200);
    assertThat(endpointsWritten.get()).isTrue();
    String banner = out.toString(StandardCharsets.UTF_8);
    assertThat(banner)
        .contains("http://127.0.0.1:" + gatewayPort)
        .contains(dataDir.toString())
        .contains("http://127.0.0.1:" + dynamoDbPort)
        .contains(TryItExample.curl(URI.create("http://127.0.0.1:" + gatewayPort)))
        .contains("bin/staff-token");
    // the demo Open311 partner's key, kept in the data directory (owner-only) and printed
    String demoKey = Files.readString(Open311DemoKey.file(dataDir)).strip();
    assertThat(demoKey).startsWith("o311-demo-");
    assertThat(banner).contains("x-api-key: " + demoKey);
    assertThat(Open311DemoKey.loadOrCreate(dataDir).key()).isEqualTo(demoKey);
    assertThat(stderr()).contains("MissingFunction");
    assertThat(dataDir.resolve(Endpoints.FILE_NAME)).doesNotExist();
    assertThat(Ports.isFree(gatewayPort)).isTrue();
    assertThat(Ports.isFree(dynamoDbPort)).as("dynalite stopped").isTrue();
  }

  @Test
  void aBusyPort_isOneLineNamingThePortAndTheVariableToChange() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exitCode =
          start(environment(busy.getLocalPort(), Ports.free(), Ports.free()), backend -> {});

      assertThat(exitCode).isEqualTo(1);
      assertThat(stderr().strip().lines()).hasSize(1);
      assertThat(stderr())
          .contains("端口 " + busy.getLocalPort() + " 已被占用")
          .contains("BIZENV_PORT")
          .doesNotContain("Exception");
    }
  }

  @Test
  void aBusyEmulatorPort_namesItsOwnVariable() throws Exception {
    try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int exitCode =
          start(environment(Ports.free(), busy.getLocalPort(), Ports.free()), backend -> {});

      assertThat(exitCode).isEqualTo(1);
      assertThat(stderr().strip().lines()).hasSize(1);
      assertThat(stderr()).contains("BIZENV_DYNAMODB_PORT");
    }
  }

  @Test
  void missingNodeJs_isOneLineSayingWhatToInstall_andExitCode1() throws Exception {
    ProcessBuilder start =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Start.class.getName())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD);
    start.environment().putAll(environment(Ports.free(), Ports.free(), Ports.free()));
    start.environment().put("NODE", dataDir.resolve("no-such-node").toString());

    Process process = start.start();
    String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);

    assertThat(process.waitFor()).isEqualTo(1);
    assertThat(stderr.strip().lines()).hasSize(1);
    assertThat(stderr).contains("Node.js").doesNotContain("Exception");
  }

  @Test
  void aPortThatIsNotANumber_isOneLine() {
    Map<String, String> environment = environment(Ports.free(), Ports.free(), Ports.free());
    environment.put("BIZENV_S3_PORT", "nine-thousand");

    int exitCode = start(environment, backend -> {});

    assertThat(exitCode).isEqualTo(1);
    assertThat(stderr().strip().lines()).hasSize(1);
    assertThat(stderr()).contains("BIZENV_S3_PORT=nine-thousand");
  }
}
