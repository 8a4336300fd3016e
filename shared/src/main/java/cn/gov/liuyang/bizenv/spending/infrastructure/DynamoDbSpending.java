package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.spending.application.SubmissionStore;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpending;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import cn.gov.liuyang.bizenv.spending.model.EconomicCode;
import cn.gov.liuyang.bizenv.spending.model.ExpenditureType;
import cn.gov.liuyang.bizenv.spending.model.Fact;
import cn.gov.liuyang.bizenv.spending.model.Finding;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SpendingLine;
import cn.gov.liuyang.bizenv.spending.model.SpendingTotals;
import cn.gov.liuyang.bizenv.spending.model.Submission;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionKind;
import cn.gov.liuyang.bizenv.spending.model.SubmissionOutcome;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import cn.gov.liuyang.bizenv.spending.model.UnitYearFacts;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Spending in one DynamoDB table (SpendingTable), designed for single-item conditional writes only
 * (no transactions, which the local DynamoDB lacks and which the flow does not need):
 *
 * <pre>
 * pk                        sk           what
 * SUBMISSION#{id}           #META        the submission: unit, year, kind, status, object version,
 *                                        outcome, the facts its 基本信息 states (one attribute each, by
 *                                        {@link Fact#key()}, only when stated); gsi1
 *                                        (UNIT#{unit}#YEAR#{year}, {requestedAt}#{id}) lists a year's
 * SUBMISSION#{id}           LINE#000001  its lines, written before it can become the year's figures
 *                                        (only the first lineCount are read: a longer earlier
 *                                        attempt may have left more)
 * UNIT#{unit}#YEAR#{year}   #CURRENT     which submission holds the year's figures (one conditional put)
 * UNIT#{unit}#YEAR#{year}   FACTS#…      facts staff entered ({@link DynamoDbUnitFacts})
 * </pre>
 *
 * Reading the year's figures is one GetItem and one Query; submissions are never deleted (audit).
 */
public final class DynamoDbSpending implements SubmissionStore, AcceptedSpendingReader {
  static final int BATCH_SIZE = 25;
  private static final int MAX_BATCH_ATTEMPTS = 8;
  private static final String META = "#META";
  private static final String CURRENT = "#CURRENT";

  private final DynamoDbClient dynamoDb;
  private final String table;
  private final Sleeper sleeper;

  public DynamoDbSpending(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, Thread::sleep);
  }

  DynamoDbSpending(DynamoDbClient dynamoDb, String table, Sleeper sleeper) {
    this.dynamoDb = dynamoDb;
    this.table = table;
    this.sleeper = sleeper;
  }

  /** Waits between retries of unprocessed batch items; replaceable in tests. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  // ---------------------------------------------------------------- submissions

  @Override
  public void create(Submission submission) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(submissionPk(submission.id())));
    item.put("sk", s(META));
    item.put("gsi1pk", s(yearPk(submission.unit(), submission.year())));
    item.put("gsi1sk", s(submission.requestedAt() + "#" + submission.id()));
    item.put("unit", s(submission.unit().value()));
    item.put("year", n(submission.year().value()));
    item.put("uploadKey", s(submission.uploadKey().value()));
    item.put("fileName", s(submission.fileName()));
    item.put("requestedAt", s(submission.requestedAt().toString()));
    item.put("requestedAtMillis", n(submission.requestedAt().toEpochMilli()));
    item.put("requestedBy", s(submission.requestedBy()));
    item.put("status", s(submission.status().name()));
    if (submission.kind() != SubmissionKind.IMPORT) {
      item.put("kind", s(submission.kind().name()));
    }
    dynamoDb.putItem(
        p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Optional<Submission> find(SubmissionId id) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(g -> g.tableName(table).key(key(submissionPk(id), META)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(submission(item));
  }

  @Override
  public List<Submission> list(UnitId unit, FiscalYear year) {
    List<Submission> submissions = new ArrayList<>();
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .indexName("gsi1")
            .keyConditionExpression("gsi1pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(yearPk(unit, year))))
            .build();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      page.items().forEach(item -> submissions.add(submission(item)));
    }
    return submissions;
  }

  @Override
  public Optional<SubmissionId> current(UnitId unit, FiscalYear year) {
    return currentItem(unit, year).map(item -> new SubmissionId(item.get("submissionId").s()));
  }

  @Override
  public Claim claim(SubmissionId id, String objectVersion, Instant now, Duration lease) {
    return SubmissionItemWrites.claim(
        dynamoDb,
        table,
        key(submissionPk(id), META),
        objectVersion,
        now,
        lease,
        () ->
            find(id)
                .map(
                    found ->
                        new SubmissionItemWrites.State(found.status(), found.objectVersion())));
  }

  @Override
  public void release(SubmissionId id, String objectVersion, Instant claimedAt, Duration lease) {
    SubmissionItemWrites.release(
        dynamoDb, table, key(submissionPk(id), META), objectVersion, claimedAt, lease);
  }

  @Override
  public void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure) {
    SubmissionItemWrites.fail(
        dynamoDb, table, key(submissionPk(id), META), objectVersion, claimedAt, lease, failure);
  }

  @Override
  public void saveFigures(SubmissionId id, List<SpendingLine> lines, UnitYearFacts facts) {
    List<WriteRequest> writes = new ArrayList<>(BATCH_SIZE);
    for (int i = 0; i < lines.size(); i++) {
      writes.add(
          WriteRequest.builder()
              .putRequest(PutRequest.builder().item(lineItem(id, i + 1, lines.get(i))).build())
              .build());
      if (writes.size() == BATCH_SIZE) {
        writeBatch(writes);
        writes = new ArrayList<>(BATCH_SIZE);
      }
    }
    if (!writes.isEmpty()) {
      writeBatch(writes);
    }
    Map<String, AttributeValue> values = new HashMap<>();
    values.put(":lines", n(lines.size()));
    StringBuilder set = new StringBuilder("SET lineCount = :lines");
    List<String> remove = new ArrayList<>();
    for (Fact fact : Fact.values()) {
      Optional<BigDecimal> value = facts.value(fact);
      if (value.isPresent()) {
        set.append(", ").append(fact.key()).append(" = :").append(fact.key());
        values.put(":" + fact.key(), n(value.get().toPlainString()));
      } else {
        // a redelivery of the same submission writes the same item: leave nothing stale behind
        remove.add(fact.key());
      }
    }
    String update =
        remove.isEmpty() ? set.toString() : set + " REMOVE " + String.join(", ", remove);
    dynamoDb.updateItem(
        u ->
            u.tableName(table)
                .key(key(submissionPk(id), META))
                .updateExpression(update)
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(values));
  }

  /** The facts a submission item states; items written before a fact existed lack it. */
  private static UnitYearFacts facts(Map<String, AttributeValue> meta) {
    Map<Fact, BigDecimal> values = new EnumMap<>(Fact.class);
    for (Fact fact : Fact.values()) {
      AttributeValue value = meta.get(fact.key());
      if (value != null && value.n() != null) {
        values.put(fact, new BigDecimal(value.n()));
      }
    }
    return new UnitYearFacts(values);
  }

  /** One BatchWriteItem of up to 25 puts, retrying what DynamoDB left unprocessed, with backoff. */
  void writeBatch(List<WriteRequest> writes) {
    Map<String, List<WriteRequest>> pending = Map.of(table, writes);
    for (int attempt = 0; attempt < MAX_BATCH_ATTEMPTS; attempt++) {
      Map<String, List<WriteRequest>> request = pending;
      BatchWriteItemResponse response = dynamoDb.batchWriteItem(b -> b.requestItems(request));
      if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
        return;
      }
      pending = response.unprocessedItems();
      try {
        sleeper.sleep(Math.min(1_000, 25L << attempt));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while retrying unprocessed items", e);
      }
    }
    throw new IllegalStateException(
        "DynamoDB left items unprocessed after " + MAX_BATCH_ATTEMPTS + " attempts");
  }

  @Override
  public boolean makeCurrent(Submission submission, Instant acceptedAt) {
    Map<String, AttributeValue> item =
        new HashMap<>(key(yearPk(submission.unit(), submission.year()), CURRENT));
    item.put("submissionId", s(submission.id().value()));
    item.put("requestedAtMillis", n(submission.requestedAt().toEpochMilli()));
    item.put("acceptedAt", s(acceptedAt.toString()));
    try {
      dynamoDb.putItem(
          p ->
              p.tableName(table)
                  .item(item)
                  .conditionExpression(
                      "attribute_not_exists(pk) OR requestedAtMillis < :mine OR submissionId = :id")
                  .expressionAttributeValues(
                      Map.of(
                          ":mine", n(submission.requestedAt().toEpochMilli()),
                          ":id", s(submission.id().value()))));
      return true;
    } catch (ConditionalCheckFailedException newerIsCurrent) {
      return false;
    }
  }

  @Override
  public boolean adopt(
      Submission submission, Optional<SubmissionId> expectedCurrent, Instant at, String by) {
    Map<String, AttributeValue> item =
        new HashMap<>(key(yearPk(submission.unit(), submission.year()), CURRENT));
    item.put("submissionId", s(submission.id().value()));
    // an import requested before this adoption and processed after it does not replace it
    item.put("requestedAtMillis", n(at.toEpochMilli()));
    item.put("acceptedAt", s(at.toString()));
    try {
      if (expectedCurrent.isPresent()) {
        dynamoDb.putItem(
            p ->
                p.tableName(table)
                    .item(item)
                    .conditionExpression("submissionId = :expected")
                    .expressionAttributeValues(
                        Map.of(":expected", s(expectedCurrent.get().value()))));
      } else {
        dynamoDb.putItem(
            p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
      }
    } catch (ConditionalCheckFailedException changed) {
      return false;
    }
    dynamoDb.updateItem(
        u ->
            u.tableName(table)
                .key(key(submissionPk(submission.id()), META))
                .updateExpression("SET adoptedAt = :at, adoptedBy = :by")
                .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(by))));
    return true;
  }

  @Override
  public void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, SubmissionOutcome outcome) {
    String stored;
    try {
      stored = Json.mapper().writeValueAsString(StoredOutcome.of(outcome));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    SubmissionItemWrites.recordOutcome(
        dynamoDb, table, key(submissionPk(id), META), objectVersion, status, stored);
  }

  // ---------------------------------------------------------------- the year's figures

  @Override
  public Optional<AcceptedSpending> find(UnitId unit, FiscalYear year) {
    Optional<Map<String, AttributeValue>> current = currentItem(unit, year);
    if (current.isEmpty()) {
      return Optional.empty();
    }
    SubmissionId id = new SubmissionId(current.get().get("submissionId").s());
    return figures(id, unit, year, Instant.parse(current.get().get("acceptedAt").s()));
  }

  @Override
  public Optional<AcceptedSpending> figuresOf(Submission submission) {
    if (submission.status() != SubmissionStatus.ACCEPTED || submission.outcome().isEmpty()) {
      return Optional.empty();
    }
    return figures(
        submission.id(),
        submission.unit(),
        submission.year(),
        submission.outcome().get().processedAt());
  }

  private Optional<AcceptedSpending> figures(
      SubmissionId id, UnitId unit, FiscalYear year, Instant acceptedAt) {
    Map<String, AttributeValue> meta = null;
    List<SpendingLine> lines = new ArrayList<>();
    QueryRequest request =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(submissionPk(id))))
            .consistentRead(true)
            .build();
    for (QueryResponse page : dynamoDb.queryPaginator(request)) {
      for (Map<String, AttributeValue> item : page.items()) {
        if (META.equals(item.get("sk").s())) {
          meta = item;
        } else {
          lines.add(line(item));
        }
      }
    }
    if (meta == null) {
      return Optional.empty();
    }
    // lines beyond the count are left from an earlier attempt that read more: never part of it
    AttributeValue count = meta.get("lineCount");
    if (count != null && count.n() != null && Integer.parseInt(count.n()) < lines.size()) {
      lines = new ArrayList<>(lines.subList(0, Integer.parseInt(count.n())));
    }
    return Optional.of(
        new AcceptedSpending(
            unit, year, id.value(), meta.get("fileName").s(), acceptedAt, lines, facts(meta)));
  }

  private Optional<Map<String, AttributeValue>> currentItem(UnitId unit, FiscalYear year) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                g -> g.tableName(table).key(key(yearPk(unit, year), CURRENT)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(item);
  }

  // ---------------------------------------------------------------- mapping

  private static Map<String, AttributeValue> lineItem(
      SubmissionId id, int number, SpendingLine line) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(submissionPk(id)));
    item.put("sk", s(String.format("LINE#%06d", number)));
    item.put("type", s(line.type().name()));
    line.project().ifPresent(project -> item.put("project", s(project)));
    item.put("code", s(line.economicCode().value()));
    item.put("name", s(line.economicName()));
    item.put("budget", n(line.budget().yuan().toPlainString()));
    item.put("actual", n(line.actual().yuan().toPlainString()));
    item.put("fundSource", s(line.fundSource()));
    return item;
  }

  private static SpendingLine line(Map<String, AttributeValue> item) {
    return new SpendingLine(
        ExpenditureType.valueOf(item.get("type").s()),
        Optional.ofNullable(item.get("project")).map(AttributeValue::s),
        new EconomicCode(item.get("code").s()),
        item.get("name").s(),
        Money.ofYuan(item.get("budget").n()),
        Money.ofYuan(item.get("actual").n()),
        item.get("fundSource").s());
  }

  private static Submission submission(Map<String, AttributeValue> item) {
    UploadKey key = UploadKey.parse(item.get("uploadKey").s()).orElseThrow();
    Optional<SubmissionOutcome> outcome =
        Optional.ofNullable(item.get("outcome"))
            .map(
                value -> {
                  try {
                    return Json.mapper().readValue(value.s(), StoredOutcome.class).outcome();
                  } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    return new Submission(
        key.submission(),
        key.unit(),
        key.year(),
        key,
        item.get("fileName").s(),
        Instant.parse(item.get("requestedAt").s()),
        item.get("requestedBy").s(),
        Optional.ofNullable(item.get("kind"))
            .map(kind -> SubmissionKind.valueOf(kind.s()))
            .orElse(SubmissionKind.IMPORT),
        SubmissionStatus.valueOf(item.get("status").s()),
        Optional.ofNullable(item.get("objectVersion")).map(AttributeValue::s),
        outcome,
        Optional.ofNullable(item.get("adoptedAt"))
            .map(
                at ->
                    new Submission.Adoption(
                        Instant.parse(at.s()),
                        Optional.ofNullable(item.get("adoptedBy"))
                            .map(AttributeValue::s)
                            .orElse(""))),
        SubmissionItemWrites.failure(item));
  }

  /** The outcome as stored in the submission item (JSON, amounts exact, no Optional). */
  record StoredOutcome(
      boolean accepted,
      Instant processedAt,
      int lineCount,
      int findingCount,
      SpendingTotals totals,
      List<Finding> firstFindings,
      boolean adopted,
      String outcomeKey,
      String reportKey,
      List<String> notes,
      String checkedAgainst) {

    static StoredOutcome of(SubmissionOutcome o) {
      return new StoredOutcome(
          o.accepted(),
          o.processedAt(),
          o.lineCount(),
          o.findingCount(),
          o.totals().orElse(null),
          o.firstFindings(),
          o.adopted(),
          o.outcomeKey(),
          o.reportKey(),
          o.notes(),
          o.checkedAgainst().map(SubmissionId::value).orElse(null));
    }

    SubmissionOutcome outcome() {
      return new SubmissionOutcome(
          accepted,
          processedAt,
          lineCount,
          findingCount,
          Optional.ofNullable(totals),
          firstFindings == null ? List.of() : firstFindings,
          adopted,
          outcomeKey,
          reportKey,
          notes == null ? List.of() : notes,
          Optional.ofNullable(checkedAgainst).map(SubmissionId::new));
    }
  }

  private static String submissionPk(SubmissionId id) {
    return "SUBMISSION#" + id.value();
  }

  private static String yearPk(UnitId unit, FiscalYear year) {
    return "UNIT#" + unit.value() + "#YEAR#" + year.value();
  }

  private static Map<String, AttributeValue> key(String pk, String sk) {
    return Map.of("pk", s(pk), "sk", s(sk));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }

  private static AttributeValue n(String value) {
    return AttributeValue.fromN(value);
  }
}
