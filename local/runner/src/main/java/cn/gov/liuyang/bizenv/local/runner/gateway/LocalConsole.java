package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * What only the local runner gives the staff console: its settings ({@code /console/settings.json},
 * which the publish command writes on AWS), and the local sign-in page with the route that issues a
 * staff token for the person, groups and units chosen there. Neither exists in a deployment: on AWS
 * the console signs in through Cognito's hosted UI.
 */
public final class LocalConsole {
  /** Where the console reads its settings. */
  public static final String SETTINGS_PATH = "/console/settings.json";

  /** The local sign-in page. */
  public static final String SIGN_IN_PAGE = "/local/sign-in/";

  /** The route the sign-in page posts to. */
  public static final String TOKEN_ROUTE = "/local/staff-token";

  /** The seed year's unit, the sign-in page's default. */
  public static final String SEED_UNIT = "lyyshj";

  private static final Pattern UNIT = Pattern.compile("[a-z0-9-]{2,40}");
  private static final Pattern SUBJECT = Pattern.compile("[A-Za-z0-9._@-]{1,64}");
  private static final Pattern HOST =
      Pattern.compile("(127\\.0\\.0\\.1|localhost|\\[::1\\]):[0-9]{1,5}");

  private final StaffTokens tokens;
  private final Duration validity;

  public LocalConsole(StaffTokens tokens, Duration validity) {
    this.tokens = tokens;
    this.validity = validity;
  }

  /**
   * The answer for a request on one of its paths, or empty for any other path.
   *
   * @param baseUrl the gateway's own address, the API base unless the browser reached it as {@code
   *     localhost}
   */
  Optional<GatewayResponse> serve(
      String method,
      String rawPath,
      Map<String, List<String>> headers,
      Supplier<Optional<byte[]>> body,
      URI baseUrl) {
    if (rawPath.equals(SETTINGS_PATH)) {
      return Optional.of(onlyGet(method).orElseGet(() -> settings(headers, baseUrl)));
    }
    if (rawPath.equals("/local/sign-in")) {
      Map<String, List<String>> location = new LinkedHashMap<>();
      location.put("location", new ArrayList<>(List.of(SIGN_IN_PAGE)));
      return Optional.of(new GatewayResponse(301, location, new byte[0]));
    }
    if (rawPath.equals(SIGN_IN_PAGE) || rawPath.equals(SIGN_IN_PAGE + "index.html")) {
      return Optional.of(onlyGet(method).orElseGet(LocalConsole::signInPage));
    }
    if (rawPath.equals(TOKEN_ROUTE)) {
      if (!method.equals("POST")) {
        return Optional.of(GatewayResponse.message(405, "Method Not Allowed"));
      }
      return Optional.of(body.get().map(this::issue).orElseGet(LocalConsole::tooLarge));
    }
    return Optional.empty();
  }

  private static Optional<GatewayResponse> onlyGet(String method) {
    return method.equals("GET") || method.equals("HEAD")
        ? Optional.empty()
        : Optional.of(GatewayResponse.message(405, "Method Not Allowed"));
  }

  /** The contract of docs/console.md, with {@code "mode": "local"}. */
  private static GatewayResponse settings(Map<String, List<String>> headers, URI baseUrl) {
    String apiBase =
        Optional.ofNullable(headers.get("host"))
            .filter(values -> !values.isEmpty())
            .map(values -> values.get(0))
            .filter(host -> HOST.matcher(host).matches())
            .map(host -> "http://" + host)
            .orElse(baseUrl.toString());
    ObjectNode settings = Json.mapper().createObjectNode().put("apiBase", apiBase);
    settings.putObject("auth").put("mode", "local").put("signInUrl", SIGN_IN_PAGE);
    return json(200, settings);
  }

  private static GatewayResponse signInPage() {
    try (InputStream page = LocalConsole.class.getResourceAsStream("sign-in.html")) {
      if (page == null) {
        return GatewayResponse.message(500, "Internal Server Error");
      }
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("content-type", new ArrayList<>(List.of("text/html; charset=utf-8")));
      headers.put("cache-control", new ArrayList<>(List.of("no-cache")));
      return new GatewayResponse(200, headers, page.readAllBytes());
    } catch (IOException e) {
      return GatewayResponse.message(500, "Internal Server Error");
    }
  }

