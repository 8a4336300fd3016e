package cn.gov.liuyang.bizenv.local.runner.bench;

import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.LocalJvm;
import cn.gov.liuyang.bizenv.local.runner.TryItExample;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import cn.gov.liuyang.bizenv.local.runner.gateway.LocalGateway;
import cn.gov.liuyang.bizenv.local.runner.gateway.RouteTable;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Load on the local gateway: N concurrent clients send a bounded number of requests to one route,
 * once through the real function (on in-memory emulators) and once through the same gateway calling
 * a constant-response handler, and prints throughput and p50/p99 latency of both, and their ratio.
 *
 * <pre>
 * java -cp … cn.gov.liuyang.bizenv.local.runner.bench.GatewayLoadBenchmark \
 *   [--method POST] [--path /complaints] [--body '{…}']
 *   [--clients 8] [--requests 2000] [--warmup 200]
 * </pre>
 */
public final class GatewayLoadBenchmark {
  private GatewayLoadBenchmark() {}

  public static void main(String[] args) throws Exception {
    LocalJvm.prepare();
    Map<String, String> options = options(List.of(args));
    String method = options.getOrDefault("method", TryItExample.METHOD);
    String path = options.getOrDefault("path", TryItExample.PATH);
    String body = options.getOrDefault("body", method.equals("GET") ? "" : TryItExample.BODY);
    int clients = Integer.parseInt(options.getOrDefault("clients", "8"));
    int requests = Integer.parseInt(options.getOrDefault("requests", "2000"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "200"));

    SamTemplate template = SamTemplate.load(ProjectLayout.template());
    try (LocalBackend backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(template, Ports.free(), Ports.free(), Ports.free()))) {
      LocalFunction constant =
          LocalFunction.of(
              "ConstantResponse", Duration.ofSeconds(20), new ConstantResponseHandler());
      try (LocalGateway constantGateway =
          LocalGateway.start(
              Ports.free(),
              RouteTable.fromTemplate(template, definition -> constant),
              backend.authorizer(),
              backend.cors(),
              LocalGateway.Options.quiet())) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", "application/json");
        headers.put(
            "authorization",
            "Bearer "
                + backend
                    .staffTokens()
                    .issue(
                        new StaffIdentity("bench-1", "压测", StaffIdentity.ALL_GROUPS),
                        StaffTokens.DEFAULT_VALIDITY));
        System.out.printf(
            "route %s %s, %d clients, %d requests (after %d warm-up), %d CPUs, Java %s%n",
            method,
            path,
            clients,
            requests,
            warmup,
            Runtime.getRuntime().availableProcessors(),
            System.getProperty("java.version"));
        LoadDriver driver = new LoadDriver();
        LoadDriver.Result real =
            measure(
                driver, backend.baseUrl(), method, path, body, headers, clients, requests, warmup);
        LoadDriver.Result baseline =
            measure(
                driver,
                constantGateway.baseUrl(),
                method,
                path,
                body,
                headers,
                clients,
                requests,
                warmup);
        print("real function", real);
        print("constant handler", baseline);
        System.out.printf(
            "ratio constant/real throughput: %.2f; real/constant p50: %.2f, p99: %.2f%n",
            baseline.throughput() / real.throughput(),
            real.percentileMillis(50) / baseline.percentileMillis(50),
            real.percentileMillis(99) / baseline.percentileMillis(99));
      }
    }
  }

  private static LoadDriver.Result measure(
      LoadDriver driver,
      URI base,
      String method,
      String path,
      String body,
      Map<String, String> headers,
      int clients,
      int requests,
      int warmup)
      throws InterruptedException {
    HttpRequest request = LoadDriver.request(base.resolve(path), method, body, headers);
    if (warmup > 0) {
      driver.run(request, clients, warmup);
    }
    return driver.run(request, clients, requests);
  }

  private static void print(String label, LoadDriver.Result result) {
    System.out.printf(
        "%-17s %8.1f req/s   p50 %7.2f ms   p99 %7.2f ms   statuses %s%n",
        label,
        result.throughput(),
        result.percentileMillis(50),
        result.percentileMillis(99),
        result.statuses());
  }

  private static Map<String, String> options(List<String> args) {
    Map<String, String> options = new LinkedHashMap<>();
    for (int i = 0; i + 1 < args.size(); i += 2) {
      if (!args.get(i).startsWith("--")) {
        throw new IllegalArgumentException("expected --option value pairs, got " + args.get(i));
      }
      options.put(args.get(i).substring(2), args.get(i + 1));
    }
    if (args.size() % 2 != 0) {
      throw new IllegalArgumentException("option " + args.get(args.size() - 1) + " has no value");
    }
    return options;
  }
}
