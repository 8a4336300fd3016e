package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Complaints in the DynamoDB complaints table, one item each (see {@link ComplaintItems}), read as
 * stored: the use cases count a deadline stored as unknown again, and the next update stores it.
 */
public record DynamoDbComplaints(DynamoDbClient dynamoDb, String table) implements Complaints {
  /** State attributes that are absent when empty, so an update removes them. */
  private static final List<String> OPTIONAL_STATE =
      List.of(
          "department",
          "dueBy",
          "deadlineUnknownYear",
          "deadlineLimit",
          "deadlineCountedFrom",
          "deadlineWorkingDays",
          "feedback");

  @Override
  public boolean add(Complaint complaint) {
    try {
      dynamoDb.putItem(
          put ->
              put.tableName(table)
                  .item(ComplaintItems.toItem(complaint))
                  .conditionExpression("attribute_not_exists(pk)"));
      return true;
    } catch (ConditionalCheckFailedException taken) {
      return false;
    }
  }

  @Override
  public boolean update(Complaint before, Complaint after) {
    if (!after.trackingNumber().equals(before.trackingNumber())
        || after.history().size() < before.history().size()) {
      throw new IllegalArgumentException("not a later version of the same complaint");
    }
    Map<String, AttributeValue> state = ComplaintItems.mutableState(after);
    Map<String, AttributeValue> values = new HashMap<>();
    Map<String, String> names = new HashMap<>();
    List<String> sets = new ArrayList<>();
    state.forEach(
        (attribute, value) -> {
          names.put("#" + attribute, attribute);
          values.put(":" + attribute, value);
          sets.add("#" + attribute + " = :" + attribute);
        });
    // History is only ever appended to; earlier steps are never sent back.
    sets.add("history = list_append(history, :steps)");
    values.put(":steps", AttributeValue.fromL(ComplaintItems.steps(after.stepsSince(before))));
    values.put(":expected", ComplaintItems.n(before.version()));
    List<String> removes =
        OPTIONAL_STATE.stream().filter(attribute -> !state.containsKey(attribute)).toList();
    String expression =
        "SET "
            + String.join(", ", sets)
            + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
    try {
      dynamoDb.updateItem(
          update ->
              update
                  .tableName(table)
                  .key(ComplaintItems.key(after.trackingNumber()))
                  .updateExpression(expression)
                  .conditionExpression("#version = :expected")
                  .expressionAttributeNames(names)
                  .expressionAttributeValues(values));
      return true;
    } catch (ConditionalCheckFailedException someoneElseWasFirst) {
      return false;
    }
  }

  @Override
  public Optional<Complaint> find(TrackingNumber trackingNumber) {
    Map<String, AttributeValue> item =
        dynamoDb
            .getItem(
                get ->
                    get.tableName(table)
                        .key(ComplaintItems.key(trackingNumber))
                        .consistentRead(true))
            .item();
    return item == null || item.isEmpty()
        ? Optional.empty()
        : Optional.of(ComplaintItems.fromItem(item));
  }
}
