package cn.gov.liuyang.bizenv.local.runner.s3events;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.runner.function.FunctionError;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * S3 → SQS → Lambda on this machine, where no emulator sends bucket notifications: watches each
 * subscribed bucket prefix (ListObjectsV2 polling), puts one notification message per new upload on
 * an emulated queue, and delivers the queue to its function in SQS-event batches.
 *
 * <p>Like the real event source mapping it retries a failed message (the whole batch when the
 * function throws; only the listed items when it reports {@code batchItemFailures}) until the
 * queue's maxReceiveCount, then moves it to a dead-letter file. What was handed over is remembered
 * in the data directory, so a restart does not deliver old uploads again; delivery stays
 * at-least-once.
 */
public final class S3UploadNotifications implements AutoCloseable {
  /** How often the buckets are listed. */
  public static final Duration POLL_INTERVAL = Duration.ofMillis(500);

  /** Locally a failed message is retried after this, instead of the queue's visibility timeout. */
  public static final Duration RETRY_DELAY = Duration.ofSeconds(1);

  private final S3Client s3;
  private final List<QueueSubscription> subscriptions;
  private final DeliveryLedger ledger;
  private final Optional<Path> deadLetterFile;
  private final Duration retryDelay;
  private final Clock clock;
  private final PrintStream log;
  private final Map<QueueSubscription, Map<String, QueueMessage>> queues = new LinkedHashMap<>();
  private final Map<QueueSubscription, Set<String>> seenOnce = new LinkedHashMap<>();
  private final Set<String> unlistableBuckets = new HashSet<>();
  private final AtomicLong sequencer;
  private ScheduledExecutorService scheduler;

  /**
   * @param dataDir where the delivery ledger and dead letters are kept, or empty for memory only
   */
  public S3UploadNotifications(
      S3Client s3,
      List<QueueSubscription> subscriptions,
      Optional<Path> dataDir,
      Duration retryDelay,
      Clock clock,
      PrintStream log) {
    this.s3 = s3;
    this.subscriptions = List.copyOf(subscriptions);
    this.ledger = new DeliveryLedger(dataDir.map(d -> d.resolve("delivered.tsv")));
    this.deadLetterFile = dataDir.map(d -> d.resolve("dead-letters.jsonl"));
    this.retryDelay = retryDelay;
    this.clock = clock;
    this.log = log;
    this.sequencer = new AtomicLong(clock.millis() * 1000);
    subscriptions.forEach(s -> queues.put(s, new LinkedHashMap<>()));
    subscriptions.forEach(s -> seenOnce.put(s, Set.of()));
  }

  public List<QueueSubscription> subscriptions() {
    return subscriptions;
  }

