package cn.gov.liuyang.bizenv.local.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the local stack needs to know from template.yaml: functions (handler, environment, HTTP
 * routes, queue triggers), tables and buckets. It is read, never restated, so there is no second
 * list of routes to keep in sync.
 *
 * <p>CloudFormation short-form tags ({@code !Ref X}, {@code !GetAtt X.Arn}) reach us as their plain
 * scalar; {@code !Ref} of a table or bucket resolves to its local name.
 */
public final class SamTemplate {
  private final JsonNode resources;
  private final JsonNode globals;
  private final JsonNode parameters;

  private SamTemplate(JsonNode root) {
    this.resources = root.path("Resources");
    this.globals = root.path("Globals");
    this.parameters = root.path("Parameters");
  }

  public static SamTemplate load(Path file) {
    try {
      return new SamTemplate(new ObjectMapper(new YAMLFactory()).readTree(file.toFile()));
    } catch (IOException e) {
      throw new LocalCloudException("无法读取 " + file + "：" + e.getMessage(), e);
    }
  }

  public static SamTemplate load() {
    return load(ProjectLayout.template());
  }

  public record Route(String method, String path, boolean staffOnly) {
    /**
     * The route key API Gateway puts in the event, e.g. {@code GET /complaints/{trackingNumber}}.
     */
    public String routeKey() {
      return method + " " + path;
    }
  }

  public record Function(
      String logicalId,
      String handler,
      String codeUri,
      int timeoutSeconds,
      Map<String, String> environmentReferences,
      List<Route> routes,
      List<String> queueTriggers) {

    public String handlerClass() {
      int separator = handler.indexOf("::");
      return separator < 0 ? handler : handler.substring(0, separator);
    }
  }

  public record Table(String logicalId, JsonNode properties) {}

  public List<Function> functions() {
    List<Function> functions = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      if (!"AWS::Serverless::Function".equals(resource.getValue().path("Type").asText())) {
        continue;
      }
      JsonNode properties = resource.getValue().path("Properties");
      Map<String, String> environment = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> variable :
          entries(globals.path("Function").path("Environment").path("Variables"))) {
        environment.put(variable.getKey(), variable.getValue().asText());
      }
      for (Map.Entry<String, JsonNode> variable :
          entries(properties.path("Environment").path("Variables"))) {
        environment.put(variable.getKey(), variable.getValue().asText());
      }
      List<Route> routes = new ArrayList<>();
      List<String> queues = new ArrayList<>();
      for (Map.Entry<String, JsonNode> event : entries(properties.path("Events"))) {
        JsonNode eventProperties = event.getValue().path("Properties");
        switch (event.getValue().path("Type").asText()) {
          case "HttpApi" ->
              routes.add(
                  new Route(
                      eventProperties.path("Method").asText().toUpperCase(Locale.ROOT),
                      eventProperties.path("Path").asText(),
                      !"NONE".equals(eventProperties.path("Auth").path("Authorizer").asText())));
          case "SQS" -> queues.add(logicalIdOf(eventProperties.path("Queue").asText()));
          default -> {
            // other triggers (schedules, …) are not emulated locally
          }
        }
      }
      int timeout =
          properties.path("Timeout").asInt(globals.path("Function").path("Timeout").asInt(3));
      functions.add(
          new Function(
              resource.getKey(),
              properties.path("Handler").asText(),
              properties.path("CodeUri").asText(),
              timeout,
              Map.copyOf(environment),
              List.copyOf(routes),
              List.copyOf(queues)));
    }
    return functions;
  }

  public Optional<Function> function(String logicalId) {
    return functions().stream().filter(f -> f.logicalId().equals(logicalId)).findFirst();
  }

  public List<Table> tables() {
    List<Table> tables = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      if ("AWS::DynamoDB::Table".equals(resource.getValue().path("Type").asText())) {
        tables.add(new Table(resource.getKey(), resource.getValue().path("Properties")));
      }
    }
    return tables;
  }

  public List<String> buckets() {
    List<String> buckets = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      if ("AWS::S3::Bucket".equals(resource.getValue().path("Type").asText())) {
        buckets.add(resource.getKey());
      }
    }
    return buckets;
  }

  /**
   * The S3 event notifications of a bucket that go to a queue: key filter and queue logical id. The
   * local runner delivers these itself, since no emulator here sends bucket notifications.
   */
  public record QueueNotification(
      String bucketLogicalId, String prefix, String queueLogicalId, String suffix) {
    public QueueNotification(String bucketLogicalId, String prefix, String queueLogicalId) {
      this(bucketLogicalId, prefix, queueLogicalId, "");
    }

    /** Whether an object key passes the notification's prefix and suffix filter rules. */
    public boolean matches(String key) {
      return key.startsWith(prefix) && key.endsWith(suffix);
    }
  }

  public List<QueueNotification> queueNotifications() {
    List<QueueNotification> notifications = new ArrayList<>();
    for (String bucket : buckets()) {
      JsonNode configurations =
          resources
              .path(bucket)
              .path("Properties")
              .path("NotificationConfiguration")
              .path("QueueConfigurations");
      for (JsonNode configuration : configurations) {
        String prefix = "";
        String suffix = "";
        for (JsonNode rule : configuration.path("Filter").path("S3Key").path("Rules")) {
          if ("prefix".equalsIgnoreCase(rule.path("Name").asText())) {
            prefix = rule.path("Value").asText();
          } else if ("suffix".equalsIgnoreCase(rule.path("Name").asText())) {
            suffix = rule.path("Value").asText();
          }
        }
        notifications.add(
            new QueueNotification(
                bucket, prefix, logicalIdOf(configuration.path("Queue").asText()), suffix));
      }
    }
    return notifications;
  }

  /** The {@code Properties} of a resource (a missing node when there is no such resource). */
  public JsonNode resourceProperties(String logicalId) {
    return resources.path(logicalId).path("Properties");
  }

  /** The {@code Metadata} of a resource (a missing node when it has none). */
  public JsonNode resourceMetadata(String logicalId) {
    return resources.path(logicalId).path("Metadata");
  }

  /** Logical ids of the resources of one type, in template order. */
  public List<String> resourcesOfType(String type) {
    List<String> ids = new ArrayList<>();
    for (Map.Entry<String, JsonNode> resource : entries(resources)) {
      if (type.equals(resource.getValue().path("Type").asText())) {
        ids.add(resource.getKey());
      }
    }
    return ids;
  }

  /** The default value of a template parameter, if it declares one. */
  public Optional<String> parameterDefault(String name) {
    JsonNode value = parameters.path(name).path("Default");
    return value.isMissingNode() || value.isNull() ? Optional.empty() : Optional.of(value.asText());
  }

  /** {@code X.Arn} (from !GetAtt) or {@code X} (from !Ref) to {@code X}. */
  public static String logicalIdOf(String reference) {
    int dot = reference.indexOf('.');
    return dot < 0 ? reference : reference.substring(0, dot);
  }

  private static Iterable<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    return () -> {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      return fields;
    };
  }
}
