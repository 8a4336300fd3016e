package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintStatistics;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import java.time.Clock;

/**
 * THE ONE PLACE WHERE THE REPORT FUNCTION OBTAINS ITS INPUTS FROM OTHER AREAS: the accepted
 * spending (spending import) and the complaint statistics (complaint workflow). Their DynamoDB
 * adapters are built on those areas' branches; at merge, replace each body with the adapter's
 * constructor, e.g. {@code new DynamoDbAcceptedSpending(aws.dynamoDb(),
 * Env.require("SPENDING_TABLE"))}, and add the table variable and a read policy to
 * ReportGeneratorFunction in template.yaml.
 *
 * <p>Until then a report request fails loudly (500, logged) rather than pretending there is no
 * data.
 */
final class InputsFromOtherAreas {
  private InputsFromOtherAreas() {}

  static AcceptedSpendingReader acceptedSpending(AwsClients aws) {
    return (unit, year) -> {
      throw new IllegalStateException("AcceptedSpendingReader adapter is not wired yet");
    };
  }

  static ComplaintStatisticsReader complaintStatistics(AwsClients aws) {
    return new DynamoDbComplaintStatistics(
        aws.dynamoDb(), Env.require("COMPLAINTS_TABLE"), Clock.systemUTC());
  }
}