  /** Polls in the background every {@code interval}. */
  public synchronized void start(Duration interval) {
    if (subscriptions.isEmpty() || scheduler != null) {
      return;
    }
    scheduler =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              Thread thread = new Thread(runnable, "s3-upload-notifications");
              thread.setDaemon(true);
              return thread;
            });
    scheduler.scheduleWithFixedDelay(
        this::pollQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void pollQuietly() {
    try {
      pollOnce();
    } catch (RuntimeException e) {
      // a poll failing (e.g. while the emulators stop) must not end the schedule
      log.println("警告：检查上传事件失败：" + e.getClass().getSimpleName() + " " + e.getMessage());
    }
  }

  /** One round: enqueue new uploads, then deliver every visible message. */
  public synchronized void pollOnce() {
    for (QueueSubscription subscription : subscriptions) {
      Map<String, QueueMessage> queue = queues.get(subscription);
      enqueueNewUploads(subscription, queue);
      if (!subscription.function().available()) {
        continue;
      }
      List<QueueMessage> batch;
      while (!(batch = visibleBatch(subscription, queue)).isEmpty()) {
        deliver(subscription, queue, batch);
      }
    }
  }

  /**
   * Enqueues the uploads seen in two listings in a row: S3Proxy's file store briefly lists an
   * upload in progress under a temporary name, which must not become an event.
   */
  private void enqueueNewUploads(QueueSubscription subscription, Map<String, QueueMessage> queue) {
    List<S3Object> objects;
    try {
      objects =
          s3
              .listObjectsV2Paginator(
                  r -> r.bucket(subscription.bucketName()).prefix(subscription.prefix()))
              .contents()
              .stream()
              .toList();
      unlistableBuckets.remove(subscription.bucketName());
    } catch (NoSuchBucketException e) {
      warnOnce(subscription, "存储桶 " + subscription.bucketName() + " 不存在，暂不投递它的上传事件。");
      return;
    } catch (SdkException e) {
      warnOnce(subscription, "暂时无法列出存储桶 " + subscription.bucketName() + "：" + e.getMessage());
      return;
    }
    Set<String> previous = seenOnce.get(subscription);
    Set<String> notYetEnqueued = new HashSet<>();
    for (S3Object listed : objects) {
      if (!listed.key().endsWith(subscription.suffix())) {
        continue;
      }
      UploadedObject object =
          new UploadedObject(
              subscription.bucketName(),
              listed.key(),
              listed.size(),
              listed.eTag() == null ? "" : listed.eTag().replace("\"", ""),
              listed.lastModified());
      String entry = subscription.function().logicalId() + "\t" + object.ledgerLine();
      if (ledger.contains(entry) || queue.containsKey(entry)) {
        continue;
      }
      if (!previous.contains(entry)) {
        notYetEnqueued.add(entry);
        continue;
      }
      String sequence = String.format("%016X", sequencer.incrementAndGet());
      queue.put(
          entry,
          new QueueMessage(
              entry,
              object,
              SqsEvents.s3Notification(object, subscription, sequence),
              clock.instant()));
    }
    seenOnce.put(subscription, notYetEnqueued);
  }

  private void warnOnce(QueueSubscription subscription, String warning) {
    if (unlistableBuckets.add(subscription.bucketName())) {
      log.println("警告：" + warning);
    }
  }

  private List<QueueMessage> visibleBatch(
      QueueSubscription subscription, Map<String, QueueMessage> queue) {
    Instant now = clock.instant();
    return queue.values().stream()
        .filter(m -> m.visibleAt(now))
        .sorted(Comparator.comparing(QueueMessage::sentAt))
        .limit(subscription.batchSize())
        .toList();
  }

  private void deliver(
      QueueSubscription subscription, Map<String, QueueMessage> queue, List<QueueMessage> batch) {
    Instant now = clock.instant();
    batch.forEach(message -> message.receive(now));
    ObjectNode event = SqsEvents.sqsEvent(batch, subscription);
    Set<String> failed = new HashSet<>();
    String failure;
    try {
      byte[] output =
          subscription.function().invoke(event.toString().getBytes(StandardCharsets.UTF_8));
      failed.addAll(reportedFailures(subscription, batch, output));
      failure = "batchItemFailures";
    } catch (FunctionError error) {
      log.println(error.logLine());
      batch.forEach(m -> failed.add(m.messageId()));
      failure = error.errorType();
    }
    for (QueueMessage message : batch) {
      if (!failed.contains(message.messageId())) {
        log.printf(
            "上传事件 s3://%s/%s 已交给 %s（第 %d 次投递）%n",
            message.object().bucket(),
            message.object().key(),
            subscription.function().logicalId(),
            message.receiveCount());
        ledger.record(message.ledgerEntry());
        queue.remove(message.ledgerEntry());
      } else if (message.receiveCount() >= subscription.maxReceiveCount()) {
        deadLetter(subscription, message, failure);
        ledger.record(message.ledgerEntry());
        queue.remove(message.ledgerEntry());
      } else {
        log.printf(
            "上传事件 s3://%s/%s 处理失败（%s），%d 毫秒后重试%n",
            message.object().bucket(), message.object().key(), failure, retryDelay.toMillis());
        message.hideUntil(now.plus(retryDelay));
      }
    }
  }

  /**
   * The message ids the function reported as failed. As in Lambda, a malformed report (an item that
   * is not in the batch) fails the whole batch; without ReportBatchItemFailures it is ignored.
   */
  private static Set<String> reportedFailures(
      QueueSubscription subscription, List<QueueMessage> batch, byte[] output) {
    if (!subscription.reportBatchItemFailures() || output.length == 0) {
      return Set.of();
    }
    Set<String> ids = new HashSet<>();
    batch.forEach(m -> ids.add(m.messageId()));
    JsonNode response;
    try {
      response = Json.mapper().readTree(output);
    } catch (IOException notJson) {
      return Set.of();
    }
    if (response == null || !response.isObject()) {
      return Set.of();
    }
    Set<String> failed = new HashSet<>();
    for (JsonNode item : response.path("batchItemFailures")) {
      String id = item.path("itemIdentifier").asText("");
      if (!ids.contains(id)) {
        return ids;
      }
      failed.add(id);
    }
    return failed;
  }

  private void deadLetter(QueueSubscription subscription, QueueMessage message, String failure) {
    String where = deadLetterFile.map(Path::toString).orElse("内存");
    log.printf(
        "死信：s3://%s/%s 投递给 %s %d 次仍失败（%s），已记入 %s%n",
        message.object().bucket(),
        message.object().key(),
        subscription.function().logicalId(),
        message.receiveCount(),
        failure,
        where);
    if (deadLetterFile.isEmpty()) {
      return;
    }
    ObjectNode line = Json.mapper().createObjectNode();
    line.put("deadLetteredAt", clock.instant().toString());
    line.put("queue", subscription.queueName());
    line.put("function", subscription.function().logicalId());
    line.put("failure", failure);
    line.set("message", SqsEvents.sqsRecord(message, subscription));
    try {
      Files.createDirectories(deadLetterFile.get().getParent());
      Files.writeString(
          deadLetterFile.get(),
          line + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      log.println("警告：无法写入死信文件 " + deadLetterFile.get() + "：" + e.getMessage());
    }
  }

  /** Messages still waiting for a successful delivery. */
  public synchronized int pending() {
    return queues.values().stream().mapToInt(Map::size).sum();
  }

  @Override
  public synchronized void close() {
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
  }
}
