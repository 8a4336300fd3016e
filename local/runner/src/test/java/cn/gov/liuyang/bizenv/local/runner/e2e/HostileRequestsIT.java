package cn.gov.liuyang.bizenv.local.runner.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.http.TextPolicy;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalBackend;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.s3events.S3UploadNotifications;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The hostile-request suite: over every route that template.yaml gives the HTTP API (a new route is
 * covered without touching this test), generated requests with malformed and deeply nested JSON,
 * duplicate keys, huge numbers, control and bidi characters, lone surrogates and broken UTF-8,
 * wrong types, oversized bodies, forged paging tokens, wrong methods and content types, odd path
 * segments, with and without valid staff tokens, with signed tokens of hostile identities (odd
 * {@code sub}, {@code name}, groups and units claims) on every staff route, sent through the local
 * gateway to the functions and the emulators as {@code bin/start} runs them.
 *
 * <p>It asserts that nothing answers 5xx; that every 4xx a function writes has the stable error
 * shape ({@code {code, message, errors?}}, GeoReport's {@code [{code, description}]} on Open311
 * routes; API Gateway's own {@code {"message": …}} only for what the gateway refuses before any
 * function runs); and that no token, and no complainant's name or phone, appears in any response to
 * a caller without a staff token, or in any log line (gateway, functions, stdout and stderr); and
 * that the audit trail of the case the probes read records no reader whose id or name breaks the
 * text policy.
 *
 * <p>{@code -Dhostile.seed=…} replays or varies the requests, {@code -Dhostile.requests=…} sets how
 * many.
 */
