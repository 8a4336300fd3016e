package cn.gov.liuyang.bizenv.audit.infrastructure;

import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The audit trail in its own table ({@code AUDIT_TABLE}): one item per read, {@code CASE#<number>}
 * / {@code READ#<instant, fixed width>#<uuid>}, written once with a condition that it is new (the
 * function may put and query, never update or delete). A case's reads are one Query, newest first.
 */
public final class DynamoDbPersonalDataReads implements PersonalDataReads {
  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS'Z'").withZone(ZoneOffset.UTC);
  private static final Pattern SORT_KEY =
      Pattern.compile("READ#[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]{18}Z#[0-9a-f-]{36}");

  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbPersonalDataReads(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

  @Override
  public void record(PersonalDataRead read) {
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", s(pk(read.caseNumber())));
    item.put("sk", s("READ#" + SORTABLE.format(read.at()) + "#" + UUID.randomUUID()));
    item.put("caseNumber", s(read.caseNumber()));
    item.put("readerId", s(read.readerId()));
    item.put("readerName", s(read.readerName()));
    item.put("at", s(read.at().toString()));
    item.put("purpose", s(read.purpose().name()));
    item.put("fields", AttributeValue.fromL(read.fields().stream().map(this::s).toList()));
    dynamoDb.putItem(
        p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
  }

  @Override
  public Page ofCase(String caseNumber, int limit, Optional<String> cursor) {
    QueryRequest.Builder query =
        QueryRequest.builder()
            .tableName(table)
            .keyConditionExpression("pk = :pk")
            .expressionAttributeValues(Map.of(":pk", s(pk(caseNumber))))
            .scanIndexForward(false)
            .consistentRead(true)
            .limit(limit);
    cursor.ifPresent(
        c -> query.exclusiveStartKey(Map.of("pk", s(pk(caseNumber)), "sk", s(sortKey(c)))));
    QueryResponse response = dynamoDb.query(query.build());
    List<PersonalDataRead> reads = response.items().stream().map(this::read).toList();
    Optional<String> next =
        response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty()
            ? Optional.of(cursor(response.lastEvaluatedKey().get("sk").s()))
            : Optional.empty();
    return new Page(reads, next);
  }

  private PersonalDataRead read(Map<String, AttributeValue> item) {
    return new PersonalDataRead(
        item.get("caseNumber").s(),
        item.get("readerId").s(),
        item.get("readerName").s(),
        Instant.parse(item.get("at").s()),
        PersonalDataRead.Purpose.valueOf(item.get("purpose").s()),
        item.get("fields").l().stream().map(AttributeValue::s).toList());
  }

  private static String pk(String caseNumber) {
    return "CASE#" + caseNumber;
  }

  private static String cursor(String sortKey) {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
  }

  /** The sort key a cursor carries; anything else is a {@link BadCursor}. */
  private static String sortKey(String cursor) {
    String sortKey;
    try {
      sortKey =
          cursor.length() > 200
              ? ""
              : new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException notBase64) {
      throw new BadCursor();
    }
    if (!SORT_KEY.matcher(sortKey).matches()) {
      throw new BadCursor();
    }
    return sortKey;
  }

  private AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }
}
