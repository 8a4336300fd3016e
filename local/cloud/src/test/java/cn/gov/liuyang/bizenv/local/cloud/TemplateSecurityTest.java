package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules of docs/security.md that template.yaml must keep (least privilege, records kept,
 * operations, abuse limits), read from the template itself so that a change that breaks one fails
 * here. Short-form tags reach the test as their plain value ({@code !Sub "arn:…"} is the string).
 */
class TemplateSecurityTest {
  /** SAM policy templates and managed policies that grant more than any function here needs. */
  private static final Set<String> BROAD_POLICIES =
      Set.of(
          "DynamoDBCrudPolicy",
          "DynamoDBWritePolicy",
          "DynamoDBReadPolicy",
          "S3CrudPolicy",
          "S3WritePolicy",
          "S3ReadPolicy",
          "S3FullAccessPolicy",
          "AmazonDynamoDBFullAccess",
          "AmazonS3FullAccess",
          "AdministratorAccess",
          "PowerUserAccess");

  private static final Pattern PUBLIC_FORBIDDEN =
      Pattern.compile("(?i)^(dynamodb:(delete.*|scan|batchwrite.*|\\*)|s3:(delete.*|\\*)|\\*)$");
  private static final Pattern NO_FUNCTION_MAY =
      Pattern.compile("(?i)^(s3:(putlifecycle.*|putbucket.*|.*acl.*|\\*)|dynamodb:\\*|\\*)$");
  private static final Set<String> PERSONAL_ATTRIBUTES = Set.of("contactName", "contactPhone");

  private final JsonNode template = load();
  private final JsonNode resources = template.path("Resources");

  @Test
  void noFunctionUsesAPolicyTemplateThatGrantsMoreThanItNeeds() {
    List<String> found = new ArrayList<>();
    functions()
        .forEach(
            (id, function) -> {
              for (JsonNode policy : function.path("Properties").path("Policies")) {
                String name =
                    policy.isTextual()
                        ? policy.asText()
                        : policy.fieldNames().hasNext() ? policy.fieldNames().next() : "";
                if (BROAD_POLICIES.contains(name)) {
                  found.add(id + ": " + name);
                }
              }
            });
    assertThat(found).as("explicit statements instead").isEmpty();
  }

  @Test
  void thePublicFunctions_mayNotDeleteScanOrBatchWrite() {
    List<String> publicFunctions = new ArrayList<>();
    List<String> found = new ArrayList<>();
    functions()
        .forEach(
            (id, function) -> {
              if (!isPublic(function)) {
                return;
              }
              publicFunctions.add(id);
              actions(function)
                  .forEach(
                      action -> {
                        if (PUBLIC_FORBIDDEN.matcher(action).matches()) {
                          found.add(id + ": " + action);
                        }
                      });
            });
    assertThat(publicFunctions).contains("ComplaintIntakeFunction", "Open311Function");
    assertThat(found).isEmpty();
  }

  @Test
  void noFunction_mayChangeABucketsLifecycleAclsOrSettings() {
    List<String> found = new ArrayList<>();
    functions()
        .forEach(
            (id, function) ->
                actions(function)
                    .forEach(
                        action -> {
                          if (NO_FUNCTION_MAY.matcher(action).matches()) {
                            found.add(id + ": " + action);
                          }
                        }));
    assertThat(found).isEmpty();
  }

  @Test
  void everyArn_namesItsPartitionThroughAwsPartition_soTheStackDeploysInChinaToo() {
    List<String> hardCoded = new ArrayList<>();
    walk(
        resources,
        "Resources",
        (path, text) -> {
          if (text.contains("arn:") && !text.contains("arn:${AWS::Partition}:")) {
            hardCoded.add(path + ": " + text);
          }
        });
    walk(
        template.path("Outputs"),
        "Outputs",
        (path, text) -> {
          if (text.contains("arn:") && !text.contains("arn:${AWS::Partition}:")) {
            hardCoded.add(path + ": " + text);
          }
        });
    assertThat(hardCoded).isEmpty();
  }

  @Test
  void xRayTracing_isAConditionOnThePartition_notADeployFailureInChina() {
    JsonNode tracing = template.path("Globals").path("Function").path("Tracing");
    assertThat(tracing.isArray()).as("Tracing: !If [XRayForLambda, Active, PassThrough]").isTrue();
    assertThat(tracing.get(0).asText()).isEqualTo("XRayForLambda");
    assertThat(template.path("Conditions").path("XRayForLambda").toString())
        .containsAnyOf("aws-cn", "InChina");
    functions()
        .forEach(
            (id, function) ->
                assertThat(function.path("Properties").path("Tracing").asText("none"))
                    .as(id)
                    .isNotEqualTo("Active"));
  }

  @Test
  void theReportFunction_readsComplaintsOnlyWithoutTheirPersonalData() {
    JsonNode report = resources.path("ReportGeneratorFunction");
    List<JsonNode> onComplaints = new ArrayList<>();
    for (JsonNode statement : statements(report)) {
      if (statement.path("Resource").toString().contains("ComplaintsTable")) {
        onComplaints.add(statement);
      }
    }
    assertThat(onComplaints).isNotEmpty();
    for (JsonNode statement : onComplaints) {
      JsonNode condition = statement.path("Condition");
      String text = condition.toString();
      assertThat(text)
          .as("each grant on the complaints table is held by a key or attribute condition")
          .containsAnyOf("dynamodb:LeadingKeys", "dynamodb:Attributes");
      if (text.contains("dynamodb:LeadingKeys")) {
        assertThat(text).doesNotContain("COMPLAINT#").doesNotContain("\"*\"");
      }
      if (text.contains("dynamodb:Attributes")) {
        assertThat(text).contains("SPECIFIC_ATTRIBUTES");
        for (String personal : PERSONAL_ATTRIBUTES) {
          assertThat(text).doesNotContain("\"" + personal + "\"");
        }
        List<String> granted = new ArrayList<>();
        condition.findValue("dynamodb:Attributes").forEach(a -> granted.add(a.asText()));
        assertThat(granted)
            .as("what the statistics read is what the report function may read")
            .containsExactlyInAnyOrderElementsOf(DynamoDbComplaintSearch.STATISTICS_ATTRIBUTES);
      }
    }
  }

