package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.cloud.LocalCredentials;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.s3events.S3UploadNotifications;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;

/**
 * {@code bin/start}: the whole backend on this machine until Ctrl-C, data kept in {@code
 * .local-data/}. Anything that stops it from starting is reported in one line, with what to do.
 */
public final class Start {
  private Start() {}

  public static void main(String[] args) {
    LocalJvm.prepare();
    int exitCode = run(System.getenv(), System.out, System.err, Start::runUntilStopped);
    if (exitCode != 0) {
      System.exit(exitCode);
    }
  }

  /**
   * Starts the stack, prints how to use it, and hands it with its (idempotent) stop action to
   * {@code whileRunning}; stops it when that returns.
   *
   * @return the process exit code
   */
  static int run(
      Map<String, String> environment,
      PrintStream out,
      PrintStream err,
      BiConsumer<LocalBackend, Runnable> whileRunning) {
    LocalBackend backend;
    LocalSettings settings;
    try {
      settings = LocalSettings.from(environment);
      Ports.requireFree(settings.gatewayPort(), "本地 API 网关", LocalSettings.PORT);
      Ports.requireFree(settings.dynamoDbPort(), "本地 DynamoDB", LocalSettings.DYNAMODB_PORT);
      Ports.requireFree(settings.s3Port(), "本地 S3", LocalSettings.S3_PORT);
      Path web = settings.root().resolve("web");
      backend =
          LocalBackend.start(
              new LocalBackend.Options(
                  SamTemplate.load(settings.template()),
                  Optional.of(settings.dataDir()),
                  settings.gatewayPort(),
                  settings.dynamoDbPort(),
                  settings.s3Port(),
                  Optional.of(web).filter(Files::isDirectory),
                  err,
                  true,
                  S3UploadNotifications.POLL_INTERVAL,
                  S3UploadNotifications.RETRY_DELAY));
    } catch (LocalCloudException e) {
      err.println("无法启动本地后端：" + e.getMessage());
      return 1;
    } catch (RuntimeException e) {
      err.println("无法启动本地后端：" + e.getClass().getSimpleName() + "：" + e.getMessage());
      return 1;
    }
    Path endpointsFile = settings.endpointsFile();
    AtomicBoolean stopped = new AtomicBoolean();
    Runnable stop =
        () -> {
          if (stopped.compareAndSet(false, true)) {
            try {
              Files.deleteIfExists(endpointsFile);
            } catch (IOException ignored) {
              // a stale file is recognised by bin/invoke: its ports no longer answer
            }
            backend.close();
          }
        };
    try {
      backend.endpoints(Optional.of(settings.dataDir())).write(endpointsFile);
      printBanner(out, backend, settings);
      whileRunning.accept(backend, stop);
      return 0;
    } catch (IOException e) {
      err.println("无法写入 " + endpointsFile + "：" + e.getMessage());
      return 1;
    } finally {
      stop.run();
    }
  }

  private static void printBanner(PrintStream out, LocalBackend backend, LocalSettings settings) {
    LocalCredentials credentials = LocalCredentials.DEFAULT;
    out.println();
    out.println("浏阳市优化营商环境协调事务中心后端已在本机运行（按 Ctrl-C 停止）");
    out.println("  API 地址      " + backend.baseUrl());
    if (Files.isDirectory(settings.root().resolve("web"))) {
      out.println("  移动端表单    " + backend.baseUrl() + "/app/");
      out.println("  员工控制台    " + backend.baseUrl() + "/console/（本地登录：/local/sign-in/）");
    }
    out.println("  数据目录      " + settings.dataDir() + "（重启后数据仍在）");
    out.println(
        "  S3            "
            + backend.cloud().s3().endpoint()
            + "（path-style，密钥 "
            + credentials.accessKey()
            + " / "
            + credentials.secretKey()
            + "，区域 "
            + credentials.region()
            + "）");
    out.println("  DynamoDB      " + backend.cloud().dynamoDb().endpoint());
    out.println();
    out.println("试一试（提交一条投诉）：");
    out.println("  " + TryItExample.curl(backend.baseUrl()));
    out.println();
    out.println("员工接口需要令牌（本地签发，12 小时有效）：");
    out.println(
        "  curl -H \"Authorization: Bearer $(bin/staff-token --name 张三 --groups"
            + " complaint-officer)\" "
            + backend.baseUrl()
            + "/…");
    out.println();
    out.flush();
  }

  /**
   * Blocks until Ctrl-C; the shutdown hook stops the stack (no orphan dynalite) before the JVM
   * ends.
   */
  private static void runUntilStopped(LocalBackend backend, Runnable stop) {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  System.err.println("正在停止本地后端…");
                  stop.run();
                },
                "local-backend-stop"));
    try {
      new CountDownLatch(1).await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
