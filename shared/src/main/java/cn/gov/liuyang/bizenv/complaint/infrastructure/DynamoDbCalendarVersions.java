package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.complaint.application.CalendarVersions;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Working-day calendars in the complaints table, one item per saved version:
 *
 * <pre>
 * pk = CALENDAR#2027   sk = V#000001   (no gsi1 keys: never in the staff search or the statistics)
 * year, version, source, note?, daysOff [{name, from, to}], weekendWorkingDays [date],
 * savedBy, savedByName, savedAt, confirmedBy?, confirmedByName?, confirmedAt?
 * </pre>
 *
 * A new version is a {@code PutItem} conditional on its key being free; the confirmation an {@code
 * UpdateItem} conditional on the version existing unconfirmed. Reads are consistent {@code Query}
 * (newest first) and {@code GetItem}.
 */
public record DynamoDbCalendarVersions(DynamoDbClient dynamoDb, String table)
    implements CalendarVersions {
  private static final String VERSION_PREFIX = "V#";

  static String partition(int year) {
    return "CALENDAR#" + year;
  }

  static String versionKey(int version) {
    return String.format("%s%06d", VERSION_PREFIX, version);
  }

  @Override
  public Optional<CalendarVersion> latest(int year) {
    return history(year, 1).stream().findFirst();
  }

  @Override
  public Optional<CalendarVersion> version(int year, int version) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(get -> get.tableName(table).key(key(year, version)).consistentRead(true))
            .item();
    return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
  }

  @Override
  public List<CalendarVersion> history(int year, int max) {
    List<CalendarVersion> versions = new ArrayList<>();
    Map<String, AttributeValue> startKey = null;
    do {
      Map<String, AttributeValue> start = startKey;
      int wanted = max - versions.size();
      QueryResponse response =
          dynamoDb.query(
              query ->
                  query
                      .tableName(table)
                      .keyConditionExpression("pk = :pk AND begins_with(sk, :v)")
                      .expressionAttributeValues(
                          Map.of(":pk", s(partition(year)), ":v", s(VERSION_PREFIX)))
                      .scanIndexForward(false)
                      .limit(wanted)
                      .consistentRead(true)
                      .exclusiveStartKey(start));
      response.items().forEach(item -> versions.add(fromItem(item)));
      startKey = response.hasLastEvaluatedKey() ? response.lastEvaluatedKey() : null;
    } while (startKey != null && versions.size() < max);
    return versions;
  }

  @Override
  public void add(CalendarVersion version) {
    try {
      dynamoDb.putItem(
          put ->
              put.tableName(table)
                  .item(toItem(version))
                  .conditionExpression("attribute_not_exists(pk)"));
    } catch (ConditionalCheckFailedException taken) {
      throw new Taken("calendar " + version.year() + " version " + version.version());
    }
  }

  @Override
  public void confirm(CalendarVersion confirmed) {
    CalendarVersion.Confirmation confirmation =
        confirmed
            .confirmation()
            .orElseThrow(() -> new IllegalArgumentException("no confirmation to store"));
    try {
      dynamoDb.updateItem(
          update ->
              update
                  .tableName(table)
                  .key(key(confirmed.year(), confirmed.version()))
                  .conditionExpression("attribute_exists(pk) AND attribute_not_exists(confirmedAt)")
                  .updateExpression(
                      "SET confirmedBy = :by, confirmedByName = :name, confirmedAt = :at")
                  .expressionAttributeValues(
                      Map.of(
                          ":by", s(confirmation.by().id()),
                          ":name", s(confirmation.by().name()),
                          ":at", s(confirmation.at().toString()))));
    } catch (ConditionalCheckFailedException taken) {
      throw new Taken(
          "calendar " + confirmed.year() + " version " + confirmed.version() + " confirmation");
    }
  }

  private static Map<String, AttributeValue> key(int year, int version) {
    return Map.of("pk", s(partition(year)), "sk", s(versionKey(version)));
  }

  static Map<String, AttributeValue> toItem(CalendarVersion version) {
    CalendarEntry entry = version.entry();
    Map<String, AttributeValue> item = new HashMap<>(key(version.year(), version.version()));
    item.put("year", n(version.year()));
    item.put("version", n(version.version()));
    item.put("source", s(entry.source()));
    entry.note().ifPresent(note -> item.put("note", s(note)));
    item.put(
        "daysOff",
        AttributeValue.fromL(
            entry.daysOff().stream()
                .map(
                    range ->
                        AttributeValue.fromM(
                            Map.of(
                                "name", s(range.name()),
                                "from", s(range.from().toString()),
                                "to", s(range.to().toString()))))
                .toList()));
    item.put(
        "weekendWorkingDays",
        AttributeValue.fromL(
            entry.weekendWorkingDays().stream().map(day -> s(day.toString())).toList()));
    item.put("savedBy", s(version.savedBy().id()));
    item.put("savedByName", s(version.savedBy().name()));
    item.put("savedAt", s(version.savedAt().toString()));
    version
        .confirmation()
        .ifPresent(
            c -> {
              item.put("confirmedBy", s(c.by().id()));
              item.put("confirmedByName", s(c.by().name()));
              item.put("confirmedAt", s(c.at().toString()));
            });
    return item;
  }

  static CalendarVersion fromItem(Map<String, AttributeValue> item) {
    int year = Integer.parseInt(item.get("year").n());
    List<HolidayRange> daysOff =
        item.get("daysOff").l().stream()
            .map(AttributeValue::m)
            .map(
                m ->
                    new HolidayRange(
                        m.get("name").s(),
                        LocalDate.parse(m.get("from").s()),
                        LocalDate.parse(m.get("to").s())))
            .toList();
    List<LocalDate> working =
        item.getOrDefault("weekendWorkingDays", AttributeValue.fromL(List.of())).l().stream()
            .map(day -> LocalDate.parse(day.s()))
            .toList();
    CalendarEntry entry =
        new CalendarEntry(
            year,
            item.get("source").s(),
            Optional.ofNullable(item.get("note")).map(AttributeValue::s),
            daysOff,
            working);
    Optional<CalendarVersion.Confirmation> confirmation =
        Optional.ofNullable(item.get("confirmedAt"))
            .map(
                at ->
                    new CalendarVersion.Confirmation(
                        new Officer(item.get("confirmedBy").s(), item.get("confirmedByName").s()),
                        Instant.parse(at.s())));
    return new CalendarVersion(
        entry,
        Integer.parseInt(item.get("version").n()),
        new Officer(item.get("savedBy").s(), item.get("savedByName").s()),
        Instant.parse(item.get("savedAt").s()),
        confirmation);
  }

  private static AttributeValue s(String value) {
    return AttributeValue.fromS(value);
  }

  private static AttributeValue n(int value) {
    return AttributeValue.fromN(Integer.toString(value));
  }
}
