package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintYearStatistics;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.YearFigures;
import java.time.Clock;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A year's complaint figures counted from the complaints table (what the annual report quotes). */
public final class DynamoDbComplaintStatistics implements ComplaintStatisticsReader {
  private final ComplaintSearch search;
  private final Deadlines deadlines;
  private final Clock clock;

  /**
   * On the calendars in force (stored in {@code table}, else shipped; {@link
   * ComplaintConfiguration}) and the configured limits.
   */
  public DynamoDbComplaintStatistics(DynamoDbClient dynamoDb, String table, Clock clock) {
    this(dynamoDb, table, ComplaintConfiguration.deadlines(dynamoDb, table), clock);
  }

  private DynamoDbComplaintStatistics(
      DynamoDbClient dynamoDb, String table, Deadlines deadlines, Clock clock) {
    this(new DynamoDbComplaintSearch(dynamoDb, table, deadlines), deadlines, clock);
  }

  /**
   * @param deadlines the calendars and limits deadlines unknown when a step was taken count on
   */
  public DynamoDbComplaintStatistics(ComplaintSearch search, Deadlines deadlines, Clock clock) {
    this.search = search;
    this.deadlines = deadlines;
    this.clock = clock;
  }

  /**
   * The unit whose intake the cases filed through the system belong to: {@code INTAKE_UNIT} from
   * the environment, or the office that runs the intake (lyyshj).
   */
  static UnitId intakeUnit() {
    return Env.optional("INTAKE_UNIT").flatMap(UnitId::parse).orElse(new UnitId("lyyshj"));
  }

  @Override
  public ComplaintYearStatistics forUnit(UnitId unit, FiscalYear year) {
    boolean intake = unit.equals(intakeUnit());
    return YearFigures.count(
        year,
        search.filedIn(year.value()).stream()
            .filter(complaint -> complaint.origin().map(o -> o.unit().equals(unit)).orElse(intake))
            .toList(),
        clock.instant().atZone(Complaint.ZONE).toLocalDate(),
        deadlines);
  }

  @Override
  public ComplaintYearStatistics forYear(FiscalYear year) {
    return YearFigures.count(
        year,
        search.filedIn(year.value()),
        clock.instant().atZone(Complaint.ZONE).toLocalDate(),
        deadlines);
  }
}
