package cn.gov.liuyang.bizenv.report.generator;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendars;
import cn.gov.liuyang.bizenv.spending.application.UnitFactsStore;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbSpending;
import cn.gov.liuyang.bizenv.spending.infrastructure.DynamoDbUnitFacts;
import cn.gov.liuyang.bizenv.spending.model.AcceptedSpendingReader;
import java.time.Clock;

/**
 * Where the report function reads the other areas' data: the accepted spending (spending import)
 * and the complaint statistics (complaint workflow), through their own DynamoDB adapters, from the
 * tables that template.yaml gives ReportGeneratorFunction read access to.
 */
final class InputsFromOtherAreas {
  private InputsFromOtherAreas() {}

  static AcceptedSpendingReader acceptedSpending(AwsClients aws) {
    return new DynamoDbSpending(aws.dynamoDb(), Env.require("SPENDING_TABLE"));
  }

  /** The facts staff enter live in the spending table, beside the year's figures. */
  static UnitFactsStore unitFacts(AwsClients aws) {
    return new DynamoDbUnitFacts(aws.dynamoDb(), Env.require("SPENDING_TABLE"));
  }

  /** The working-day calendars in force: those staff saved, else the shipped files. */
  static WorkingDayCalendars calendars(AwsClients aws) {
    return ComplaintConfiguration.calendarsInForce(aws.dynamoDb(), Env.require("COMPLAINTS_TABLE"));
  }

  static ComplaintStatisticsReader complaintStatistics(AwsClients aws) {
    return ComplaintConfiguration.statistics(
        aws.dynamoDb(), Env.require("COMPLAINTS_TABLE"), Clock.systemUTC());
  }
}
