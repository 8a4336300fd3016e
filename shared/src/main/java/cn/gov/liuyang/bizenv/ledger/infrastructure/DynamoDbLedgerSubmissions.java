package cn.gov.liuyang.bizenv.ledger.infrastructure;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.ledger.application.LedgerSubmissionStore;
import cn.gov.liuyang.bizenv.ledger.model.LedgerOutcome;
import cn.gov.liuyang.bizenv.ledger.model.LedgerSubmission;
import cn.gov.liuyang.bizenv.ledger.model.LedgerUploadKey;
import cn.gov.liuyang.bizenv.spending.application.SubmissionStore.Claim;
import cn.gov.liuyang.bizenv.spending.infrastructure.SubmissionItemWrites;
import cn.gov.liuyang.bizenv.spending.model.IngestFailure;
import cn.gov.liuyang.bizenv.spending.model.SubmissionId;
import cn.gov.liuyang.bizenv.spending.model.SubmissionStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Ledger submissions in the uploads' table (the spending table), beside the spending submissions,
 * so that the upload routes and the ingest need no other table for them:
 *
 * <pre>
 * pk = LEDGER#{id}  sk = #META   gsi1pk = LEDGERS#UNIT#{unit}#YEAR#{year}  gsi1sk = {requestedAt}#{id}
 * </pre>
 *
 * The claim is the spending import's: a conditional update with a lease.
 */
public final class DynamoDbLedgerSubmissions implements LedgerSubmissionStore {
  private static final String META = "#META";

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbLedgerSubmissions(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void create(LedgerSubmission submission) {
    Map<String, AttributeValue> item = new HashMap<>(key(submission.id()));
    item.put("gsi1pk", s("LEDGERS#UNIT#" + submission.unit() + "#YEAR#" + submission.year()));
    item.put("gsi1sk", s(submission.requestedAt() + "#" + submission.id()));
    item.put("unit", s(submission.unit().value()));
    item.put("year", n(submission.year().value()));
    item.put("uploadKey", s(submission.uploadKey().value()));
    item.put("fileName", s(submission.fileName()));
    item.put("requestedAt", s(submission.requestedAt().toString()));
    item.put("requestedBy", s(submission.requestedBy()));
    item.put("status", s(submission.status().name()));
    dynamoDb.putItem(
        p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Optional<LedgerSubmission> find(SubmissionId id) {
    Map<String, AttributeValue> item =
        dynamoDb.getItem(g -> g.tableName(table).key(key(id)).consistentRead(true)).item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(submission(item));
  }

  @Override
  public Claim claim(SubmissionId id, String objectVersion, Instant now, Duration lease) {
    return SubmissionItemWrites.claim(
        dynamoDb,
        table,
        key(id),
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
    SubmissionItemWrites.release(dynamoDb, table, key(id), objectVersion, claimedAt, lease);
  }

  @Override
  public void fail(
      SubmissionId id,
      String objectVersion,
      Instant claimedAt,
      Duration lease,
      IngestFailure failure) {
    SubmissionItemWrites.fail(dynamoDb, table, key(id), objectVersion, claimedAt, lease, failure);
  }

  @Override
  public void recordOutcome(
      SubmissionId id, String objectVersion, SubmissionStatus status, LedgerOutcome outcome) {
    String stored;
    try {
      stored = Json.mapper().writeValueAsString(outcome);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    SubmissionItemWrites.recordOutcome(dynamoDb, table, key(id), objectVersion, status, stored);
  }

  private static LedgerSubmission submission(Map<String, AttributeValue> item) {
    LedgerUploadKey key = LedgerUploadKey.parse(item.get("uploadKey").s()).orElseThrow();
    Optional<LedgerOutcome> outcome =
        Optional.ofNullable(item.get("outcome"))
            .map(
                value -> {
                  try {
                    return Json.mapper().readValue(value.s(), LedgerOutcome.class);
                  } catch (JsonProcessingException e) {
                    throw new UncheckedIOException(e);
                  }
                });
    return new LedgerSubmission(
        key.submission(),
        new UnitId(item.get("unit").s()),
        new FiscalYear(Integer.parseInt(item.get("year").n())),
        key,
        item.get("fileName").s(),
        Instant.parse(item.get("requestedAt").s()),
        item.get("requestedBy").s(),
        SubmissionStatus.valueOf(item.get("status").s()),
        Optional.ofNullable(item.get("objectVersion")).map(AttributeValue::s),
        outcome,
        SubmissionItemWrites.failure(item));
  }

  private static Map<String, AttributeValue> key(SubmissionId id) {
    return Map.of("pk", s("LEDGER#" + id.value()), "sk", s(META));
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(long value) {
    return AttributeValue.fromN(Long.toString(value));
  }
}
