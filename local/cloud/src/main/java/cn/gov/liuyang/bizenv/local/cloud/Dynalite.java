package cn.gov.liuyang.bizenv.local.cloud;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * DynamoDB on this machine: the dynalite server (npm, LevelDB) as a child process on 127.0.0.1.
 * Without a data directory it keeps everything in memory, which is what tests want.
 */
public final class Dynalite implements AutoCloseable {
  private final Process process;
  private final int port;

  private Dynalite(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  public static Dynalite start(int port, Optional<Path> dataDir) {
    Path cli = ProjectLayout.root().resolve("local/node_modules/dynalite/cli.js");
    if (!Files.isRegularFile(cli)) {
      throw new LocalCloudException(
          "缺少 dynalite（本地 DynamoDB）：请在项目根目录运行 `npm ci --prefix local`（bin/start 和 bin/test 会自动安装）。");
    }
    List<String> command = new ArrayList<>();
    command.add(node());
    command.add("-e");
    command.add(EXIT_WITH_PARENT.replace("CLI", jsString(cli.toString())));
    command.add("--");
    command.addAll(List.of("--host", "127.0.0.1", "--port", Integer.toString(port)));
    command.addAll(List.of("--createTableMs", "0", "--deleteTableMs", "0", "--updateTableMs", "0"));
    if (dataDir.isPresent()) {
      try {
        Files.createDirectories(dataDir.get());
      } catch (IOException e) {
        throw new LocalCloudException("无法创建数据目录 " + dataDir.get(), e);
      }
      command.addAll(List.of("--path", dataDir.get().toString()));
    }
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
    } catch (IOException e) {
      throw new LocalCloudException(
          "无法启动 Node.js（本地 DynamoDB 需要它）：请安装 Node.js 20 并确保 `node` 在 PATH 中。", e);
    }
    Dynalite dynalite = new Dynalite(process, port);
    if (!Ports.awaitListening(port, Duration.ofSeconds(20)) || !process.isAlive()) {
      dynalite.close();
      throw new LocalCloudException(
          "本地 DynamoDB（dynalite）未能在端口 " + port + " 启动：端口可能被占用，或数据目录被另一个进程锁定。");
    }
    return dynalite;
  }

  /**
   * Runs dynalite's cli.js, and ends it when this JVM's end of its stdin pipe closes: a JVM killed
   * without running its shutdown hooks must not leave an orphan node process holding a port.
   */
  private static final String EXIT_WITH_PARENT =
      "process.stdin.on('end', () => process.exit(0)); process.stdin.resume();"
          + " process.argv.splice(1, 0, 'dynalite'); require(CLI);";

  private static String jsString(String text) {
    return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }

  private static String node() {
    return Optional.ofNullable(System.getenv("NODE")).filter(s -> !s.isBlank()).orElse("node");
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
