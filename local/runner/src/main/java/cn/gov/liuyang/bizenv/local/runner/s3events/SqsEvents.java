package cn.gov.liuyang.bizenv.local.runner.s3events;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.LocalAws;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The JSON that S3 puts on the queue for an upload, and the SQS event Lambda builds from messages.
 */
final class SqsEvents {
  private static final DateTimeFormatter S3_EVENT_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
  private static final String LOCAL_PRINCIPAL = "AWS:LOCALRUNNER";

  private SqsEvents() {}

  /** An S3 event notification with one {@code ObjectCreated:Put} record, as S3 sends it to SQS. */
  static String s3Notification(
      UploadedObject object, QueueSubscription subscription, String sequencer) {
    ObjectNode notification = Json.mapper().createObjectNode();
    ObjectNode record = notification.putArray("Records").addObject();
    record.put("eventVersion", "2.1");
    record.put("eventSource", "aws:s3");
    record.put("awsRegion", LocalAws.REGION);
    record.put("eventTime", S3_EVENT_TIME.format(object.lastModified()));
    record.put("eventName", "ObjectCreated:Put");
    record.putObject("userIdentity").put("principalId", LOCAL_PRINCIPAL);
    record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
    ObjectNode responseElements = record.putObject("responseElements");
    responseElements.put("x-amz-request-id", hex(8));
    responseElements.put("x-amz-id-2", UUID.randomUUID().toString());
    ObjectNode s3 = record.putObject("s3");
    s3.put("s3SchemaVersion", "1.0");
    s3.put("configurationId", subscription.queueName() + "-notification");
    ObjectNode bucket = s3.putObject("bucket");
    bucket.put("name", object.bucket());
    bucket.putObject("ownerIdentity").put("principalId", LOCAL_PRINCIPAL);
    bucket.put("arn", subscription.bucketArn());
    ObjectNode s3Object = s3.putObject("object");
    s3Object.put("key", eventKey(object.key()));
    s3Object.put("size", object.size());
    s3Object.put("eTag", object.eTag());
    s3Object.put("sequencer", sequencer);
    return notification.toString();
  }

  /** Keys in S3 events are URL-encoded like form values ('+' for a space), '/' kept as is. */
  static String eventKey(String key) {
    return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
  }

  /** The {@code Records} event Lambda's SQS event source mapping passes to the function. */
  static ObjectNode sqsEvent(List<QueueMessage> batch, QueueSubscription subscription) {
    ObjectNode event = Json.mapper().createObjectNode();
    ArrayNode records = event.putArray("Records");
    for (QueueMessage message : batch) {
      records.add(sqsRecord(message, subscription));
    }
    return event;
  }

  static ObjectNode sqsRecord(QueueMessage message, QueueSubscription subscription) {
    ObjectNode record = Json.mapper().createObjectNode();
    record.put("messageId", message.messageId());
    record.put("receiptHandle", message.receiptHandle());
    record.put("body", message.body());
    ObjectNode attributes = record.putObject("attributes");
    attributes.put("ApproximateReceiveCount", Integer.toString(message.receiveCount()));
    attributes.put("SentTimestamp", Long.toString(message.sentAt().toEpochMilli()));
    attributes.put("SenderId", "AIDAJHIPRHEMV73VRJEBU");
    attributes.put(
        "ApproximateFirstReceiveTimestamp",
        Long.toString(message.firstReceivedAt().map(Instant::toEpochMilli).orElse(0L)));
    record.putObject("messageAttributes");
    record.put("md5OfBody", md5Hex(message.body()));
    record.put("eventSource", "aws:sqs");
    record.put("eventSourceARN", subscription.queueArn());
    record.put("awsRegion", LocalAws.REGION);
    return record;
  }

  static String md5Hex(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("MD5 is part of every JDK", e);
    }
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().withUpperCase().formatHex(random);
  }
}
