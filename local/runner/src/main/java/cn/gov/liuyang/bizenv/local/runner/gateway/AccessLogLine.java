package cn.gov.liuyang.bizenv.local.runner.gateway;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line of the gateway's access log, with nothing in it that opens a case or names a person:
 * method, path, status, time and route. Headers and bodies are never logged. A path parameter is
 * shown only when its name says it is an identifier that opens nothing (a tracking number, a year,
 * a unit, a submission, a service code) and its value is short and plain; any other value (an
 * Open311 token, an id, a tracking number that is really someone's pasted token) is shown as its
 * {@code {name}}. Query strings keep their parameter names, never their values. A path no route
 * matches keeps its first segment only.
 */
final class AccessLogLine {
  private static final Set<String> SHOWN_PARAMETERS =
      Set.of("trackingNumber", "year", "unit", "submissionId", "serviceCode");
  private static final Pattern PLAIN_VALUE = Pattern.compile("[A-Za-z0-9-]{1,40}");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z_\\[\\]]{1,40}");
  private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+?)\\+?}");

  private AccessLogLine() {}

  static String of(
      String method,
      String rawPath,
      String rawQuery,
      Optional<RouteTable.Match> match,
      int status,
      long millis) {
    return method
        + " "
        + match.map(AccessLogLine::path).orElseGet(() -> unmatched(rawPath))
        + query(rawQuery)
        + " -> "
        + status
        + " ("
        + millis
        + " ms)"
        + match.map(m -> " [" + m.route().routeKey() + "]").orElse("");
  }

  /** The route's path with the parameters that may be shown filled in. */
  static String path(RouteTable.Match match) {
    Map<String, String> values = match.pathParameters();
    Matcher parameter = PARAMETER.matcher(match.route().path());
    StringBuilder path = new StringBuilder();
    while (parameter.find()) {
      String name = parameter.group(1);
      String value = values.get(name);
      boolean shown =
          value != null && SHOWN_PARAMETERS.contains(name) && PLAIN_VALUE.matcher(value).matches();
      parameter.appendReplacement(path, Matcher.quoteReplacement(shown ? value : "{" + name + "}"));
    }
    parameter.appendTail(path);
    return path.toString();
  }

  /** {@code /first/…}: a path no route matches keeps its first segment, if that is plain. */
  static String unmatched(String rawPath) {
    String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    int second = path.indexOf('/', 1);
    String first = path.substring(1, second < 0 ? path.length() : second);
    if (first.isEmpty() && second < 0) {
      return "/";
    }
    String shown = PLAIN_VALUE.matcher(first).matches() ? "/" + first : "/…";
    return second < 0 || shown.equals("/…") ? shown : shown + "/…";
  }

  /** {@code ?name=…&other=…}: the names a client sent, never the values. */
  static String query(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String> names = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      names.add((PLAIN_NAME.matcher(name).matches() ? name : "…") + (equals < 0 ? "" : "=…"));
    }
    return names.isEmpty() ? "" : "?" + String.join("&", names);
  }
}
