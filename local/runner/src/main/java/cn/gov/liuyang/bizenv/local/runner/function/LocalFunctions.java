package cn.gov.liuyang.bizenv.local.runner.function;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import java.io.PrintStream;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Every function of the template, each constructed once, as warm containers. */
public final class LocalFunctions {
  private final Map<String, LocalFunction> byLogicalId;

  private LocalFunctions(Map<String, LocalFunction> byLogicalId) {
    this.byLogicalId = byLogicalId;
  }

  /**
   * Loads each function of {@code template}; prints one warning line for each that cannot run here.
   *
   * @param environmentFor the environment of a function, by logical id
   */
  public static LocalFunctions load(
      SamTemplate template,
      Function<String, Map<String, String>> environmentFor,
      PrintStream warnings) {
    Map<String, LocalFunction> functions = new LinkedHashMap<>();
    for (SamTemplate.Function definition : template.functions()) {
      LocalFunction function = loadOne(template, definition, environmentFor);
      function
          .unavailableReason()
          .ifPresent(
              reason ->
                  warnings.println(
                      "警告：函数 " + definition.logicalId() + " 无法在本地运行，它的路由将回答 503（" + reason + "）"));
      functions.put(definition.logicalId(), function);
    }
    return new LocalFunctions(Map.copyOf(functions));
  }

  /** Loads one function (for {@code bin/invoke}), whether or not it can run. */
  public static LocalFunction loadOne(
      SamTemplate template,
      SamTemplate.Function definition,
      Function<String, Map<String, String>> environmentFor) {
    int memoryMb =
        template.resourceProperties(definition.logicalId()).path("MemorySize").asInt(512);
    return LocalFunction.load(definition, memoryMb, environmentFor.apply(definition.logicalId()));
  }

  public Optional<LocalFunction> get(String logicalId) {
    return Optional.ofNullable(byLogicalId.get(logicalId));
  }

  public LocalFunction require(String logicalId) {
    return get(logicalId)
        .orElseThrow(() -> new IllegalArgumentException("no function " + logicalId));
  }

  public Collection<LocalFunction> all() {
    return byLogicalId.values();
  }
}