  /** {@code {"name","sub","groups":[…],"units":[…]}} → 201 {@code {token, expiresIn, …}}. */
  private GatewayResponse issue(byte[] body) {
    JsonNode request;
    try {
      request = Json.mapper().readTree(body);
    } catch (IOException e) {
      return refusal("BODY_MALFORMED", "请求内容不是有效的 JSON", List.of());
    }
    if (request == null || !request.isObject()) {
      return refusal("BODY_NOT_OBJECT", "请求内容应为 JSON 对象", List.of());
    }
    List<ObjectNode> errors = new ArrayList<>();
    String name = request.path("name").asText("").strip();
    if (name.isEmpty()) {
      errors.add(error("name", "REQUIRED", "请填写姓名"));
    } else if (name.codePointCount(0, name.length()) > 40) {
      errors.add(error("name", "TOO_LONG", "姓名不能超过 40 个字"));
    }
    String subject = request.path("sub").asText("").strip();
    if (!SUBJECT.matcher(subject).matches()) {
      errors.add(error("sub", "SUBJECT_INVALID", "工号应为 1–64 位字母、数字或 . _ @ -"));
    }
    Set<String> groups = new LinkedHashSet<>();
    JsonNode groupsNode = request.path("groups");
    if (!groupsNode.isArray() || groupsNode.isEmpty()) {
      errors.add(error("groups", "REQUIRED", "请至少选择一个岗位"));
    } else {
      for (JsonNode group : groupsNode) {
        if (!StaffIdentity.ALL_GROUPS.contains(group.asText())) {
          errors.add(
              error(
                  "groups",
                  "GROUP_UNKNOWN",
                  "岗位应为 " + String.join("、", StaffIdentity.ALL_GROUPS) + " 之一"));
          break;
        }
        groups.add(group.asText());
      }
    }
    Set<String> units = new LinkedHashSet<>();
    JsonNode unitsNode = request.path("units");
    if (!unitsNode.isMissingNode() && !unitsNode.isArray()) {
      errors.add(error("units", "TYPE_MISMATCH", "单位应为单位代码的列表"));
    } else {
      for (JsonNode unit : unitsNode) {
        if (!UNIT.matcher(unit.asText()).matches()) {
          errors.add(error("units", "UNIT_INVALID", "单位代码应为 2–40 位小写字母、数字或连字符"));
          break;
        }
        units.add(unit.asText());
      }
    }
    if (!errors.isEmpty()) {
      return refusal("VALIDATION_FAILED", "登录信息有误，请按提示修改", errors);
    }
    StaffIdentity identity = new StaffIdentity(subject, name, List.copyOf(groups));
    ObjectNode answer =
        Json.mapper()
            .createObjectNode()
            .put("token", tokens.issue(identity, List.copyOf(units), validity))
            .put("expiresIn", validity.toSeconds())
            .put("name", name)
            .put("sub", subject);
    ArrayNode groupsOut = answer.putArray("groups");
    groups.forEach(groupsOut::add);
    ArrayNode unitsOut = answer.putArray("units");
    units.forEach(unitsOut::add);
    return json(201, answer);
  }

  private static ObjectNode error(String field, String code, String message) {
    return Json.mapper()
        .createObjectNode()
        .put("field", field)
        .put("code", code)
        .put("message", message);
  }

  private static GatewayResponse refusal(String code, String message, List<ObjectNode> errors) {
    ObjectNode body = Json.mapper().createObjectNode().put("code", code).put("message", message);
    body.putArray("errors").addAll(errors);
    return json(400, body);
  }

  private static GatewayResponse tooLarge() {
    ObjectNode body =
        Json.mapper().createObjectNode().put("code", "BODY_TOO_LARGE").put("message", "请求内容过大");
    return json(413, body);
  }

  private static GatewayResponse json(int status, JsonNode body) {
    Map<String, List<String>> headers = new LinkedHashMap<>();
    headers.put("content-type", new ArrayList<>(List.of("application/json")));
    headers.put("cache-control", new ArrayList<>(List.of("no-store")));
    return new GatewayResponse(status, headers, body.toString().getBytes(StandardCharsets.UTF_8));
  }
}
