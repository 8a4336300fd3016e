package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintItems.s;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintPage;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintQuery;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Searches the complaints table's {@code gsi1}, complaints as stored (one partition per filing
 * year, sorted by filing time): the years of the date range newest first, the other criteria as a
 * filter. At the volume of one county office (about a hundred cases a year) filtering a year
 * partition is cheap.
 */
public record DynamoDbComplaintSearch(
    DynamoDbClient dynamoDb, String table, Optional<List<String>> projection)
    implements ComplaintSearch {
  private static final int BATCH = 100;
  private static final List<ComplaintStatus> OPEN =
      List.of(ComplaintStatus.RECEIVED, ComplaintStatus.ACCEPTED, ComplaintStatus.IN_PROGRESS);

  /**
   * What {@link #withoutPersonalData} reads of a complaint: every attribute a {@link Complaint} is
   * built from but the complainant's name and phone and the attachments. template.yaml grants the
   * report function a Query of gsi1 for exactly these names ({@code dynamodb:Attributes});
   * TemplateSecurityTest holds the two lists equal.
   */
  public static final List<String> STATISTICS_ATTRIBUTES =
      List.of(
          "pk",
          "sk",
          "gsi1pk",
          "gsi1sk",
          "trackingNumber",
          "kind",
          "subject",
          "description",
          "enterpriseName",
          "creditCode",
          "accessTokenHash",
          "filedAt",
          "history",
          "status",
          "version",
          "updatedAt",
          "department",
          "dueBy",
          "deadlineUnknownYear",
          "deadlineLimit",
          "deadlineCountedFrom",
          "deadlineWorkingDays",
          "feedback",
          "source",
          "ledgerImportId",
          "ledgerUnit",
          "ledgerSheet",
          "ledgerRow",
          "ledgerNumber");

  /** Every attribute, as the officers' search and the workflow's statistics read them. */
  public DynamoDbComplaintSearch(DynamoDbClient dynamoDb, String table) {
    this(dynamoDb, table, Optional.empty());
  }

  /**
   * A search whose {@link #filedIn} reads only {@link #STATISTICS_ATTRIBUTES}: the complaints come
   * without their contact (and attachments), as the statistics need them and as the report function
   * may read them.
   */
  public static DynamoDbComplaintSearch withoutPersonalData(DynamoDbClient dynamoDb, String table) {
    return new DynamoDbComplaintSearch(dynamoDb, table, Optional.of(STATISTICS_ATTRIBUTES));
  }

  @Override
  public ComplaintPage search(ComplaintQuery query) {
    String lowest =
        ComplaintItems.sortable(query.filedFrom().atStartOfDay(Complaint.ZONE).toInstant());
    String highest =
        ComplaintItems.sortable(
            query.filedTo().plusDays(1).atStartOfDay(Complaint.ZONE).toInstant());
    Optional<Cursor> cursor = query.cursor().map(Cursor::decode);
    if (cursor.isPresent()
        && (cursor.get().year() < query.filedFrom().getYear()
            || cursor.get().year() > query.filedTo().getYear()
            || cursor.get().sortKey().compareTo(lowest) < 0
            || cursor.get().sortKey().compareTo(highest) > 0)) {
      // a position outside the years and dates asked for: DynamoDB would refuse the start key
      throw new BadCursor();
    }
    List<Complaint> page = new ArrayList<>();
    int firstYear = cursor.map(Cursor::year).orElse(query.filedTo().getYear());
    for (int year = firstYear; year >= query.filedFrom().getYear(); year--) {
      Map<String, String> imports = DynamoDbLedgerCases.currentImports(dynamoDb, table, year);
      Map<String, AttributeValue> startKey =
          year == firstYear ? cursor.map(Cursor::exclusiveStartKey).orElse(null) : null;
      do {
        QueryResponse response = dynamoDb.query(request(query, year, lowest, highest, startKey));
        for (Map<String, AttributeValue> item : response.items()) {
          if (!DynamoDbLedgerCases.inForce(item, imports)) {
            // a case of a ledger import replaced since (deleted once the new one is in force)
            continue;
          }
          page.add(ComplaintItems.fromItem(item));
          if (page.size() == query.pageSize()) {
            return new ComplaintPage(
                page, Optional.of(new Cursor(year, item.get("gsi1sk").s()).encode()));
          }
        }
        startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
      } while (startKey != null);
    }
    return new ComplaintPage(page, Optional.empty());
  }

  @Override
  public List<Complaint> filedIn(int year) {
    List<Complaint> all = new ArrayList<>();
    Map<String, String> imports = DynamoDbLedgerCases.currentImports(dynamoDb, table, year);
    Map<String, AttributeValue> startKey = null;
    do {
      Map<String, AttributeValue> start = startKey;
      QueryResponse response =
          dynamoDb.query(
              q -> {
                q.tableName(table)
                    .indexName(ComplaintItems.GSI1)
                    .keyConditionExpression("gsi1pk = :year")
                    .expressionAttributeValues(
                        Map.of(":year", s(ComplaintItems.yearPartition(year))))
                    .exclusiveStartKey(start);
                projection.ifPresent(attributes -> project(q, attributes));
              });
      response.items().stream()
          .filter(item -> DynamoDbLedgerCases.inForce(item, imports))
          .forEach(item -> all.add(ComplaintItems.fromItem(item)));
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (startKey != null);
    return all;
  }

  private QueryRequest request(
      ComplaintQuery query,
      int year,
      String lowest,
      String highest,
      Map<String, AttributeValue> startKey) {
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    values.put(":year", s(ComplaintItems.yearPartition(year)));
    values.put(":lowest", s(lowest));
    values.put(":highest", s(highest));
    List<String> filters = new ArrayList<>();
    if (!query.statuses().isEmpty()) {
      filters.add(
          "#status IN ("
              + placeholders("status", query.statuses().stream().map(Enum::name).toList(), values)
              + ")");
      names.put("#status", "status");
    }
    query
        .kind()
        .ifPresent(
            kind -> {
              filters.add("#kind = :kind");
              names.put("#kind", "kind");
              values.put(":kind", s(kind.name()));
            });
    query
        .department()
        .ifPresent(
            department -> {
              filters.add("(contains(department, :department) OR contains(subject, :department))");
              values.put(":department", s(department));
            });
    query
        .overdueOn()
        .ifPresent(
            today -> {
              // A stored unknown deadline may be known and past by now: such items are read, and
              // SearchComplaints keeps them only if, counted now, they are overdue. They are few
              // (the weeks before a new year's calendar is deployed) and the next write stores
              // their deadline.
              filters.add(
                  "(dueBy < :today OR attribute_exists(deadlineUnknownYear)) AND #status IN ("
                      + placeholders("open", OPEN.stream().map(Enum::name).toList(), values)
                      + ")");
              names.put("#status", "status");
              values.put(":today", s(today.toString()));
            });
    QueryRequest.Builder request =
        QueryRequest.builder()
            .tableName(table)
            .indexName(ComplaintItems.GSI1)
            .keyConditionExpression("gsi1pk = :year AND gsi1sk BETWEEN :lowest AND :highest")
            .scanIndexForward(false)
            .limit(BATCH)
            .expressionAttributeValues(values)
            .exclusiveStartKey(startKey);
    if (!filters.isEmpty()) {
      request.filterExpression(String.join(" AND ", filters));
    }
    if (!names.isEmpty()) {
      request.expressionAttributeNames(names);
    }
    return request.build();
  }

  /** Only these attributes ({@code #a0, #a1, …}: some, like status, are reserved words). */
  private static void project(QueryRequest.Builder query, List<String> attributes) {
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < attributes.size(); i++) {
      names.put("#a" + i, attributes.get(i));
    }
    query
        .select(Select.SPECIFIC_ATTRIBUTES)
        .projectionExpression(String.join(", ", names.keySet()))
        .expressionAttributeNames(names);
  }

  private static String placeholders(
      String prefix, List<String> items, Map<String, AttributeValue> values) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      values.put(":" + prefix + i, s(items.get(i)));
      names.add(":" + prefix + i);
    }
    return names.stream().collect(Collectors.joining(", "));
  }

  /** Where a page ended: the year partition and the last item's sort key. Opaque to clients. */
  private record Cursor(int year, String sortKey) {
    String encode() {
      ObjectNode node = Json.mapper().createObjectNode().put("y", year).put("k", sortKey);
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String text) {
      try {
        JsonNode node = Json.mapper().readTree(Base64.getUrlDecoder().decode(text));
        int year = node.path("y").asInt();
        String sortKey = node.path("k").asText();
        int hash = sortKey.lastIndexOf('#');
        if (year < 2000
            || year > 2100
            || hash < 0
            || TrackingNumber.parse(sortKey.substring(hash + 1)).isEmpty()) {
          throw new BadCursor();
        }
        return new Cursor(year, sortKey);
      } catch (IOException | IllegalArgumentException e) {
        throw new BadCursor();
      }
    }

    Map<String, AttributeValue> exclusiveStartKey() {
      TrackingNumber number = new TrackingNumber(sortKey.substring(sortKey.lastIndexOf('#') + 1));
      Map<String, AttributeValue> key = new HashMap<>(ComplaintItems.key(number));
      key.put("gsi1pk", s(ComplaintItems.yearPartition(year)));
      key.put("gsi1sk", s(sortKey));
      return key;
    }
  }
}
