package cn.gov.liuyang.bizenv.local.cloud;

import cn.gov.liuyang.bizenv.local.cloud.SdkCallRecorder.Call;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares what functions did against the emulators ({@link SdkCallRecorder}) with what
 * template.yaml allows them: every call needs an {@code Allow} statement whose action and resource
 * cover it, and every granted action and resource must have been used by the function's integration
 * tests or be listed, with its reason, under the function's {@code Metadata.IamNotExercised}
 * ({@code Action}, {@code Resource} written {@code X.Arn} or {@code X.Arn/prefix/*}, {@code
 * Reason}).
 *
 * <p>Resources are compared in the emulators' names: {@code table/<TableLogicalId>[/index/<name>]}
 * and {@code bucket/<local-bucket-name>[/<key>]}; {@code !GetAtt X.Arn} and {@code ${X.Arn}} in
 * {@code !Sub} resolve to them, and {@code *} matches anything, as in IAM. Conditions are not
 * evaluated (a conditional statement counts as a grant); TemplateSecurityTest checks those.
 */
public final class IamPolicyCheck {
  private static final Pattern ARN_REFERENCE = Pattern.compile("\\$\\{([A-Za-z0-9]+)\\.Arn}");

  private IamPolicyCheck() {}

  /** One action on one resource pattern, as a function's statement grants it. */
  public record Grant(String action, String resource) {
    boolean covers(Call call) {
      return glob(action).matcher(call.action()).matches()
          && glob(resource).matcher(call.resource()).matches();
    }

    @Override
    public String toString() {
      return action + " on " + resource;
    }
  }

  /** What the comparison found; {@link #problems()} empty means the template fits the code. */
  public record Result(List<String> missing, List<String> notExercised) {
    public List<String> problems() {
      List<String> problems = new ArrayList<>(missing);
      problems.addAll(notExercised);
      return problems;
    }
  }

  /**
   * @param observed the calls functions made
   * @param exercised the functions whose every grant the observations should have used (those whose
   *     code and integration tests are in the module that observed them)
   */
  public static Result check(
      SamTemplate template, Collection<Call> observed, Set<String> exercised) {
    List<String> missing = new ArrayList<>();
    for (Call call : new TreeSet<>(observed)) {
      if (template.function(call.function()).isEmpty()) {
        missing.add(call.function() + "：template.yaml 中没有这个函数，却调用了 " + call.action());
        continue;
      }
      if (grants(template, call.function()).stream().noneMatch(g -> g.covers(call))) {
        missing.add(
            call.function()
                + " 缺少权限："
                + call.action()
                + " on "
                + call.resource()
                + "（template.yaml 中该函数的 Policies 没有允许它的语句）");
      }
    }
    List<String> notExercised = new ArrayList<>();
    for (String function : new TreeSet<>(exercised)) {
      Map<Grant, String> justified = notExercised(template, function);
      Set<Grant> used = new HashSet<>();
      for (Grant grant : grants(template, function)) {
        boolean usedNow =
            observed.stream().anyMatch(c -> c.function().equals(function) && grant.covers(c));
        if (usedNow) {
          used.add(grant);
        } else if (!justified.containsKey(grant)) {
          notExercised.add(
              function
                  + " 多余权限："
                  + grant
                  + " 在集成测试中从未用到（不需要就删掉；只在失败路径上用到的，写进该函数的"
                  + " Metadata.IamNotExercised 并说明理由）");
        }
      }
      justified.keySet().stream()
          .filter(used::contains)
          .forEach(
              g ->
                  notExercised.add(
                      function + " 的 Metadata.IamNotExercised 列出 " + g + "，但测试已用到它：从列表中删掉"));
      justified.keySet().stream()
          .filter(g -> !grants(template, function).contains(g))
          .forEach(
              g ->
                  notExercised.add(
                      function + " 的 Metadata.IamNotExercised 列出 " + g + "，但没有授予它：从列表中删掉"));
    }
    return new Result(missing, notExercised);
  }

  /**
   * Fails, naming each function, action and resource, unless the calls observed in this JVM fit
   * template.yaml: run last in a function module's integration tests (its {@code IamPolicyIT}).
   * Every call must be granted; the grants of {@code exercised} must all have been used.
   *
   * @param exercised the functions whose integration tests ran in this JVM in full (a function
   *     another module's tests drive further is vouched for there)
   */
  public static void verify(String... exercised) {
    SamTemplate template = SamTemplate.load();
    Set<String> functions = new TreeSet<>(List.of(exercised));
    for (String function : functions) {
      if (template.function(function).isEmpty()) {
        throw new AssertionError("template.yaml 中没有函数 " + function);
      }
    }
    Set<String> exercisedFunctions = functions;
    Set<Call> observed = SdkCallRecorder.observed();
    List<String> problems = new ArrayList<>();
    for (String function : exercisedFunctions) {
      if (observed.stream().noneMatch(c -> c.function().equals(function))) {
        problems.add(
            function
                + " 在本模块的集成测试中没有记录到任何 AWS 调用：系统属性 "
                + SdkCallRecorder.PROPERTY
                + " 未设置，或没有测试在该函数的环境中构建处理程序");
      }
    }
    problems.addAll(check(template, observed, exercisedFunctions).problems());
    if (!problems.isEmpty()) {
      throw new AssertionError(
          "template.yaml 授予的 IAM 权限与代码实际的调用不符：\n  " + String.join("\n  ", problems));
    }
  }

  /** The function's {@code Allow} statements, one grant per action and resource. */
  public static List<Grant> grants(SamTemplate template, String function) {
    JsonNode properties = template.resourceProperties(function);
    List<Grant> grants = new ArrayList<>();
    for (JsonNode policy : properties.path("Policies")) {
      if (!policy.has("Statement")) {
        throw new LocalCloudException(
            function + " 的 Policies 中有 SAM 策略模板或托管策略 " + policy + "：请写成明确的 Statement");
      }
      for (JsonNode statement : policy.path("Statement")) {
        if (!"Allow".equals(statement.path("Effect").asText())) {
          continue;
        }
        for (String action : texts(statement.path("Action"))) {
          for (String resource : texts(statement.path("Resource"))) {
            Grant grant = new Grant(action, resolve(template, resource));
            if (!grants.contains(grant)) {
              grants.add(grant);
            }
          }
        }
      }
    }
    return grants;
  }

  /** {@code Metadata.IamNotExercised} of a function: grant to reason. */
  static Map<Grant, String> notExercised(SamTemplate template, String function) {
    Map<Grant, String> reasons = new LinkedHashMap<>();
    for (JsonNode entry : template.resourceMetadata(function).path("IamNotExercised")) {
      String reason = entry.path("Reason").asText();
      if (reason.isBlank()) {
        throw new LocalCloudException(
            function + " 的 Metadata.IamNotExercised 条目缺少 Reason：" + entry);
      }
      reasons.put(
          new Grant(
              entry.path("Action").asText(), resolve(template, entry.path("Resource").asText())),
          reason);
    }
    return reasons;
  }

  static String resolve(SamTemplate template, String resource) {
    // X.Arn (from !GetAtt, or written so in Metadata, where cfn-lint refuses ${}) is ${X.Arn}
    String expanded = resource.replaceFirst("^([A-Za-z0-9]+\\.Arn)(/.*)?$", "\\${$1}$2");
    Matcher reference = ARN_REFERENCE.matcher(expanded);
    StringBuilder resolved = new StringBuilder();
    while (reference.find()) {
      reference.appendReplacement(
          resolved, Matcher.quoteReplacement(localName(template, reference.group(1), resource)));
    }
    reference.appendTail(resolved);
    return resolved.toString();
  }

  private static String localName(SamTemplate template, String logicalId, String resource) {
    if (template.tables().stream().anyMatch(t -> t.logicalId().equals(logicalId))) {
      return "table/" + LocalCloud.tableName(logicalId);
    }
    if (template.buckets().contains(logicalId)) {
      return "bucket/" + LocalCloud.bucketName(logicalId);
    }
    throw new LocalCloudException(
        "无法解析资源 " + resource + "：" + logicalId + " 不是 template.yaml 中的表或存储桶");
  }

  private static List<String> texts(JsonNode node) {
    List<String> texts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(n -> texts.add(n.asText()));
    } else if (!node.isMissingNode()) {
      texts.add(node.asText());
    }
    return texts;
  }

  /** IAM's wildcard: {@code *} matches any characters, {@code /} included. */
  private static Pattern glob(String pattern) {
    StringJoiner regex = new StringJoiner(".*");
    for (String part : pattern.split("\\*", -1)) {
      regex.add(Pattern.quote(part));
    }
    return Pattern.compile(regex.toString());
  }
}
