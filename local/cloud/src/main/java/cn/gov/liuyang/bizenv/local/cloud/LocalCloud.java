package cn.gov.liuyang.bizenv.local.cloud;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The AWS side of template.yaml, running here: local DynamoDB and S3 with the template's tables and
 * buckets, and each function's environment as Lambda would give it, pointing at them.
 *
 * <p>Tests use {@link #shared()}: one in-memory stack per test JVM on free ports. The local runner
 * uses {@link #start} with a data directory so data survives restarts.
 */
public final class LocalCloud implements AutoCloseable {
  private static LocalCloud shared;

  private final SamTemplate template;
  private final Dynalite dynamoDb;
  private final S3Emulator s3;
  private final LocalCredentials credentials = LocalCredentials.DEFAULT;
  private final AwsClients clients;

  private LocalCloud(SamTemplate template, Dynalite dynamoDb, S3Emulator s3) {
    this.template = template;
    this.dynamoDb = dynamoDb;
    this.s3 = s3;
    this.clients =
        AwsClients.forEndpoints(
            dynamoDb.endpoint(),
            s3.endpoint(),
            credentials.region(),
            credentials.accessKey(),
            credentials.secretKey());
  }

  /**
   * Starts both emulators and creates what the template declares.
   *
   * @param dataDir where data is kept across restarts, or empty to keep it in memory
   */
  public static LocalCloud start(int dynamoDbPort, int s3Port, Optional<Path> dataDir) {
    return start(SamTemplate.load(), dynamoDbPort, s3Port, dataDir);
  }

  /** As {@link #start(int, int, Optional)}, for an explicit template (e.g. a test template). */
  public static LocalCloud start(
      SamTemplate template, int dynamoDbPort, int s3Port, Optional<Path> dataDir) {
    Dynalite dynamoDb = Dynalite.start(dynamoDbPort, dataDir.map(d -> d.resolve("dynamodb")));
    S3Emulator s3;
    try {
      s3 = S3Emulator.start(s3Port, dataDir.map(d -> d.resolve("s3")), LocalCredentials.DEFAULT);
    } catch (RuntimeException e) {
      dynamoDb.close();
      throw e;
    }
    LocalCloud cloud = new LocalCloud(template, dynamoDb, s3);
    try {
      cloud.provision();
    } catch (RuntimeException e) {
      cloud.close();
      throw e;
    }
    return cloud;
  }

  /** One in-memory stack for the whole test JVM, stopped when the JVM exits. */
  public static synchronized LocalCloud shared() {
    if (shared == null) {
      shared = start(Ports.free(), Ports.free(), Optional.empty());
      Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "local-cloud-stop"));
    }
    return shared;
  }

  public SamTemplate template() {
    return template;
  }

  public AwsClients clients() {
    return clients;
  }

  /**
   * A client as the function builds it in Lambda: from its environment, so that {@link
   * SdkCallRecorder} counts its calls as the function's. For tests that wire a handler by hand;
   * setup and assertions use {@link #dynamoDbClient()} and {@link #s3Client()}, which count as no
   * function's.
   */
  public <T> T clientOf(String functionLogicalId, Function<AwsClients, T> client) {
    return Env.withVariables(
        environmentFor(functionLogicalId), () -> client.apply(AwsClients.fromEnvironment()));
  }

  public DynamoDbClient dynamoDbClient() {
    return clients.dynamoDb();
  }

  public S3Client s3Client() {
    return clients.s3();
  }

  public Dynalite dynamoDb() {
    return dynamoDb;
  }

  public S3Emulator s3() {
    return s3;
  }

  /** Local name of a table: its logical id. */
  public static String tableName(String logicalId) {
    return logicalId;
  }

  /** Local name of a bucket: the logical id in lower-case words, e.g. {@code uploads-bucket}. */
  public static String bucketName(String logicalId) {
    return logicalId.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  /**
   * The environment Lambda would give the function: the template's variables with {@code !Ref} of
   * tables and buckets resolved to local names, plus region, credentials and emulator endpoints.
   */
  public Map<String, String> environmentFor(String functionLogicalId) {
    return environmentFor(template, functionLogicalId, dynamoDb.endpoint(), s3.endpoint());
  }

  /**
   * As {@link #environmentFor(String)}, for emulators that are already running elsewhere (e.g. the
   * stack that {@code bin/start} keeps up, found through its endpoints file).
   */
  public static Map<String, String> environmentFor(
      SamTemplate template, String functionLogicalId, URI dynamoDbEndpoint, URI s3Endpoint) {
    LocalCredentials credentials = LocalCredentials.DEFAULT;
    SamTemplate.Function function =
        template
            .function(functionLogicalId)
            .orElseThrow(() -> new LocalCloudException("template.yaml 中没有函数 " + functionLogicalId));
    Set<String> tables = new HashSet<>();
    template.tables().forEach(t -> tables.add(t.logicalId()));
    Set<String> buckets = new HashSet<>(template.buckets());
    Map<String, String> environment = new LinkedHashMap<>();
    function
        .environmentReferences()
        .forEach(
            (name, value) -> {
              if (tables.contains(value)) {
                environment.put(name, tableName(value));
              } else if (buckets.contains(value)) {
                environment.put(name, bucketName(value));
              } else if (template.parameterDefault(value).isPresent()) {
                // !Ref of a parameter: its default, as a deployment without overrides has it
                environment.put(name, template.parameterDefault(value).get());
              } else {
                environment.put(name, value);
              }
            });
    environment.put("AWS_REGION", credentials.region());
    environment.put("AWS_ACCESS_KEY_ID", credentials.accessKey());
    environment.put("AWS_SECRET_ACCESS_KEY", credentials.secretKey());
    environment.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoDbEndpoint.toString());
    environment.put("AWS_ENDPOINT_URL_S3", s3Endpoint.toString());
    environment.put("AWS_LAMBDA_FUNCTION_NAME", functionLogicalId);
    return environment;
  }

  private void provision() {
    try (DynamoDbClient dynamo = clients.dynamoDb();
        S3Client s3Client = clients.s3()) {
      Set<String> existing = new HashSet<>(dynamo.listTables().tableNames());
      for (SamTemplate.Table table : template.tables()) {
        if (!existing.contains(tableName(table.logicalId()))) {
          dynamo.createTable(createTableRequest(table));
        }
      }
      Set<String> existingBuckets = new HashSet<>();
      s3Client.listBuckets().buckets().forEach(b -> existingBuckets.add(b.name()));
      for (String bucket : template.buckets()) {
        if (!existingBuckets.contains(bucketName(bucket))) {
          s3Client.createBucket(b -> b.bucket(bucketName(bucket)));
        }
      }
    }
  }

  private static CreateTableRequest createTableRequest(SamTemplate.Table table) {
    JsonNode properties = table.properties();
    List<AttributeDefinition> attributes = new ArrayList<>();
    for (JsonNode attribute : properties.path("AttributeDefinitions")) {
      attributes.add(
          AttributeDefinition.builder()
              .attributeName(attribute.path("AttributeName").asText())
              .attributeType(attribute.path("AttributeType").asText())
              .build());
    }
    List<GlobalSecondaryIndex> indexes = new ArrayList<>();
    for (JsonNode index : properties.path("GlobalSecondaryIndexes")) {
      indexes.add(
          GlobalSecondaryIndex.builder()
              .indexName(index.path("IndexName").asText())
              .keySchema(keySchema(index.path("KeySchema")))
              .projection(
                  Projection.builder()
                      .projectionType(
                          ProjectionType.fromValue(
                              index.path("Projection").path("ProjectionType").asText("ALL")))
                      .build())
              .build());
    }
    CreateTableRequest.Builder request =
        CreateTableRequest.builder()
            .tableName(tableName(table.logicalId()))
            .billingMode(BillingMode.PAY_PER_REQUEST)
            .attributeDefinitions(attributes)
            .keySchema(keySchema(properties.path("KeySchema")));
    if (!indexes.isEmpty()) {
      request.globalSecondaryIndexes(indexes);
    }
    return request.build();
  }

  private static List<KeySchemaElement> keySchema(JsonNode schema) {
    List<KeySchemaElement> keys = new ArrayList<>();
    for (JsonNode key : schema) {
      keys.add(
          KeySchemaElement.builder()
              .attributeName(key.path("AttributeName").asText())
              .keyType(key.path("KeyType").asText())
              .build());
    }
    return keys;
  }

  @Override
  public void close() {
    try {
      s3.close();
    } finally {
      dynamoDb.close();
    }
  }
}
