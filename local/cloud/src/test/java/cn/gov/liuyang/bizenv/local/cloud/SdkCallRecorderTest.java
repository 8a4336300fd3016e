package cn.gov.liuyang.bizenv.local.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.local.cloud.SdkCallRecorder.Call;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

class SdkCallRecorderTest {
  private static List<String> actions(SdkRequest request) {
    return SdkCallRecorder.actions(request).stream().map(a -> a[0] + " " + a[1]).toList();
  }

  @Test
  void aQueryOnAnIndex_needsQueryOnThatIndex() {
    assertThat(actions(QueryRequest.builder().tableName("T").indexName("gsi1").build()))
        .containsExactly("dynamodb:Query table/T/index/gsi1");
    assertThat(actions(QueryRequest.builder().tableName("T").build()))
        .containsExactly("dynamodb:Query table/T");
  }

  @Test
  void batchesAndTransactions_needTheirActionOnEachTableTheyName() {
    WriteRequest write = WriteRequest.builder().build();
    assertThat(
            actions(
                BatchWriteItemRequest.builder()
                    .requestItems(Map.of("A", List.of(write), "B", List.of(write)))
                    .build()))
        .containsExactlyInAnyOrder(
            "dynamodb:BatchWriteItem table/A", "dynamodb:BatchWriteItem table/B");
    assertThat(
            actions(
                TransactWriteItemsRequest.builder()
                    .transactItems(
                        TransactWriteItem.builder()
                            .put(Put.builder().tableName("A").build())
                            .build())
                    .build()))
        .containsExactly("dynamodb:PutItem table/A");
  }

  @Test
  void s3_readsOfAVersionAndListings_needTheirOwnActions() {
    assertThat(actions(GetObjectRequest.builder().bucket("b").key("k/1").build()))
        .containsExactly("s3:GetObject bucket/b/k/1");
    assertThat(actions(GetObjectRequest.builder().bucket("b").key("k").versionId("v").build()))
        .containsExactly("s3:GetObjectVersion bucket/b/k");
    assertThat(actions(ListObjectsV2Request.builder().bucket("b").prefix("k").build()))
        .containsExactly("s3:ListBucket bucket/b");
  }

  @Test
  void aLinkThePresignerSigns_isRecordedAsTheOperationItSigns_forTheFunctionThatBuiltIt(
      @TempDir Path dir) throws Exception {
    Path file = dir.resolve("calls.tsv");
    String previous = System.getProperty(SdkCallRecorder.PROPERTY);
    System.setProperty(SdkCallRecorder.PROPERTY, file.toString());
    try (S3Presigner presigner =
        Env.withVariables(
            Map.of("AWS_LAMBDA_FUNCTION_NAME", "PresignTestFunction"),
            () ->
                AwsClients.forEndpoints(
                        URI.create("http://127.0.0.1:1"),
                        URI.create("http://127.0.0.1:1"),
                        "cn-north-1",
                        "k",
                        "s")
                    .s3Presigner())) {
      presigner.presignPutObject(
          p ->
              p.signatureDuration(Duration.ofMinutes(5))
                  .putObjectRequest(r -> r.bucket("uploads-bucket").key("spending/a.xlsx")));
    } finally {
      if (previous == null) {
        System.clearProperty(SdkCallRecorder.PROPERTY);
      } else {
        System.setProperty(SdkCallRecorder.PROPERTY, previous);
      }
    }

    Call signed =
        new Call("PresignTestFunction", "s3:PutObject", "bucket/uploads-bucket/spending/a.xlsx");
    assertThat(SdkCallRecorder.observed()).contains(signed);
    assertThat(Files.readString(file)).contains(signed.toString());
  }

  @Test
  void withoutTheProperty_itRecordsNothing() {
    String previous = System.getProperty(SdkCallRecorder.PROPERTY);
    System.clearProperty(SdkCallRecorder.PROPERTY);
    try {
      SdkCallRecorder recorder =
          Env.withVariables(
              Map.of("AWS_LAMBDA_FUNCTION_NAME", "QuietFunction"), SdkCallRecorder::new);
      recorder.beforeExecution(() -> GetObjectRequest.builder().bucket("b").key("k").build(), null);
    } finally {
      if (previous != null) {
        System.setProperty(SdkCallRecorder.PROPERTY, previous);
      }
    }

    assertThat(SdkCallRecorder.observed()).noneMatch(c -> c.function().equals("QuietFunction"));
  }
}
