package cn.gov.liuyang.bizenv.local.runner.s3events;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.LocalAws;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunctions;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One path of template.yaml from an upload to a function: bucket notifications (ObjectCreated with
 * a key prefix and suffix) to an SQS queue, and that queue's event source mapping to a function.
 *
 * @param maxReceiveCount the queue's RedrivePolicy: deliveries before a message goes to the DLQ
 * @param reportBatchItemFailures whether the mapping honours {@code batchItemFailures} responses
 */
public record QueueSubscription(
    String bucketName,
    String prefix,
    String suffix,
    String queueName,
    String queueArn,
    int maxReceiveCount,
    int batchSize,
    boolean reportBatchItemFailures,
    LocalFunction function) {

  static final int DEFAULT_MAX_RECEIVE_COUNT = 3;
  static final int DEFAULT_BATCH_SIZE = 10;

  /** Every bucket → queue → function path that the template declares. */
  public static List<QueueSubscription> fromTemplate(
      SamTemplate template, LocalFunctions functions) {
    List<QueueSubscription> subscriptions = new ArrayList<>();
    for (SamTemplate.QueueNotification notification : template.queueNotifications()) {
      String queue = notification.queueLogicalId();
      JsonNode queueProperties = template.resourceProperties(queue);
      int maxReceiveCount =
          queueProperties
              .path("RedrivePolicy")
              .path("maxReceiveCount")
              .asInt(DEFAULT_MAX_RECEIVE_COUNT);
      for (SamTemplate.Function definition : template.functions()) {
        if (!definition.queueTriggers().contains(queue)) {
          continue;
        }
        JsonNode mapping = sqsEventOf(template, definition.logicalId(), queue);
        boolean partialBatch = false;
        for (JsonNode type : mapping.path("FunctionResponseTypes")) {
          partialBatch |= "ReportBatchItemFailures".equals(type.asText());
        }
        subscriptions.add(
            new QueueSubscription(
                LocalCloud.bucketName(notification.bucketLogicalId()),
                notification.prefix(),
                notification.suffix(),
                queue,
                "arn:aws:sqs:" + LocalAws.REGION + ":" + LocalAws.ACCOUNT_ID + ":" + queue,
                maxReceiveCount,
                Math.max(1, mapping.path("BatchSize").asInt(DEFAULT_BATCH_SIZE)),
                partialBatch,
                functions.require(definition.logicalId())));
      }
    }
    return subscriptions;
  }

  private static JsonNode sqsEventOf(SamTemplate template, String function, String queue) {
    for (JsonNode event : template.resourceProperties(function).path("Events")) {
      JsonNode properties = event.path("Properties");
      if ("SQS".equals(event.path("Type").asText())
          && queue.equals(SamTemplate.logicalIdOf(properties.path("Queue").asText()))) {
        return properties;
      }
    }
    return MissingNode.getInstance();
  }

  public String bucketArn() {
    return "arn:aws:s3:::" + bucketName;
  }
}
