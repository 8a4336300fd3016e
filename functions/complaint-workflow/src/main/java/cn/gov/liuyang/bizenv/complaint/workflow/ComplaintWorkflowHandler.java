package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.complaint.application.ActOnComplaint;
import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintPage;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintStatistics;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.S3AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The officers' side (staff routes behind the JWT authorizer): search complaints, read one in full,
 * act on it, and count a year. Only the {@code complaint-officer} group may; the statistics are
 * also open to {@code evaluation}.
 */
public final class ComplaintWorkflowHandler extends HttpApiHandler {
  private static final String STATISTICS = "GET /staff/complaint-statistics/{year}";

  private final Complaints complaints;
  private final ComplaintSearch search;
  private final AttachmentStore attachments;
  private final ActOnComplaint actOnComplaint;
  private final ComplaintStatisticsReader statistics;
  private final Clock clock;

  /**
   * Used by Lambda: DynamoDB table from {@code COMPLAINTS_TABLE}, attachments bucket from {@code
   * ATTACHMENTS_BUCKET}.
   */
  public ComplaintWorkflowHandler() {
    this(
        AwsClients.fromEnvironment(),
        Env.require("COMPLAINTS_TABLE"),
        Env.require("ATTACHMENTS_BUCKET"));
  }

  private ComplaintWorkflowHandler(AwsClients aws, String table, String bucket) {
    this(aws.dynamoDb(), table, new S3AttachmentStore(aws.s3Presigner(), bucket));
  }

  private ComplaintWorkflowHandler(DynamoDbClient dynamoDb, String table, AttachmentStore store) {
    this(dynamoDb, table, store, ComplaintConfiguration.deadlines());
  }

  private ComplaintWorkflowHandler(
      DynamoDbClient dynamoDb, String table, AttachmentStore store, Deadlines deadlines) {
    this(
        new DynamoDbComplaints(dynamoDb, table, deadlines),
        new DynamoDbComplaintSearch(dynamoDb, table, deadlines),
        store,
        deadlines,
        Clock.systemUTC());
  }

  public ComplaintWorkflowHandler(
      Complaints complaints,
      ComplaintSearch search,
      AttachmentStore attachments,
      Deadlines deadlines,
      Clock clock) {
    this.complaints = complaints;
    this.search = search;
    this.attachments = attachments;
    this.actOnComplaint = new ActOnComplaint(complaints, deadlines, clock);
    this.statistics = new DynamoDbComplaintStatistics(search, deadlines, clock);
    this.clock = clock;
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    Officer officer = StaffRequests.officer(event);
    if (STATISTICS.equals(event.routeKey())) {
      // the evaluation staff read the figures for the self-evaluation report; they act on nothing
      StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER, StaffGroups.EVALUATION);
    } else {
      StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER);
    }
    return switch (event.routeKey()) {
      case "GET /staff/complaints" -> search(event);
      case "GET /staff/complaints/{trackingNumber}" -> show(event);
      case "POST /staff/complaints/{trackingNumber}/actions" -> act(event, officer);
      case STATISTICS -> statistics(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse search(HttpApiEvent event) {
    LocalDate today = today();
    ComplaintPage page;
    try {
      page = search.search(StaffRequests.query(event, today));
    } catch (ComplaintSearch.BadCursor e) {
      throw ApiProblem.badRequest("CURSOR_INVALID", "翻页标记无效，请从第一页重新查询");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "items",
        page.complaints().stream().map(c -> StaffComplaintView.Summary.of(c, today)).toList());
    page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
    return HttpApiResponse.json(200, body);
  }

  private HttpApiResponse show(HttpApiEvent event) {
    Complaint complaint =
        complaints.find(trackingNumber(event)).orElseThrow(ComplaintWorkflowHandler::notFound);
    return HttpApiResponse.json(200, StaffComplaintView.of(complaint, today(), attachments));
  }

  private HttpApiResponse act(HttpApiEvent event, Officer officer) {
    TrackingNumber number = trackingNumber(event);
    StaffRequests.Act request = StaffRequests.action(event);
    Complaint after =
        actOnComplaint.act(number, officer, request.action(), request.expectedVersion());
    System.out.printf("complaint %s: %s by %s%n", number, request.action().type(), officer.id());
    return HttpApiResponse.json(200, StaffComplaintView.of(after, today(), attachments));
  }

  private HttpApiResponse statistics(HttpApiEvent event) {
    FiscalYear year =
        event
            .pathParameter("year")
            .flatMap(FiscalYear::parse)
            .orElseThrow(() -> ApiProblem.badRequest("YEAR_INVALID", "年份应为 2000 到 2100 之间的四位数字"));
    return HttpApiResponse.json(200, StatisticsView.of(statistics.forYear(year)));
  }

  private static TrackingNumber trackingNumber(HttpApiEvent event) {
    return event
        .pathParameter("trackingNumber")
        .flatMap(TrackingNumber::parse)
        .orElseThrow(ComplaintWorkflowHandler::notFound);
  }

  private static ApiProblem notFound() {
    return ApiProblem.notFound("COMPLAINT_NOT_FOUND", "没有这个受理编号的投诉");
  }

  private LocalDate today() {
    return clock.instant().atZone(Complaint.ZONE).toLocalDate();
  }
}
