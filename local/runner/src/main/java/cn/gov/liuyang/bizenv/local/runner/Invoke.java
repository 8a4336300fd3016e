package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.function.FunctionError;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunctions;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code bin/invoke <FunctionLogicalId> <event.json>}: runs one function on one event, as {@code
 * sam local invoke -e} does, against the running local stack if there is one, otherwise against
 * emulators it starts on the same data directory. The response goes to stdout, the function's logs
 * to stderr.
 */
public final class Invoke {
  private Invoke() {}

  public static void main(String[] args) {
    LocalJvm.prepare();
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  /**
   * @return the exit code: 0 when the function returned, 1 when it failed or could not run
   */
  static int run(
      List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
    if (args.size() != 2) {
      err.println("用法：bin/invoke <函数逻辑 ID，如 ComplaintIntakeFunction> <事件文件，如 events/xxx.json>");
      return 2;
    }
    try {
      LocalSettings settings = LocalSettings.from(environment);
      SamTemplate template = SamTemplate.load(settings.template());
      String functionId = args.get(0);
      SamTemplate.Function definition =
          template
              .function(functionId)
              .orElseThrow(
                  () ->
                      new LocalCloudException(
                          "template.yaml 中没有函数 "
                              + functionId
                              + "：可用的有 "
                              + template.functions().stream()
                                  .map(SamTemplate.Function::logicalId)
                                  .collect(Collectors.joining(", "))));
      byte[] event = readEvent(Path.of(args.get(1)));
      Optional<Endpoints> running =
          Endpoints.read(settings.endpointsFile()).filter(Endpoints::isUp);
      if (running.isPresent()) {
        err.println("使用正在运行的本地后端（" + running.get().api() + "）");
        LocalFunction function =
            LocalFunctions.loadOne(
                template,
                definition,
                id ->
                    Open311DemoKey.loadOrCreate(settings.dataDir())
                        .addTo(
                            LocalCloud.environmentFor(
                                template, id, running.get().dynamoDb(), running.get().s3())));
        return invoke(function, event, out, err);
      }
      err.println("本地后端未运行：在数据目录 " + settings.dataDir() + " 上临时启动模拟器");
      try (LocalCloud cloud =
          LocalCloud.start(template, Ports.free(), Ports.free(), Optional.of(settings.dataDir()))) {
        LocalFunction function =
            LocalFunctions.loadOne(
                template,
                definition,
                id ->
                    Open311DemoKey.loadOrCreate(settings.dataDir())
                        .addTo(cloud.environmentFor(id)));
        return invoke(function, event, out, err);
      }
    } catch (LocalCloudException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  private static byte[] readEvent(Path file) {
    byte[] event;
    try {
      event = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new LocalCloudException("无法读取事件文件 " + file.toAbsolutePath() + "：" + e.getMessage());
    }
    try {
      Json.mapper().readTree(event);
    } catch (JsonProcessingException e) {
      throw new LocalCloudException("事件文件 " + file + " 不是合法的 JSON：" + e.getOriginalMessage());
    } catch (IOException e) {
      throw new LocalCloudException("无法读取事件文件 " + file + "：" + e.getMessage());
    }
    return event;
  }

  private static int invoke(
      LocalFunction function, byte[] event, PrintStream out, PrintStream err) {
    if (!function.available()) {
      err.println(
          "函数 " + function.logicalId() + " 无法运行：" + function.unavailableReason().orElse(""));
      return 1;
    }
    try {
      out.println(new String(function.invoke(event), StandardCharsets.UTF_8));
      return 0;
    } catch (FunctionError error) {
      err.println(error.logLine());
      out.println(error.lambdaErrorJson());
      return 1;
    } finally {
      out.flush();
    }
  }
}
