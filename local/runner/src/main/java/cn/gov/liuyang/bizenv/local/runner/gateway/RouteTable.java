package cn.gov.liuyang.bizenv.local.runner.gateway;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunctions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP API's routes, as template.yaml declares them, each bound to the function that serves it.
 */
public final class RouteTable {
  private final List<Binding> bindings;

  record Binding(SamTemplate.Route route, PathTemplate path, LocalFunction function) {}

  /** A request's route, its function and its path parameters. */
  public record Match(
      SamTemplate.Route route, LocalFunction function, Map<String, String> pathParameters) {}

  private RouteTable(List<Binding> bindings) {
    this.bindings =
        bindings.stream()
            .sorted(Comparator.comparing(Binding::path, PathTemplate.MOST_SPECIFIC_FIRST))
            .toList();
  }

  /** Every HttpApi event of every function in {@code template}. */
  public static RouteTable fromTemplate(SamTemplate template, LocalFunctions functions) {
    return fromTemplate(template, definition -> functions.require(definition.logicalId()));
  }

  /** The template's routes, each served by the function that {@code serving} picks for it. */
  public static RouteTable fromTemplate(
      SamTemplate template, Function<SamTemplate.Function, LocalFunction> serving) {
    List<Binding> bindings = new ArrayList<>();
    for (SamTemplate.Function definition : template.functions()) {
      LocalFunction function = serving.apply(definition);
      for (SamTemplate.Route route : definition.routes()) {
        bindings.add(new Binding(route, PathTemplate.parse(route.path()), function));
      }
    }
    return new RouteTable(bindings);
  }

  public Optional<Match> match(String method, String rawPath) {
    for (Binding binding : bindings) {
      String routeMethod = binding.route().method();
      if (!routeMethod.equals(method) && !routeMethod.equals("ANY")) {
        continue;
      }
      Optional<Map<String, String>> parameters = binding.path().match(rawPath);
      if (parameters.isPresent()) {
        return Optional.of(new Match(binding.route(), binding.function(), parameters.get()));
      }
    }
    return Optional.empty();
  }

  public List<SamTemplate.Route> routes() {
    return bindings.stream().map(Binding::route).toList();
  }
}