class HostileRequestsIT {
  private static final long SEED = Long.getLong("hostile.seed", 20261206L);
  private static final int REQUESTS = Integer.getInteger("hostile.requests", 1500);
  private static final String NAME = "甄隐秘";
  private static final String PHONE = "13712340987";
  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final Set<String> GATEWAY_MESSAGES =
      Set.of("Not Found", "Unauthorized", "Forbidden", "Request Entity Too Large", "Bad Request");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}+]+)\\+?}");

  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  private static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
  private static PrintStream originalOut;
  private static PrintStream originalErr;
  private static LocalBackend backend;
  private static String staffToken;
  private static String noGroupsToken;
  private static String forgedToken;
  private static String trackingNumber;
  private static String accessToken;

  /**
   * Tokens the authorizer lets through (signed by the identity provider, in date, for this API)
   * whose identity is hostile: a subject or name with control, bidi or broken characters or far too
   * long, groups and units claims of odd types. What a misconfigured or compromised identity
   * provider, or a user allowed to edit their own {@code name}, could hand over.
   */
  private static List<String> oddIdentityTokens;

  /** Tokens the authorizer must refuse: alg none, expired, not yet valid, another audience. */
  private static List<String> refusedTokens;

  @BeforeAll
  static void start() throws Exception {
    originalOut = System.out;
    originalErr = System.err;
    PrintStream capture = new PrintStream(synchronizedOutput(LOG), true, StandardCharsets.UTF_8);
    System.setOut(new PrintStream(tee(originalOut, capture), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(tee(originalErr, capture), true, StandardCharsets.UTF_8));
    backend =
        LocalBackend.start(
            new LocalBackend.Options(
                SamTemplate.load(),
                Optional.empty(),
                Ports.free(),
                Ports.free(),
                Ports.free(),
                Optional.empty(),
                capture,
                true,
                S3UploadNotifications.POLL_INTERVAL,
                S3UploadNotifications.RETRY_DELAY));
    staffToken =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("hostile-suite", "恶意测试员", StaffIdentity.ALL_GROUPS),
                Duration.ofHours(1));
    noGroupsToken =
        backend
            .staffTokens()
            .issue(new StaffIdentity("hostile-nobody", "无组测试员", List.of()), Duration.ofHours(1));
    forgedToken =
        staffToken.substring(0, staffToken.lastIndexOf('.') + 1)
            + noGroupsToken.substring(noGroupsToken.lastIndexOf('.') + 1);
    oddIdentityTokens =
        List.of(
            token(c -> c.subject("hostile-\u0000\n-sub")),
            token(c -> c.subject("h".repeat(5000))),
            token(c -> c.claim("name", "恶意\u202E身份")),
            token(c -> c.claim("name", "身份\u001b[2J\r\n伪造的一行")),
            token(c -> c.claim("name", "长".repeat(3000))),
            token(c -> c.claim("name", "\uD800")),
            token(c -> c.claim("name", Map.of("given", "甲"))),
            token(c -> c.claim("name", 5)),
            token(c -> c.claim("groups", Map.of("complaint-officer", true))),
            token(c -> c.claim("groups", List.of(List.of("finance"), 7, true))),
            token(c -> c.claim("groups", "complaint-officer,finance,evaluation,supervisor")),
            token(c -> c.claim("units", Map.of("lyyshj", 1))),
            token(c -> c.claim("units", List.of(List.of("lyyshj"), 2021))),
            token(c -> c.claim("units", "*")));
    Instant now = Instant.now();
    refusedTokens =
        List.of(
            new PlainJWT(claims(now).build()).serialize(),
            token(c -> c.expirationTime(Date.from(now.minusSeconds(3600)))),
            token(c -> c.notBeforeTime(Date.from(now.plusSeconds(3600)))),
            token(c -> c.audience("another-api")),
            token(c -> c.issuer("https://evil.example/")));
    HttpResponse<String> filed =
        HTTP.send(
            HttpRequest.newBuilder(backend.baseUrl().resolve("/complaints"))
                .header("content-type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"kind\":\"COMPLAINT\",\"subject\":\"市场监管局\",\"description\":\"重复提交材料\","
                            + "\"contactName\":\""
                            + NAME
                            + "\",\"contactPhone\":\""
                            + PHONE
                            + "\",\"consent\":true}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(filed.statusCode()).as(filed.body()).isEqualTo(201);
    JsonNode receipt = Json.mapper().readTree(filed.body());
    trackingNumber = receipt.path("trackingNumber").asText();
    accessToken = receipt.path("accessToken").asText();
  }

  @AfterAll
  static void stop() {
    try {
      if (backend != null) {
        backend.close();
      }
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }

  /** One generated request, and what it was meant to try. */
  record Probe(
      String method,
      String target,
      Map<String, String> headers,
      byte[] body,
      boolean validStaff,
      String route,
      String what) {
    @Override
    public String toString() {
      return method + " " + abbreviate(target, 160) + " [" + route + "; " + what + "]";
    }
  }

  record Outcome(Probe probe, int status, String body) {}

  /** The status recorded when the gateway closed the connection without answering. */
  private static final int NO_ANSWER = 599;

  @Test
  void everyRouteAnswersHostileRequests_withoutA5xx_inTheStableShape_leakingNothing()
      throws Exception {
    List<SamTemplate.Route> routes =
        SamTemplate.load().functions().stream().flatMap(f -> f.routes().stream()).toList();
    Map<String, List<ObjectNode>> examples = exampleBodies();
    Map<String, List<String>> queries = exampleQueryNames();
    Random random = new Random(SEED);
    List<Probe> probes = new ArrayList<>();
    for (int i = 0; i < REQUESTS; i++) {
      SamTemplate.Route route = routes.get(i % routes.size());
      probes.add(probe(route, examples.getOrDefault(route.routeKey(), List.of()), queries, random));
    }
    probes.addAll(oversized(routes));
    probes.addAll(oddIdentities(routes, examples, random));

    long started = System.nanoTime();
    List<Outcome> outcomes = send(probes);
    double seconds = (System.nanoTime() - started) / 1e9;

    List<String> failures = new ArrayList<>();
    Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
    for (Outcome outcome : outcomes) {
      byStatus.merge(outcome.status(), 1, Integer::sum);
      check(outcome).ifPresent(failures::add);
    }
    failures.addAll(leaksInLog());
    failures.addAll(forgedIdentitiesInTheAuditTrail());
    originalOut.printf(
        "hostile requests: %d over %d routes in %.1f s (seed %d), answers by status %s%n",
        outcomes.size(), routes.size(), seconds, SEED, byStatus);

    assertThat(outcomes).hasSizeGreaterThanOrEqualTo(1000);
    assertThat(failures)
        .as("%d of %d hostile requests (seed %d)", failures.size(), outcomes.size(), SEED)
        .isEmpty();
  }

  private static JWTClaimsSet.Builder claims(Instant now) {
    return new JWTClaimsSet.Builder()
        .issuer(StaffJwtSettings.LOCAL.issuer())
        .audience(StaffJwtSettings.LOCAL.audience())
        .subject("hostile-identity")
        .claim("name", "身份测试员")
        .claim("groups", StaffIdentity.ALL_GROUPS)
        .claim("units", StaffIdentity.SEED_UNITS)
        .issueTime(Date.from(now))
        .notBeforeTime(Date.from(now))
        .expirationTime(Date.from(now.plusSeconds(3600)));
  }

  private static String token(java.util.function.UnaryOperator<JWTClaimsSet.Builder> change) {
    return backend.staffTokens().sign(change.apply(claims(Instant.now())).build());
  }

  /**
   * Whoever the tokens of {@link #oddIdentityTokens} claimed to be, the audit trail of the case the
   * probes read records only identities that pass the text policy and fit its bounds: a reader's id
   * and name are evidence, read by supervisors, and must not be forged into another line or
   * direction.
   */
  private static List<String> forgedIdentitiesInTheAuditTrail() throws Exception {
    String supervisor =
        backend
            .staffTokens()
            .issue(
                new StaffIdentity("hostile-supervisor", "督查员", List.of("supervisor")),
                Duration.ofHours(1));
    List<String> problems = new ArrayList<>();
    String cursor = null;
    do {
      HttpResponse<String> page =
          HTTP.send(
              HttpRequest.newBuilder(
                      backend
                          .baseUrl()
                          .resolve(
                              "/staff/audit/complaints/"
                                  + trackingNumber
                                  + "?limit=100"
                                  + (cursor == null ? "" : "&cursor=" + enc(cursor))))
                  .header("authorization", "Bearer " + supervisor)
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
      JsonNode trail = Json.mapper().readTree(page.body());
      for (JsonNode read : trail.path("reads")) {
        for (String field : List.of("readerId", "readerName")) {
          String value = read.path(field).asText();
          if (TextPolicy.check(value, field, false).isPresent()
              || value.codePointCount(0, value.length()) > 128) {
            problems.add(
                "the audit trail recorded a forged "
                    + field
                    + " "
                    + abbreviate(value.codePoints().boxed().toList().toString(), 120));
          }
        }
      }
      cursor = trail.hasNonNull("nextCursor") ? trail.path("nextCursor").asText() : null;
    } while (cursor != null);
    return problems;
  }

  // ------------------------------------------------------------------ checks

  private static Optional<String> check(Outcome outcome) {
    Probe probe = outcome.probe();
    int status = outcome.status();
    String body = outcome.body();
    if (status >= 500) {
      return Optional.of(status + " for " + probe + ": " + abbreviate(body, 300));
    }
    for (String secret :
        Stream.of(
                List.of(staffToken, noGroupsToken, forgedToken, accessToken, signature()),
                oddIdentityTokens,
                refusedTokens)
            .flatMap(List::stream)
            .toList()) {
      if (body.contains(secret)) {
        return Optional.of("a token in the answer to " + probe);
      }
    }
    if (!probe.validStaff() && (body.contains(NAME) || body.contains(PHONE))) {
      return Optional.of("the complainant's name or phone in the answer to " + probe);
    }
    if (status >= 400 && !probe.method().equals("HEAD")) {
      return shapeProblem(probe, status, body)
          .map(p -> p + " for " + probe + ": " + abbreviate(body, 300));
    }
    return Optional.empty();
  }

  /** What is wrong with the shape of a 4xx body, if anything. */
  private static Optional<String> shapeProblem(Probe probe, int status, String body) {
    JsonNode node;
    try {
      node = Json.mapper().readTree(body);
    } catch (IOException e) {
      return Optional.of(status + " without a JSON body");
    }
    if (node == null) {
      return Optional.of(status + " without a body");
    }
    if (node.isObject()
        && node.size() == 1
        && GATEWAY_MESSAGES.contains(node.path("message").asText())) {
      // API Gateway's own answer (no route, no valid JWT, too large), as AWS words it
      return Optional.empty();
    }
    if (probe.route().contains(" /open311/")) {
      if (!node.isArray() || node.isEmpty()) {
        return Optional.of(status + " not in GeoReport's error shape");
      }
      for (JsonNode error : node) {
        if (error.path("code").asInt() != status || error.path("description").asText().isBlank()) {
          return Optional.of(status + " with a GeoReport error without code or description");
        }
      }
      return Optional.empty();
    }
    if (!node.isObject()
        || !CODE.matcher(node.path("code").asText()).matches()
        || node.path("message").asText().isBlank()) {
      return Optional.of(status + " without {code, message}");
    }
    if (node.has("errors")) {
      if (!node.path("errors").isArray()) {
        return Optional.of(status + " with errors that are not a list");
      }
      for (JsonNode error : node.path("errors")) {
        if (!error.path("field").isTextual()
            || !CODE.matcher(error.path("code").asText()).matches()
            || error.path("message").asText().isBlank()) {
          return Optional.of(status + " with a field error without field, code or message");
        }
      }
    }
    return Optional.empty();
  }

  private static List<String> leaksInLog() {
    String log = LOG.toString(StandardCharsets.UTF_8);
    List<String> leaks = new ArrayList<>();
    for (String line : log.split("\n")) {
      for (String secret :
          List.of(staffToken, noGroupsToken, accessToken, signature(), NAME, PHONE)) {
        if (line.contains(secret)) {
          leaks.add(
              "a token, name or phone in the log line: "
                  + abbreviate(line.replace(secret, "<secret>"), 200));
        }
      }
    }
    return leaks;
  }

  private static String signature() {
    return staffToken.substring(staffToken.lastIndexOf('.') + 1);
  }

  // ------------------------------------------------------------------ generation

  private static Probe probe(
      SamTemplate.Route route,
      List<ObjectNode> examples,
      Map<String, List<String>> knownQueries,
      Random random) {
    if (random.nextBoolean()) {
      return focused(
          route, examples, knownQueries.getOrDefault(route.routeKey(), List.of()), random);
    }
    List<String> what = new ArrayList<>();
    String method = route.method().equals("ANY") ? "GET" : route.method();
    if (random.nextInt(10) == 0) {
      method = pick(random, "DELETE", "PATCH", "PUT", "POST", "GET", "HEAD", "OPTIONS", "PROPFIND");
      what.add("method " + method);
    }
    String path = path(route.path(), random, what);
    String query = query(random, knownQueries.getOrDefault(route.routeKey(), List.of()), what);
    Map<String, String> headers = new LinkedHashMap<>();
    boolean validStaff = authorization(route, random, headers, what);
    if (random.nextInt(3) == 0) {
      headers.put(
          "x-access-token",
          pick(
              random, accessToken, "forged-token-0000", accessToken + "x", "a\u00e9b", staffToken));
    }
    if (random.nextInt(6) == 0) {
      headers.put(
          "idempotency-key", pick(random, "k".repeat(300), "idem-" + random.nextInt(), "é"));
    }
    byte[] body = new byte[0];
    boolean hasBody = !method.equals("GET") && !method.equals("HEAD") || random.nextInt(8) == 0;
    if (hasBody) {
      body = body(base(examples, random), random, headers, what, false);
    }
    return new Probe(
        method,
        path + (query.isEmpty() ? "" : "?" + query),
        headers,
        body,
        validStaff,
        route.routeKey(),
        String.join(", ", what));
  }

  /**
   * A request as a legitimate caller would send it (the route's method, plausible path parameters,
   * a valid staff token on staff routes, an example body of events/) with one hostile part: its own
   * query parameters, or one place in its body. This is what reaches the use cases.
   */
  private static Probe focused(
      SamTemplate.Route route, List<ObjectNode> examples, List<String> known, Random random) {
    List<String> what = new ArrayList<>(List.of("focused"));
    String method = route.method().equals("ANY") ? "GET" : route.method();
    StringBuilder path = new StringBuilder();
    Matcher matcher = PARAMETER.matcher(route.path());
    while (matcher.find()) {
      matcher.appendReplacement(
          path, Matcher.quoteReplacement(plausible(matcher.group(1), random)));
    }
    matcher.appendTail(path);
    Map<String, String> headers = new LinkedHashMap<>();
    if (route.staffOnly() && random.nextInt(6) == 0) {
      int which = random.nextInt(oddIdentityTokens.size());
      headers.put("authorization", "Bearer " + oddIdentityTokens.get(which));
      what.add("odd identity token " + which);
    } else if (route.staffOnly()) {
      headers.put("authorization", "Bearer " + staffToken);
    } else if (random.nextBoolean()) {
      headers.put("x-access-token", accessToken);
    }
    String query = "";
    byte[] body = new byte[0];
    if (!known.isEmpty() && (method.equals("GET") || random.nextInt(3) == 0)) {
      List<String> pairs = new ArrayList<>();
      for (String name : known) {
        if (pairs.isEmpty() || random.nextBoolean()) {
          String value = queryValue(name, random, true);
          pairs.add(name + "=" + value);
          what.add(name + "=" + abbreviate(value, 40));
        }
      }
      query = String.join("&", pairs);
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      body = body(base(examples, random), random, headers, what, query.isEmpty());
    }
    return new Probe(
        method,
        path + (query.isEmpty() ? "" : "?" + query),
        headers,
        body,
        route.staffOnly(),
        route.routeKey(),
        String.join(", ", what));
  }

  private static String path(String template, Random random, List<String> what) {
    Matcher matcher = PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      String value;
      if (random.nextInt(3) == 0) {
        value = pick(random, HOSTILE_SEGMENTS);
        what.add("{" + name + "}=" + abbreviate(value, 30));
      } else {
        value = plausible(name, random);
      }
      matcher.appendReplacement(path, Matcher.quoteReplacement(value));
    }
    matcher.appendTail(path);
    return path.toString();
  }

  private static final String[] HOSTILE_SEGMENTS = {
    "%00",
    "a%0Ab",
    "%E2%80%AElyyshj",
    "%E2%81%A6x",
    "%ED%A0%80",
    "%FF%FE",
    "%C0%AF",
    "%D9%A2%D9%A0%D9%A2%D9%A1",
    "%EF%BC%92%EF%BC%90%EF%BC%92%EF%BC%91",
    "%DF%82%DF%80%DF%82%DF%81",
    "x".repeat(2000),
    "%2E%2E",
    "..",
    "%2F",
    "%25",
    "%20",
    "%E2%80%8B",
    "-1",
    "0",
    "+2021",
    "2021.5",
    "99999999999999999999",
    "1e400",
    "2021%00",
    "%F0%9F%98%80",
    "NaN",
    "ABC-DEF-GHJ.json",
    "%7B%7D",
  };

  private static String plausible(String name, Random random) {
    return switch (name) {
      case "unit" -> pick(random, "lyyshj", "nobody-unit");
      case "year" -> pick(random, "2021", "2026", "2101");
      case "trackingNumber" -> pick(random, trackingNumber, "ABC-DEF-GHJ");
      case "id" ->
          pick(random, trackingNumber.replace("-", "") + ".json", "ABC-DEF-GHJ.json", "x.json");
      case "submissionId" -> pick(random, "0123456789abcdef0123456789abcdef", "f".repeat(32));
      case "serviceCode" -> pick(random, "complaint", "complaint.json", "pothole");
      case "version" -> pick(random, "1", "2");
      default -> pick(random, "1", "x", "lyyshj", "2021");
    };
  }

  private static String query(Random random, List<String> known, List<String> what) {
    if (random.nextInt(3) == 0) {
      return "";
    }
    List<String> pairs = new ArrayList<>();
    int count = 1 + random.nextInt(3);
    for (int i = 0; i < count; i++) {
      String name =
          !known.isEmpty() && random.nextInt(10) < 6
              ? known.get(random.nextInt(known.size()))
              : pick(
                  random,
                  "year",
                  "limit",
                  "cursor",
                  "version",
                  "from",
                  "to",
                  "status",
                  "kind",
                  "department",
                  "overdue",
                  "format",
                  "start_date",
                  "end_date",
                  "service_code",
                  "%E2%80%AEyear",
                  "a%00b");
      String value = queryValue(name, random, false);
      pairs.add(name + "=" + value);
      what.add(name + "=" + abbreviate(value, 40));
    }
    if (random.nextInt(8) == 0) {
      pairs.add(pairs.get(0));
      what.add("a parameter twice");
    }
    return String.join("&", pairs);
  }

  private static String queryValue(String name, Random random, boolean meantForIt) {
    String forgedCursor =
        Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString(
                "{\"y\":2021,\"k\":\"2099-01-01T00:00:00.000Z#ABC-DEF-GHJ\"}"
                    .getBytes(StandardCharsets.UTF_8));
    if (meantForIt || random.nextBoolean()) {
      // a value meant for this kind of parameter
      switch (name) {
        case "start_date", "end_date", "from", "to" -> {
          return enc(
              pick(
                  random,
                  "+999999999-01-01T00:00:00Z",
                  "-999999999-01-01T00:00:00Z",
                  "9999-12-31T23:59:59Z",
                  "0000-01-01T00:00:00Z",
                  "2021-02-30T00:00:00Z",
                  "٢٠٢١-01-01T00:00:00Z",
                  "2021-01-01",
                  "+10000-01-01",
                  "2021-13-01"));
        }
        case "cursor" -> {
          return pick(
              random,
              forgedCursor,
              forgedCursor + ".AAAAAAAAAAAAAAAAAAAAAA",
              "bm90LWEtY3Vyc29y",
              "x".repeat(600),
              "%00");
        }
        case "year", "limit", "version" -> {
          return pick(
              random,
              enc("٢٠٢١"),
              enc("２０２１"),
              enc("٥٠"),
              "-1",
              "0",
              "99999999999999999999",
              "1e400",
              "2021.0",
              "+50");
        }
        default -> {
          // any value below
        }
      }
    }
    return pick(
        random,
        enc("٢٠٢１"),
        "NaN",
        "Infinity",
        "%00",
        "a%0Ab",
        enc("\u202Eabc"),
        "%ED%A0%80",
        "%FF",
        forgedCursor,
        "x".repeat(3000),
        "",
        enc("\u200b\u200b"),
        "true%00",
        enc("投诉"),
        "RECEIVED,LOST",
        "xlsx",
        "2021",
        enc(PHONE));
  }

  /** Adds an Authorization header (or none) and says whether it is a valid staff token. */
  private static boolean authorization(
      SamTemplate.Route route, Random random, Map<String, String> headers, List<String> what) {
    int roll = random.nextInt(20);
    if (route.staffOnly() ? roll < 11 : roll < 3) {
      headers.put("authorization", "Bearer " + staffToken);
      return true;
    }
    String header =
        switch (roll % 6) {
          case 0 -> "Bearer " + noGroupsToken;
          case 1 -> "Bearer " + forgedToken;
          case 2 -> "Bearer a.b.c";
          case 3 ->
              "Basic " + Base64.getEncoder().encodeToString("a:b".getBytes(StandardCharsets.UTF_8));
          case 4 -> "Bearer " + staffToken.substring(0, staffToken.indexOf('.')) + "..";
          default ->
              switch (random.nextInt(8)) {
                case 0 -> null;
                case 1 -> "Bearer";
                case 2 -> "Bearer " + staffToken + " " + staffToken;
                case 3 -> "Bearer " + staffToken + "," + staffToken;
                case 4 -> "bearer   " + noGroupsToken;
                case 5 -> "Bearer " + pick(random, refusedTokens.toArray(String[]::new));
                case 6 -> "Bearer " + pick(random, oddIdentityTokens.toArray(String[]::new));
                default -> "Bearer " + "e".repeat(9000);
              };
        };
    if (header != null) {
      headers.put("authorization", header);
      what.add("authorization " + header.substring(0, Math.min(8, header.length())) + "…");
    } else {
      what.add("no authorization");
    }
    // signed, in-date tokens: the holder is staff, however odd their claims
    return header != null
        && (header.contains(noGroupsToken)
            || oddIdentityTokens.stream().anyMatch(header::contains));
  }

  private static ObjectNode base(List<ObjectNode> examples, Random random) {
    ObjectNode base;
    if (!examples.isEmpty() && random.nextInt(4) != 0) {
      base = examples.get(random.nextInt(examples.size())).deepCopy();
    } else {
      base =
          (ObjectNode)
              json(
                  "{\"kind\":\"COMPLAINT\",\"subject\":\"市场监管局\",\"description\":\"描述\","
                      + "\"consent\":true,\"unit\":\"lyyshj\",\"year\":2021,\"fileName\":\"a.xlsx\","
                      + "\"size\":100,\"action\":\"ACCEPT\",\"note\":\"备注\",\"version\":1,"
                      + "\"contentType\":\"image/jpeg\",\"satisfiedWithResult\":true,"
                      + "\"manualScores\":[{\"indicator\":\"goal-reasonable\",\"score\":4}]}");
    }
    if (random.nextBoolean()) {
      base.put("contactName", NAME);
      base.put("contactPhone", PHONE);
    }
    return base;
  }

  private static byte[] body(
      ObjectNode base,
      Random random,
      Map<String, String> headers,
      List<String> what,
      boolean focused) {
    headers.put(
        "content-type",
        random.nextInt(10) < 7
            ? "application/json"
            : pick(
                random,
                "text/plain",
                "application/x-www-form-urlencoded",
                "application/xml",
                "application/octet-stream",
                "application/json; charset=utf-16",
                "multipart/form-data; boundary=x"));
    if (random.nextInt(30) == 0) {
      headers.remove("content-type");
    }
    int kind =
        focused
            ? pick(random, 0, 5, 6, 6, 6, 6, 8, 8, 9, 10, 11, 12, 12, 13, 14, 14, 23)
            : random.nextInt(24);
    if (focused) {
      headers.put("content-type", "application/json");
    }
    String text = base.toString();
    String key = anyKey(base, random);
    return switch (kind) {
      case 0 -> utf8(text, what, "as is");
      case 1 -> utf8(text.substring(0, random.nextInt(text.length())), what, "truncated");
      case 2 -> utf8(text + pick(random, " x", "{}", ",", "]"), what, "trailing garbage");
      case 3 -> utf8("[".repeat(20000) + "]".repeat(20000), what, "nested 20000 deep");
      case 4 ->
          utf8("{\"a\":".repeat(300) + "1" + "}".repeat(300), what, "objects nested 300 deep");
      case 5 ->
          utf8(
              "{\""
                  + key
                  + "\":"
                  + pick(random, "false", "null", "\"x\"", "1")
                  + ","
                  + text.substring(1),
              what,
              "duplicate key " + key);
      case 6 -> {
        String number =
            pick(
                random,
                "1e400",
                "-1e400",
                "1e-400",
                "18446744073709551621",
                "9".repeat(400),
                "1E+2147483648",
                "-0.0",
                "0.1e99999",
                "4.0000000000000000000000001");
        key = plant(base, json(number), random);
        yield utf8(base.toString(), what, key + "=" + abbreviate(number, 20));
      }
      case 7 ->
          utf8(
              text.replaceFirst(
                  ":(\"[^\"]*\"|\\d+|true|false)",
                  ":" + pick(random, "NaN", "Infinity", "-Infinity", "0x10", "01", "'x'")),
              what,
              "non-JSON number");
      case 8 -> {
        String c = pick(random, "\u0000", "\u0007", "\u001b", "\u0085", "\n", "\r", "\u007f", "\t");
        key = plant(base, TextNode.valueOf("前" + c + "后"), random);
        yield utf8(
            base.toString(), what, key + " with control U+" + Integer.toHexString(c.charAt(0)));
      }
      case 9 -> {
        String c =
            pick(
                random, "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067",
                "\u2068", "\u2069");
        key = plant(base, TextNode.valueOf("abc" + c + "def"), random);
        yield utf8(base.toString(), what, key + " with bidi U+" + Integer.toHexString(c.charAt(0)));
      }
      case 10 -> {
        String escaped = pick(random, "\\ud800", "\\udfff", "\\ud800\\ud800", "x\\udc00");
        yield utf8(
            "{\"" + key + "\":\"a" + escaped + "b\"," + text.substring(1),
            what,
            key + " with lone surrogate " + escaped);
      }
      case 11 -> {
        byte[] broken =
            pick(
                random,
                new byte[][] {
                  {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                  {(byte) 0xFF},
                  {(byte) 0xC0, (byte) 0xAF},
                  {(byte) 0xE4, (byte) 0xB8}
                });
        byte[] head = ("{\"" + key + "\":\"a").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\"," + text.substring(1)).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[head.length + broken.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(broken, 0, all, head.length, broken.length);
        System.arraycopy(tail, 0, all, head.length + broken.length, tail.length);
        what.add(key + " with broken UTF-8");
        yield all;
      }
      case 12 -> {
        key =
            plant(
                base,
                json(
                    pick(
                        random,
                        "[]",
                        "{}",
                        "null",
                        "true",
                        "123",
                        "\"str\"",
                        "[[1]]",
                        "{\"a\":{}}",
                        "-1")),
                random);
        yield utf8(base.toString(), what, key + " of a wrong type");
      }
      case 13 -> {
        key =
            plant(
                base,
                TextNode.valueOf(
                    pick(
                        random,
                        "\u200b\u200c",
                        "\u3000",
                        "\u2800",
                        "\ufeff",
                        " \u00a0 ",
                        "\u3164")),
                random);
        yield utf8(base.toString(), what, key + " invisible only");
      }
      case 14 -> {
        key =
            plant(base, TextNode.valueOf(pick(random, "٢٠٢١", "２０２１", "߂߀߂߁", "१२", "1٢")), random);
        yield utf8(base.toString(), what, key + " in other digits");
      }
      case 15 -> {
        key = plant(base, TextNode.valueOf("长".repeat(100_000)), random);
        yield utf8(base.toString(), what, key + " 300 KB long");
      }
      case 16 ->
          utf8(
              pick(random, "[]", "\"x\"", "1", "null", "true", "[{}]", " "), what, "not an object");
      case 17 -> {
        what.add("empty");
        yield new byte[0];
      }
      case 18 -> {
        headers.put("content-type", "application/x-www-form-urlencoded");
        yield utf8(
            form(base)
                + pick(
                    random,
                    "&description=a&description=b",
                    "&x=%ED%A0%80",
                    "&x=%zz",
                    "&x=%E4%B8",
                    "&%00=1",
                    "&x=" + enc("\u202E")),
            what,
            "form");
      }
      case 19 -> utf8("<xml><a>" + NAME + "</a></xml>", what, "XML");
      case 20 -> {
        key = plant(base, TextNode.valueOf(pick(random, staffToken, accessToken)), random);
        yield utf8(base.toString(), what, key + " carrying a token");
      }
      case 21 -> {
        base.put(pick(random, "a\u0000b", "\u202Ekey", "k\ud800"), "v");
        yield utf8(base.toString(), what, "a hostile key");
      }
      case 22 -> {
        Iterator<String> names = base.fieldNames();
        List<String> all = new ArrayList<>();
        names.forEachRemaining(all::add);
        all.forEach(n -> base.put(n, "x".repeat(10_000)));
        yield utf8(base.toString(), what, "every field 10000 long");
      }
      default -> {
        key =
            plant(
                base,
                TextNode.valueOf(
                    pick(random, "1e400", "NaN", "Infinity", "-0", "1,000", "0x10", " 12 ", "1e2")),
                random);
        yield utf8(base.toString(), what, key + " a number in words");
      }
    };
  }

  /**
   * Puts {@code value} in place of a field or element anywhere in {@code base}, at any depth (or as
   * a new field when there is none), and says where.
   */
  private static String plant(ObjectNode base, JsonNode value, Random random) {
    List<String> paths = new ArrayList<>();
    List<Runnable> setters = new ArrayList<>();
    slots(base, "", paths, setters, value, value.isNumber() && random.nextInt(4) != 0);
    if (paths.isEmpty()) {
      slots(base, "", paths, setters, value, false);
    }
    if (paths.isEmpty()) {
      base.set("x", value);
      return "x";
    }
    int slot = random.nextInt(paths.size());
    setters.get(slot).run();
    return paths.get(slot);
  }

  /** Every place in the tree (only those holding a number, with {@code numbersOnly}). */
  private static void slots(
      JsonNode node,
      String path,
      List<String> paths,
      List<Runnable> setters,
      JsonNode value,
      boolean numbersOnly) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String child = path.isEmpty() ? name : path + "." + name;
        if (!numbersOnly || object.get(name).isNumber()) {
          paths.add(child);
          setters.add(() -> object.set(name, value));
        }
        slots(object.get(name), child, paths, setters, value, numbersOnly);
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        int index = i;
        if (!numbersOnly || array.get(i).isNumber()) {
          paths.add(path + "[" + i + "]");
          setters.add(() -> array.set(index, value));
        }
        slots(array.get(i), path + "[" + i + "]", paths, setters, value, numbersOnly);
      }
    }
  }

  /** A body over Lambda's 6 MB and one over API Gateway's 10 MB, on one route of each function. */
  /**
   * Every staff route as a legitimate caller would ask (plausible path, an example body as is),
   * once with each token of {@link #oddIdentityTokens}: what reaches the use cases is the identity
   * alone.
   */
  private static List<Probe> oddIdentities(
      List<SamTemplate.Route> routes, Map<String, List<ObjectNode>> examples, Random random) {
    List<Probe> probes = new ArrayList<>();
    for (SamTemplate.Route route : routes) {
      if (!route.staffOnly()) {
        continue;
      }
      String method = route.method().equals("ANY") ? "GET" : route.method();
      List<ObjectNode> bodies = examples.getOrDefault(route.routeKey(), List.of());
      for (int i = 0; i < oddIdentityTokens.size(); i++) {
        StringBuilder path = new StringBuilder();
        Matcher matcher = PARAMETER.matcher(route.path());
        while (matcher.find()) {
          String name = matcher.group(1);
          matcher.appendReplacement(
              path,
              Matcher.quoteReplacement(
                  name.equals("trackingNumber") ? trackingNumber : plausible(name, random)));
        }
        matcher.appendTail(path);
        byte[] body =
            method.equals("GET") || bodies.isEmpty()
                ? new byte[0]
                : bodies
                    .get(random.nextInt(bodies.size()))
                    .toString()
                    .getBytes(StandardCharsets.UTF_8);
        probes.add(
            new Probe(
                method,
                path.toString(),
                Map.of(
                    "content-type",
                    "application/json",
                    "authorization",
                    "Bearer " + oddIdentityTokens.get(i)),
                body,
                true,
                route.routeKey(),
                "odd identity token " + i));
      }
    }
    return probes;
  }

  private static List<Probe> oversized(List<SamTemplate.Route> routes) {
    List<Probe> probes = new ArrayList<>();
    Set<String> seen = new java.util.HashSet<>();
    for (SamTemplate.Route route : routes) {
      if (route.method().equals("GET") || !seen.add(route.path().split("/")[1])) {
        continue;
      }
      String path = route.path().replaceAll("\\{[^}]+}", "x");
      for (int megabytes : new int[] {7, 11}) {
        byte[] body = new byte[megabytes << 20];
        java.util.Arrays.fill(body, (byte) 'a');
        probes.add(
            new Probe(
                route.method(),
                path,
                Map.of("content-type", "application/json", "authorization", "Bearer " + staffToken),
                body,
                true,
                route.routeKey(),
                megabytes + " MB body"));
      }
    }
    return probes;
  }

  // ------------------------------------------------------------------ sending

  private static List<Outcome> send(List<Probe> probes) throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Future<Outcome>> futures = new ArrayList<>();
      for (Probe probe : probes) {
        futures.add(clients.submit(() -> send(probe, true)));
      }
      List<Outcome> outcomes = new ArrayList<>();
      for (Future<Outcome> future : futures) {
        outcomes.add(future.get());
      }
      return outcomes;
    } finally {
      clients.shutdownNow();
    }
  }

  private static Outcome send(Probe probe, boolean retry) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(backend.baseUrl() + probe.target()))
            .timeout(Duration.ofSeconds(60))
            .method(
                probe.method(),
                probe.body().length == 0
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(probe.body()));
    probe.headers().forEach(request::header);
    try {
      HttpResponse<byte[]> response =
          HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Outcome(
          probe, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    } catch (IOException noAnswer) {
      if (!retry) {
        // the connection closed without an answer: as bad as a 5xx
        return new Outcome(probe, NO_ANSWER, noAnswer.toString());
      }
      // a kept-alive connection the server had just closed (after an earlier answer that left
      // a body unread); a request that really gets no answer gets none on a new connection either
      return send(probe, false);
    }
  }

  // ------------------------------------------------------------------ helpers

  /** The request bodies of events/ (the repository's real-shaped events), by route key. */
  private static Map<String, List<ObjectNode>> exampleBodies() throws IOException {
    Map<String, List<ObjectNode>> bodies = new HashMap<>();
    try (Stream<Path> files = Files.walk(ProjectLayout.root().resolve("events"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode event = Json.mapper().readTree(file.toFile());
        if (!event.path("routeKey").isTextual() || !event.path("body").isTextual()) {
          continue;
        }
        String text = event.path("body").asText();
        if (event.path("isBase64Encoded").asBoolean()) {
          text = new String(Base64.getDecoder().decode(text), StandardCharsets.UTF_8);
        }
        try {
          JsonNode body = Json.mapper().readTree(text);
          if (body instanceof ObjectNode object) {
            bodies
                .computeIfAbsent(event.path("routeKey").asText(), k -> new ArrayList<>())
                .add(object);
          }
        } catch (IOException notJson) {
          // a negative example (malformed on purpose): the generator makes its own
        }
      }
    }
    return bodies;
  }

  /**
   * The query parameter names the events/ of each route use, so a route's own get hostile values.
   */
  private static Map<String, List<String>> exampleQueryNames() throws IOException {
    Map<String, Set<String>> names = new HashMap<>();
    try (Stream<Path> files = Files.walk(ProjectLayout.root().resolve("events"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
        JsonNode event = Json.mapper().readTree(file.toFile());
        if (event.path("routeKey").isTextual()) {
          event
              .path("queryStringParameters")
              .fieldNames()
              .forEachRemaining(
                  name ->
                      names
                          .computeIfAbsent(
                              event.path("routeKey").asText(), k -> new java.util.TreeSet<>())
                          .add(name));
        }
      }
    }
    Map<String, List<String>> lists = new HashMap<>();
    names.forEach(
        (route, set) -> {
          if (set.contains("limit")) {
            set.add("cursor"); // a paged route: its next page's token too
          }
          lists.put(route, List.copyOf(set));
        });
    return lists;
  }

  private static String anyKey(ObjectNode base, Random random) {
    List<String> keys = new ArrayList<>();
    base.fieldNames().forEachRemaining(keys::add);
    return keys.isEmpty() ? "x" : keys.get(random.nextInt(keys.size()));
  }

  private static String form(ObjectNode base) {
    List<String> pairs = new ArrayList<>();
    base.fields()
        .forEachRemaining(e -> pairs.add(enc(e.getKey()) + "=" + enc(e.getValue().asText())));
    return String.join("&", pairs);
  }

  private static byte[] utf8(String text, List<String> what, String description) {
    what.add(description);
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static JsonNode json(String text) {
    try {
      return Json.mapper().readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException(text, e);
    }
  }

  private static String enc(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  @SafeVarargs
  private static <T> T pick(Random random, T... choices) {
    return choices[random.nextInt(choices.length)];
  }

  private static String abbreviate(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length) + "…";
  }

  private static OutputStream synchronizedOutput(ByteArrayOutputStream out) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        synchronized (out) {
          out.write(b);
        }
      }

      @Override
      public void write(byte[] b, int off, int len) {
        synchronized (out) {
          out.write(b, off, len);
        }
      }
    };
  }

  private static OutputStream tee(OutputStream first, OutputStream second) {
    return new OutputStream() {
      @Override
      public void write(int b) throws IOException {
        first.write(b);
        second.write(b);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        first.write(b, off, len);
        second.write(b, off, len);
      }

      @Override
      public void flush() throws IOException {
        first.flush();
        second.flush();
      }
    };
  }
}
