package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtAuthorizer;
import cn.gov.liuyang.bizenv.local.runner.auth.VerifiedJwt;
import cn.gov.liuyang.bizenv.local.runner.function.FunctionError;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The HTTP API of template.yaml on 127.0.0.1: matches routes, checks staff JWTs, answers CORS
 * preflights, and calls the route's function with a payload-2.0 event, as API Gateway does.
 * Throttling is not emulated.
 */
public final class LocalGateway implements AutoCloseable {
  /** API Gateway's payload limit. */
  public static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;
  private final RouteTable routes;
  private final StaffJwtAuthorizer authorizer;
  private final Optional<CorsPolicy> cors;
  private final Optional<StaticFiles> staticFiles;
  private final Optional<StaticFiles> consoleFiles;
  private final Optional<LocalConsole> console;
  private final Optional<PrintStream> accessLog;
  private final Clock clock = Clock.systemUTC();

  /**
   * What the gateway serves besides its routes, and where it logs.
   *
   * @param webDir served at {@code /app/}, and its {@code console} folder at {@code /console/}
   * @param console the staff console's local settings and sign-in (never part of a deployment)
   */
  public record Options(
      Optional<Path> webDir,
      Optional<PrintStream> accessLog,
      int threads,
      Optional<LocalConsole> console) {
    public static Options quiet() {
      return new Options(Optional.empty(), Optional.empty(), 16, Optional.empty());
    }
  }

  private LocalGateway(
      HttpServer server,
      ExecutorService executor,
      RouteTable routes,
      StaffJwtAuthorizer authorizer,
      Optional<CorsPolicy> cors,
      Options options) {
    this.server = server;
    this.executor = executor;
    this.routes = routes;
    this.authorizer = authorizer;
    this.cors = cors;
    this.staticFiles = options.webDir().map(dir -> new StaticFiles("/app/", dir));
    this.consoleFiles =
        options.webDir().map(dir -> new StaticFiles("/console/", dir.resolve("console")));
    this.console = options.console();
    this.accessLog = options.accessLog();
  }

  public static LocalGateway start(
      int port,
      RouteTable routes,
      StaffJwtAuthorizer authorizer,
      Optional<CorsPolicy> cors,
      Options options) {
    // Without TCP_NODELAY, Nagle's algorithm and delayed ACKs add ~40 ms to every keep-alive
    // response. The JDK server reads this once, when its first instance is created.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server;
    try {
      server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    } catch (BindException e) {
      throw new LocalCloudException("端口 " + port + " 已被占用（本地 API 网关）：请关闭占用它的程序，或换一个端口。", e);
    } catch (IOException e) {
      throw new LocalCloudException("本地 API 网关无法在端口 " + port + " 启动：" + e.getMessage(), e);
    }
    ExecutorService executor = Executors.newFixedThreadPool(options.threads(), daemonThreads());
    server.setExecutor(executor);
    LocalGateway gateway = new LocalGateway(server, executor, routes, authorizer, cors, options);
    server.createContext("/", gateway::serve);
    server.start();
    return gateway;
  }

  public URI baseUrl() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void serve(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    String requestId = newRequestId();
    try (exchange) {
      Map<String, List<String>> headers = lowerCased(exchange);
      String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
      String rawPath = exchange.getRequestURI().getRawPath();
      boolean preflight = cors.isPresent() && CorsPolicy.isPreflight(method, headers);
      Optional<RouteTable.Match> match = routes.match(method, rawPath);
      GatewayResponse response;
      try {
        response = respond(exchange, headers, method, rawPath, preflight, match, requestId);
      } catch (RuntimeException bug) {
        System.err.println(
            "ERROR local gateway request " + requestId + " failed: " + bug.getClass().getName());
        response = GatewayResponse.message(500, "Internal Server Error");
      }
      response = response.withHeaders(Map.of("apigw-requestid", requestId));
      write(exchange, method, response);
      logAccess(method, rawPath, match, response.status(), started);
    }
  }

  private GatewayResponse respond(
      HttpExchange exchange,
      Map<String, List<String>> headers,
      String method,
      String rawPath,
      boolean preflight,
      Optional<RouteTable.Match> match,
      String requestId) {
    GatewayResponse response;
    if (preflight) {
      response =
          new GatewayResponse(204, new LinkedHashMap<>(), new byte[0])
              .withHeaders(cors.get().preflightHeaders(headers));
    } else {
      Optional<GatewayResponse> staticFile =
          console
              .flatMap(
                  c ->
                      c.serve(method, rawPath, headers, () -> readBodyOrEmpty(exchange), baseUrl()))
              .or(() -> staticFiles.flatMap(files -> files.serve(method, rawPath)))
              .or(() -> consoleFiles.flatMap(files -> files.serve(method, rawPath)));
      if (staticFile.isPresent()) {
        response = staticFile.get();
      } else if (match.isEmpty()) {
        response = GatewayResponse.message(404, "Not Found");
      } else {
        response = handle(exchange, headers, method, rawPath, match.get(), requestId);
      }
      if (cors.isPresent()) {
        response = response.withoutCorsHeaders().withHeaders(cors.get().responseHeaders(headers));
      }
    }
    return response;
  }

