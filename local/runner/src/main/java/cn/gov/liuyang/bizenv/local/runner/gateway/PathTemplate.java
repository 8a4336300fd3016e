package cn.gov.liuyang.bizenv.local.runner.gateway;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP API route path: literal segments, {@code {name}} for one segment and a trailing {@code
 * {name+}} for the rest of the path.
 */
record PathTemplate(String template, List<Segment> segments) {

  sealed interface Segment permits Literal, Parameter, Greedy {}

  record Literal(String text) implements Segment {}

  record Parameter(String name) implements Segment {}

  record Greedy(String name) implements Segment {}

  /** API Gateway prefers literal segments to parameters, and parameters to a greedy tail. */
  static final Comparator<PathTemplate> MOST_SPECIFIC_FIRST =
      Comparator.comparingInt(PathTemplate::greedyCount)
          .thenComparing(Comparator.comparingInt(PathTemplate::literalCount).reversed())
          .thenComparing(Comparator.comparingInt((PathTemplate p) -> p.segments.size()).reversed());

  static PathTemplate parse(String template) {
    List<Segment> segments =
        Arrays.stream(split(template))
            .map(
                text -> {
                  if (text.startsWith("{") && text.endsWith("+}")) {
                    return (Segment) new Greedy(text.substring(1, text.length() - 2));
                  }
                  if (text.startsWith("{") && text.endsWith("}")) {
                    return new Parameter(text.substring(1, text.length() - 1));
                  }
                  return new Literal(text);
                })
            .toList();
    return new PathTemplate(template, segments);
  }

  /** The path parameters (decoded) if {@code rawPath} matches. */
  Optional<Map<String, String>> match(String rawPath) {
    String[] parts = split(rawPath);
    Map<String, String> parameters = new LinkedHashMap<>();
    for (int i = 0; i < segments.size(); i++) {
      Segment segment = segments.get(i);
      if (segment instanceof Greedy greedy) {
        if (i >= parts.length) {
          return Optional.empty();
        }
        String rest = String.join("/", Arrays.copyOfRange(parts, i, parts.length));
        parameters.put(greedy.name(), decode(rest));
        return Optional.of(parameters);
      }
      if (i >= parts.length) {
        return Optional.empty();
      }
      if (segment instanceof Literal literal && !literal.text().equals(decode(parts[i]))) {
        return Optional.empty();
      }
      if (segment instanceof Parameter parameter) {
        if (parts[i].isEmpty()) {
          return Optional.empty();
        }
        parameters.put(parameter.name(), decode(parts[i]));
      }
    }
    return parts.length == segments.size() ? Optional.of(parameters) : Optional.empty();
  }

  private int greedyCount() {
    return (int) segments.stream().filter(Greedy.class::isInstance).count();
  }

  private int literalCount() {
    return (int) segments.stream().filter(Literal.class::isInstance).count();
  }

  private static String[] split(String path) {
    String trimmed = path.startsWith("/") ? path.substring(1) : path;
    return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
  }

  /** Percent-decoding of a path segment; unlike a query string, '+' stays '+'. */
  private static String decode(String segment) {
    return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
  }
}