  @Test
  void publicFunctionsHaveReservedConcurrency_andTheQueueTriggerAMaximumConcurrency() {
    functions()
        .forEach(
            (id, function) -> {
              JsonNode properties = function.path("Properties");
              if (isPublic(function)) {
                assertThat(properties.path("ReservedConcurrentExecutions").isMissingNode())
                    .as(id)
                    .isFalse();
              }
              properties
                  .path("Events")
                  .forEach(
                      event -> {
                        if ("SQS".equals(event.path("Type").asText())) {
                          assertThat(
                                  event
                                      .path("Properties")
                                      .path("ScalingConfig")
                                      .path("MaximumConcurrency")
                                      .isMissingNode())
                              .as(id)
                              .isFalse();
                        }
                      });
            });
  }

  @Test
  void acceptedWorkbooksLedgersAndReports_areNeverExpired_onlyMovedToCheaperStorage() {
    Map<String, List<String>> records =
        Map.of(
            "UploadsBucket",
            List.of("spending/", "ledgers/"),
            "ReportsBucket",
            List.of("reports/"));
    records.forEach(
        (bucket, prefixes) -> {
          JsonNode rules =
              resources
                  .path(bucket)
                  .path("Properties")
                  .path("LifecycleConfiguration")
                  .path("Rules");
          for (String prefix : prefixes) {
            List<JsonNode> matching = new ArrayList<>();
            for (JsonNode rule : rules) {
              String rulePrefix =
                  rule.path("Prefix").asText(rule.path("Filter").path("Prefix").asText(""));
              if (prefix.startsWith(rulePrefix)) {
                matching.add(rule);
              }
            }
            assertThat(matching).as(bucket + " " + prefix).isNotEmpty();
            for (JsonNode rule : matching) {
              assertThat(rule.has("ExpirationInDays") || rule.has("ExpirationDate"))
                  .as(bucket + " " + prefix + " expires")
                  .isFalse();
              assertThat(rule.has("NoncurrentVersionExpiration"))
                  .as(bucket + " " + prefix + " earlier versions expire")
                  .isFalse();
            }
            assertThat(matching)
                .as(bucket + " " + prefix + " moves to cheaper storage")
                .anyMatch(rule -> rule.has("Transitions"));
          }
        });
  }

  @Test
  void everyFunctionsErrors_theDeadLetterQueue_andThe5xxRate_raiseAnAlarm() {
    String errors = resources.path("FunctionErrorsAlarm").toString();
    functions().forEach((id, function) -> assertThat(errors).as(id).contains("\"" + id + "\""));
    assertThat(resources.path("UploadDeadLetterAlarm").toString())
        .contains("SpendingUploadDeadLetterQueue");
    assertThat(resources.path("Api5xxRateAlarm").toString()).contains("5xx");
    assertThat(resources.path("UploadStuckInProcessingAlarm").toString())
        .contains("ApproximateAgeOfOldestMessage");
    resources
        .fields()
        .forEachRemaining(
            resource -> {
              if ("AWS::CloudWatch::Alarm".equals(resource.getValue().path("Type").asText())) {
                assertThat(resource.getValue().path("Properties").path("AlarmActions").toString())
                    .as(resource.getKey() + " notifies the optional topic")
                    .contains("HasAlarmTopic");
              }
            });
  }

  private Map<String, JsonNode> functions() {
    Map<String, JsonNode> functions = new java.util.LinkedHashMap<>();
    resources
        .fields()
        .forEachRemaining(
            resource -> {
              if ("AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
                functions.put(resource.getKey(), resource.getValue());
              }
            });
    return functions;
  }

  private static boolean isPublic(JsonNode function) {
    for (JsonNode event : function.path("Properties").path("Events")) {
      if ("HttpApi".equals(event.path("Type").asText())
          && "NONE".equals(event.path("Properties").path("Auth").path("Authorizer").asText())) {
        return true;
      }
    }
    return false;
  }

  private static List<JsonNode> statements(JsonNode function) {
    List<JsonNode> statements = new ArrayList<>();
    for (JsonNode policy : function.path("Properties").path("Policies")) {
      for (JsonNode statement : policy.path("Statement")) {
        statements.add(statement);
      }
    }
    return statements;
  }

  private static List<String> actions(JsonNode function) {
    List<String> actions = new ArrayList<>();
    for (JsonNode statement : statements(function)) {
      if (!"Allow".equals(statement.path("Effect").asText())) {
        continue;
      }
      JsonNode action = statement.path("Action");
      if (action.isArray()) {
        action.forEach(a -> actions.add(a.asText()));
      } else {
        actions.add(action.asText());
      }
    }
    return actions;
  }

  private static void walk(JsonNode node, String path, BiConsumer<String, String> text) {
    if (node.isTextual()) {
      text.accept(path, node.asText());
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), path + "[" + i + "]", text);
      }
    } else if (node.isObject()) {
      node.fields()
          .forEachRemaining(field -> walk(field.getValue(), path + "." + field.getKey(), text));
    }
  }

  private static JsonNode load() {
    try {
      return new ObjectMapper(new YAMLFactory()).readTree(ProjectLayout.template().toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