  private GatewayResponse handle(
      HttpExchange exchange,
      Map<String, List<String>> headers,
      String method,
      String rawPath,
      RouteTable.Match match,
      String requestId) {
    Optional<VerifiedJwt> jwt = Optional.empty();
    if (match.route().staffOnly()) {
      jwt = authorizer.verify(first(headers, "authorization"));
      if (jwt.isEmpty()) {
        return GatewayResponse.message(401, "Unauthorized");
      }
    }
    Optional<byte[]> body;
    try {
      body = readBody(exchange);
    } catch (IOException clientWentAway) {
      return GatewayResponse.message(400, "Bad Request");
    }
    if (body.isEmpty()) {
      return GatewayResponse.message(413, "Request Entity Too Large");
    }
    if (!match.function().available()) {
      return GatewayResponse.message(
          503,
          "Service Unavailable: function "
              + match.function().logicalId()
              + " is not available in the local runner ("
              + match.function().unavailableReason().orElse("")
              + ")");
    }
    String rawQuery = Optional.ofNullable(exchange.getRequestURI().getRawQuery()).orElse("");
    GatewayRequest request =
        new GatewayRequest(
            method,
            rawPath,
            rawQuery,
            exchange.getProtocol(),
            headers,
            body.get(),
            exchange.getRemoteAddress().getAddress().getHostAddress());
    ObjectNode event = PayloadV2Events.build(request, match, jwt, requestId, Instant.now(clock));
    try {
      byte[] output = match.function().invoke(event.toString().getBytes(StandardCharsets.UTF_8));
      return GatewayResponse.fromFunctionOutput(output);
    } catch (FunctionError error) {
      if (error.errorType().equals(LocalFunction.EVENT_TOO_LARGE)) {
        // within API Gateway's 10 MB, but over Lambda's 6 MB once in the event (base64 adds a
        // third)
        return GatewayResponse.message(413, "Request Entity Too Large");
      }
      System.err.println(error.logLine());
      return GatewayResponse.message(500, "Internal Server Error");
    }
  }

  /**
   * The body, or empty when it exceeds API Gateway's 10 MB limit. An oversize body is still read to
   * its end, so the client gets the 413 rather than a reset connection.
   */
  private static Optional<byte[]> readBody(HttpExchange exchange) throws IOException {
    try (InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
      if (body.length > MAX_BODY_BYTES) {
        in.transferTo(OutputStream.nullOutputStream());
        return Optional.empty();
      }
      return Optional.of(body);
    }
  }

  private static Optional<byte[]> readBodyOrEmpty(HttpExchange exchange) {
    try {
      return readBody(exchange);
    } catch (IOException clientWentAway) {
      return Optional.of(new byte[0]);
    }
  }

  private static void write(HttpExchange exchange, String method, GatewayResponse response)
      throws IOException {
    response.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
    boolean noBody =
        response.body().length == 0
            || method.equals("HEAD")
            || response.status() == 204
            || response.status() == 304;
    exchange.sendResponseHeaders(response.status(), noBody ? -1 : response.body().length);
    if (!noBody) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(response.body());
      }
    }
  }

  private static Map<String, List<String>> lowerCased(HttpExchange exchange) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) ->
                headers
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), n -> new ArrayList<>())
                    .addAll(values));
    return headers;
  }

  private static Optional<String> first(Map<String, List<String>> headers, String name) {
    List<String> values = headers.get(name);
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /**
   * Request ids shaped like API Gateway's ({@code apigw-requestid}), e.g. {@code JKJaXmPLvHcESHA=}.
   */
  private static String newRequestId() {
    byte[] random = new byte[10];
    ThreadLocalRandom.current().nextBytes(random);
    return Base64.getEncoder().encodeToString(random).substring(0, 15) + "=";
  }

  /** Method, path and status only: query strings and bodies may carry personal data or tokens. */
  private void logAccess(
      String method, String rawPath, Optional<RouteTable.Match> match, int status, long started) {
    accessLog.ifPresent(
        log ->
            log.printf(
                "%s %s -> %d (%d ms)%s%n",
                method,
                rawPath,
                status,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                match.map(m -> " [" + m.route().routeKey() + "]").orElse("")));
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    return runnable -> {
      Thread thread = new Thread(runnable, "local-gateway");
      thread.setDaemon(true);
      return thread;
    };
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
