package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaticFilesTest {
  @TempDir Path dir;
  private StaticFiles files;

  @BeforeEach
  void aWebFolderWithAFormPage() throws Exception {
    Path web = Files.createDirectories(dir.resolve("web"));
    Files.writeString(web.resolve("index.html"), "<h1>投诉</h1>");
    Files.writeString(web.resolve("form.js"), "void 0;");
    Files.writeString(dir.resolve("secret.txt"), "not for the web");
    files = new StaticFiles("/app/", web);
  }

  @Test
  void theFolderIndex_isServedAtThePrefix_asUtf8Html() {
    GatewayResponse response = files.serve("GET", "/app/").orElseThrow();

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers().get("content-type")).containsExactly("text/html; charset=utf-8");
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("<h1>投诉</h1>");
    assertThat(files.serve("GET", "/app/form.js").orElseThrow().headers().get("content-type"))
        .containsExactly("text/javascript; charset=utf-8");
  }

  @Test
  void thePrefixWithoutSlash_redirectsToIt() {
    GatewayResponse response = files.serve("GET", "/app").orElseThrow();

    assertThat(response.status()).isEqualTo(301);
    assertThat(response.headers().get("location")).isEqualTo(List.of("/app/"));
  }

  @Test
  void pathsLeavingTheFolder_orMissingFiles_are404() {
    assertThat(files.serve("GET", "/app/../secret.txt").orElseThrow().status()).isEqualTo(404);
    assertThat(files.serve("GET", "/app/%2e%2e/secret.txt").orElseThrow().status()).isEqualTo(404);
    assertThat(files.serve("GET", "/app/nope.html").orElseThrow().status()).isEqualTo(404);
  }

  @Test
  void otherPaths_areLeftToTheRoutes_andWritesAreRefused() {
    assertThat(files.serve("GET", "/complaints")).isEmpty();
    assertThat(files.serve("POST", "/app/").orElseThrow().status()).isEqualTo(405);
  }
}
