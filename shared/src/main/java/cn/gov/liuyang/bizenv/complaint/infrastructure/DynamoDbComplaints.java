package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Complaints in the DynamoDB complaints table, one item each (see {@link ComplaintItems}). */
public final class DynamoDbComplaints implements Complaints {
  private final DynamoDbClient dynamoDb;
  private final String table;

  public DynamoDbComplaints(DynamoDbClient dynamoDb, String table) {
    this.dynamoDb = dynamoDb;
    this.table = table;
  }

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
