package cn.gov.liuyang.bizenv.local.runner.s3events;

import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** A message on the emulated queue: one upload's notification, with its receive bookkeeping. */
final class QueueMessage {
  private final String ledgerEntry;
  private final UploadedObject object;
  private final String messageId = UUID.randomUUID().toString();
  private final String body;
  private final Instant sentAt;
  private int receiveCount;
  private Instant firstReceivedAt;
  private Instant visibleAt;
  private String receiptHandle = "";

  QueueMessage(String ledgerEntry, UploadedObject object, String body, Instant sentAt) {
    this.ledgerEntry = ledgerEntry;
    this.object = object;
    this.body = body;
    this.sentAt = sentAt;
    this.visibleAt = sentAt;
  }

  /** Takes the message off the queue for one delivery, as ReceiveMessage does. */
  void receive(Instant now) {
    receiveCount++;
    if (firstReceivedAt == null) {
      firstReceivedAt = now;
    }
    byte[] handle = new byte[48];
    ThreadLocalRandom.current().nextBytes(handle);
    receiptHandle = Base64.getEncoder().encodeToString(handle);
  }

  /** Back on the queue after a failed delivery, once the visibility timeout has passed. */
  void hideUntil(Instant instant) {
    visibleAt = instant;
  }

  boolean visibleAt(Instant now) {
    return !visibleAt.isAfter(now);
  }

  String ledgerEntry() {
    return ledgerEntry;
  }

  UploadedObject object() {
    return object;
  }

  String messageId() {
    return messageId;
  }

  String body() {
    return body;
  }

  Instant sentAt() {
    return sentAt;
  }

  int receiveCount() {
    return receiveCount;
  }

  Optional<Instant> firstReceivedAt() {
    return Optional.ofNullable(firstReceivedAt);
  }

  String receiptHandle() {
    return receiptHandle;
  }
}
