package cn.gov.liuyang.bizenv.local.runner.s3events;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.runner.TestStack;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunctions;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class QueueSubscriptionTest {

  @Test
  void readsBucketFilterQueueRedriveAndMappingFromTheTemplate() {
    var template = TestStack.template();
    var functions =
        LocalFunctions.load(
            template, id -> Map.of(), new PrintStream(OutputStream.nullOutputStream()));

    List<QueueSubscription> subscriptions = QueueSubscription.fromTemplate(template, functions);

    assertThat(subscriptions).hasSize(1);
    QueueSubscription uploads = subscriptions.get(0);
    assertThat(uploads.bucketName()).isEqualTo("uploads-bucket");
    assertThat(uploads.bucketArn()).isEqualTo("arn:aws:s3:::uploads-bucket");
    assertThat(uploads.prefix()).isEqualTo("incoming/");
    assertThat(uploads.suffix()).isEqualTo(".csv");
    assertThat(uploads.queueName()).isEqualTo("UploadQueue");
    assertThat(uploads.queueArn()).isEqualTo("arn:aws:sqs:us-east-1:000000000000:UploadQueue");
    assertThat(uploads.maxReceiveCount()).isEqualTo(2);
    assertThat(uploads.batchSize()).isEqualTo(5);
    assertThat(uploads.reportBatchItemFailures()).isTrue();
    assertThat(uploads.function().logicalId()).isEqualTo("UploadIngestFunction");
  }

  @Test
  void keysInS3Events_areUrlEncodedLikeS3Does() {
    assertThat(SqsEvents.eventKey("uploads/2021 年/报表(终).xlsx"))
        .isEqualTo("uploads/2021+%E5%B9%B4/%E6%8A%A5%E8%A1%A8%28%E7%BB%88%29.xlsx");
  }
}
