package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class LocalCloudIT {
  private final LocalCloud cloud = LocalCloud.shared();

  @Test
  void createsEveryTableAndBucketThatTheTemplateDeclares() {
    assertThat(cloud.dynamoDbClient().listTables().tableNames())
        .containsAll(cloud.template().tables().stream().map(t -> t.logicalId()).toList());
    assertThat(cloud.s3Client().listBuckets().buckets())
        .extracting(b -> b.name())
        .containsAll(cloud.template().buckets().stream().map(LocalCloud::bucketName).toList());
  }

  @Test
  void dynamoDbKeepsWhatIsWritten_throughTheProductionSdkClient() {
    var table = cloud.template().tables().get(0).logicalId();
    Map<String, AttributeValue> key =
        Map.of("pk", AttributeValue.fromS("it#1"), "sk", AttributeValue.fromS("x"));
    cloud.dynamoDbClient().putItem(p -> p.tableName(table).item(key));
    assertThat(cloud.dynamoDbClient().getItem(g -> g.tableName(table).key(key)).item())
        .isEqualTo(key);
  }

  @Test
  void s3ServesAPresignedGetAndRefusesATamperedOne() throws Exception {
    cloud.s3Client().createBucket(b -> b.bucket("presign-check"));
    cloud
        .s3Client()
        .putObject(p -> p.bucket("presign-check").key("a.txt"), RequestBody.fromString("浏阳"));
    try (S3Presigner presigner = cloud.clients().s3Presigner()) {
      URI url =
          presigner
              .presignGetObject(
                  g ->
                      g.signatureDuration(Duration.ofMinutes(1))
                          .getObjectRequest(o -> o.bucket("presign-check").key("a.txt")))
              .url()
              .toURI();
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> ok =
          http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(ok.statusCode()).isEqualTo(200);
      assertThat(ok.body()).isEqualTo("浏阳");
      URI tampered = URI.create(url.toString().replace("a.txt", "b.txt"));
      HttpResponse<String> refused =
          http.send(HttpRequest.newBuilder(tampered).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(refused.statusCode()).isEqualTo(403);
    }
  }

  @Test
  void aPresignedPutWithIfNoneMatch_writesOnce_andTheSameLinkUsedAgainIsRefusedWith412()
      throws Exception {
    cloud.s3Client().createBucket(b -> b.bucket("write-once-check"));
    try (S3Presigner presigner = cloud.clients().s3Presigner()) {
      URI url =
          presigner
              .presignPutObject(
                  p ->
                      p.signatureDuration(Duration.ofMinutes(1))
                          .putObjectRequest(
                              o ->
                                  o.bucket("write-once-check")
                                      .key("spending/2021/a b.xlsx")
                                      .contentType("text/plain")
                                      .ifNoneMatch("*")))
              .url()
              .toURI();
      HttpClient http = HttpClient.newHttpClient();

      HttpResponse<String> first = http.send(put(url, "第一版"), HttpResponse.BodyHandlers.ofString());
      HttpResponse<String> second =
          http.send(put(url, "第二版"), HttpResponse.BodyHandlers.ofString());

      assertThat(first.statusCode()).isEqualTo(200);
      assertThat(second.statusCode()).isEqualTo(412);
      assertThat(second.body()).contains("<Code>PreconditionFailed</Code>");
      assertThat(
              cloud
                  .s3Client()
                  .getObjectAsBytes(g -> g.bucket("write-once-check").key("spending/2021/a b.xlsx"))
                  .asUtf8String())
          .isEqualTo("第一版");
    }
  }

  @Test
  void aPutWithoutTheCondition_stillReplacesTheObject() {
    cloud.s3Client().createBucket(b -> b.bucket("overwrite-check"));
    cloud
        .s3Client()
        .putObject(p -> p.bucket("overwrite-check").key("k"), RequestBody.fromString("1"));
    cloud
        .s3Client()
        .putObject(p -> p.bucket("overwrite-check").key("k"), RequestBody.fromString("2"));
    assertThat(
            cloud
                .s3Client()
                .getObjectAsBytes(g -> g.bucket("overwrite-check").key("k"))
                .asUtf8String())
        .isEqualTo("2");
  }

  private static HttpRequest put(URI url, String content) {
    return HttpRequest.newBuilder(url)
        .header("content-type", "text/plain")
        .header("if-none-match", "*")
        .PUT(HttpRequest.BodyPublishers.ofString(content))
        .build();
  }

  @Test
  void giveEachFunctionItsTemplateEnvironmentPointingAtTheEmulators() {
    var function = cloud.template().functions().get(0);
    Map<String, String> environment = cloud.environmentFor(function.logicalId());
    assertThat(environment)
        .containsEntry("AWS_ENDPOINT_URL_DYNAMODB", cloud.dynamoDb().endpoint().toString())
        .containsEntry("AWS_ENDPOINT_URL_S3", cloud.s3().endpoint().toString())
        .containsKeys(function.environmentReferences().keySet().toArray(String[]::new));
  }
}
