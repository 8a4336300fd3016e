package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.audit.application.ReadAuditTrail;
import cn.gov.liuyang.bizenv.audit.infrastructure.DynamoDbPersonalDataReads;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataReads;
import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.complaint.application.ActOnComplaint;
import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.CasesWaitingForCalendar;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintPage;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.application.CountComplaintYear;
import cn.gov.liuyang.bizenv.complaint.application.ManageCalendars;
import cn.gov.liuyang.bizenv.complaint.application.PersonalDataAudit;
import cn.gov.liuyang.bizenv.complaint.application.SearchComplaints;
import cn.gov.liuyang.bizenv.complaint.application.ShowCaseToOfficer;
import cn.gov.liuyang.bizenv.complaint.application.ShowComplaint;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbCalendarVersions;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.S3AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatisticsReader;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.FieldError;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.PagingTokens;
import cn.gov.liuyang.bizenv.http.PathParams;
import cn.gov.liuyang.bizenv.http.StaffGroups;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The officers' side (staff routes behind the JWT authorizer): search complaints, read one in full,
 * act on it, count a year, and keep the working-day calendars (read, save a version, confirm it,
 * list the cases a year's calendar decides). Only the {@code complaint-officer} group may; the
 * statistics and reading a calendar are also open to {@code evaluation}. Every time a case's
 * personal data is shown to an officer the read is recorded first; the {@code supervisor} group
 * (and only it) reads that audit trail, case by case.
 */
public final class ComplaintWorkflowHandler extends HttpApiHandler {
  private static final String STATISTICS = "GET /staff/complaint-statistics/{year}";
  static final String READ_CALENDAR = "GET /staff/calendars/{year}";
  static final String SAVE_CALENDAR = "PUT /staff/calendars/{year}";
  static final String CONFIRM_CALENDAR = "POST /staff/calendars/{year}/confirmation";
  static final String CALENDAR_CASES = "GET /staff/calendars/{year}/cases";
  static final String AUDIT_TRAIL = "GET /staff/audit/complaints/{trackingNumber}";
  private static final Pattern LIMIT = Pattern.compile("[0-9]{1,3}");

  private final ShowCaseToOfficer showComplaint;
  private final SearchComplaints searchComplaints;
  private final AttachmentStore attachments;
  private final ActOnComplaint actOnComplaint;
  private final ComplaintStatisticsReader statistics;
  private final ManageCalendars calendars;
  private final CasesWaitingForCalendar casesWaiting;
  private final ReadAuditTrail auditTrail;
  private final Clock clock;

  /**
   * What the routes call: one use case a route (and the attachment store the views sign links
   * with), built once per container.
   */
  public record UseCases(
      ShowCaseToOfficer showComplaint,
      SearchComplaints searchComplaints,
      ActOnComplaint actOnComplaint,
      ComplaintStatisticsReader statistics,
      ManageCalendars calendars,
      CasesWaitingForCalendar casesWaiting,
      ReadAuditTrail auditTrail,
      AttachmentStore attachments,
      Clock clock) {

    /**
     * The use cases over these ports.
     *
     * @param deadlines counted on the same calendars {@code calendars} keeps, so that a saved
     *     calendar is in force here at once
     * @param reads the audit trail of officers' reads of personal data
     */
    public static UseCases over(
        Complaints complaints,
        ComplaintSearch search,
        AttachmentStore attachments,
        Deadlines deadlines,
        ManageCalendars calendars,
        PersonalDataReads reads,
        Clock clock) {
      PersonalDataAudit audit = new PersonalDataAudit(reads, clock);
      return new UseCases(
          new ShowCaseToOfficer(new ShowComplaint(complaints, deadlines), audit),
          new SearchComplaints(search, deadlines),
          new ActOnComplaint(complaints, deadlines, clock, audit),
          new CountComplaintYear(search, deadlines, clock, ComplaintConfiguration.intakeUnit()),
          calendars,
          new CasesWaitingForCalendar(search, deadlines),
          new ReadAuditTrail(reads),
          attachments,
          clock);
    }
  }

  /** Lambda's constructor: the real table and bucket, once per container. */
  public ComplaintWorkflowHandler() {
    this(Wiring.fromEnvironment());
  }

  /** Seals the cursors it hands out, with the key from {@code PAGING_TOKEN_KEY}. */
  private final PagingTokens pagingTokens;

  public ComplaintWorkflowHandler(UseCases useCases) {
    this.showComplaint = useCases.showComplaint();
    this.searchComplaints = useCases.searchComplaints();
    this.attachments = useCases.attachments();
    this.actOnComplaint = useCases.actOnComplaint();
    this.statistics = useCases.statistics();
    this.calendars = useCases.calendars();
    this.casesWaiting = useCases.casesWaiting();
    this.auditTrail = useCases.auditTrail();
    this.clock = useCases.clock();
    this.pagingTokens = PagingTokens.fromEnvironment();
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    Officer officer = StaffRequests.officer(event);
    if (STATISTICS.equals(event.routeKey()) || READ_CALENDAR.equals(event.routeKey())) {
      // the evaluation staff read the figures for the self-evaluation report, and the calendar
      // its on-time rate is counted on; they act on nothing
      StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER, StaffGroups.EVALUATION);
    } else if (AUDIT_TRAIL.equals(event.routeKey())) {
      // who read a complainant's personal data is for supervisors only, not for the officers
      StaffGroups.require(event, StaffGroups.SUPERVISOR);
    } else {
      StaffGroups.require(event, StaffGroups.COMPLAINT_OFFICER);
    }
    return switch (event.routeKey()) {
      case "GET /staff/complaints" -> search(event);
      case "GET /staff/complaints/{trackingNumber}" -> show(event, officer);
      case "POST /staff/complaints/{trackingNumber}/actions" -> act(event, officer);
      case STATISTICS -> statistics(event);
      case READ_CALENDAR -> readCalendar(event);
      case SAVE_CALENDAR -> saveCalendar(event, officer);
      case CONFIRM_CALENDAR -> confirmCalendar(event, officer);
      case CALENDAR_CASES -> calendarCases(event);
      case AUDIT_TRAIL -> auditTrail(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse search(HttpApiEvent event) {
    LocalDate today = today();
    ComplaintPage page;
    try {
      page = searchComplaints.search(StaffRequests.query(event, today, pagingTokens));
    } catch (ComplaintSearch.BadCursor e) {
      throw PagingTokens.invalid();
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put(
        "items",
        page.complaints().stream().map(c -> StaffComplaintView.Summary.of(c, today)).toList());
    page.nextCursor()
        .ifPresent(cursor -> body.put("nextCursor", pagingTokens.seal(event.routeKey(), cursor)));
    return HttpApiResponse.json(200, body);
  }

  private HttpApiResponse show(HttpApiEvent event, Officer officer) {
    Complaint complaint =
        showComplaint
            .show(trackingNumber(event), officer)
            .orElseThrow(ComplaintWorkflowHandler::notFound);
    return HttpApiResponse.json(200, StaffComplaintView.of(complaint, today(), attachments));
  }

  private HttpApiResponse act(HttpApiEvent event, Officer officer) {
    TrackingNumber number = trackingNumber(event);
    StaffRequests.Act request = StaffRequests.action(event);
    Complaint after =
        actOnComplaint.act(number, officer, request.action(), request.expectedVersion());
    Log.info(
        "complaint action",
        "trackingNumber",
        number,
        "action",
        request.action().type(),
        "officer",
        officer.id());
    return HttpApiResponse.json(200, StaffComplaintView.of(after, today(), attachments));
  }

  private HttpApiResponse statistics(HttpApiEvent event) {
    FiscalYear year = PathParams.year(event);
    return HttpApiResponse.json(200, StatisticsView.of(statistics.forYear(year)));
  }

  private HttpApiResponse readCalendar(HttpApiEvent event) {
    int year = CalendarRequests.year(event);
    return HttpApiResponse.json(
        200, CalendarView.of(calendars.show(year, CalendarRequests.version(event))));
  }

  private HttpApiResponse saveCalendar(HttpApiEvent event, Officer officer) {
    int year = CalendarRequests.year(event);
    CalendarRequests.Save request = CalendarRequests.save(event, year);
    ManageCalendars.Result result =
        calendars.save(request.entry(), officer, request.expectedVersion());
    Map<String, Object> body = CalendarView.of(result.shown());
    body.put("unchanged", !result.changed());
    return HttpApiResponse.json(result.changed() ? 201 : 200, body);
  }

  private HttpApiResponse confirmCalendar(HttpApiEvent event, Officer officer) {
    int year = CalendarRequests.year(event);
    int version = CalendarRequests.confirmation(event);
    ManageCalendars.Result result = calendars.confirm(year, version, officer);
    Map<String, Object> body = CalendarView.of(result.shown());
    body.put("alreadyConfirmed", !result.changed());
    return HttpApiResponse.json(200, body);
  }

  /** {@code ?limit=50&cursor=…}: a bounded page of the cases the year's calendar decides. */
  private HttpApiResponse calendarCases(HttpApiEvent event) {
    int year = CalendarRequests.year(event);
    int limit = 50;
    Optional<String> text = event.queryParameter("limit");
    if (text.isPresent()) {
      if (!LIMIT.matcher(text.get()).matches()
          || Integer.parseInt(text.get()) < 1
          || Integer.parseInt(text.get()) > 100) {
        throw ApiProblem.validation(
            List.of(new FieldError("limit", "TYPE_MISMATCH", "每页条数应为 1 到 100 的整数")));
      }
      limit = Integer.parseInt(text.get());
    }
    Optional<String> cursor = pagingTokens.openQuery(event, event.routeKey());
    CasesWaitingForCalendar.Page page;
    try {
      page = casesWaiting.find(year, limit, cursor);
    } catch (ComplaintSearch.BadCursor e) {
      throw PagingTokens.invalid();
    }
    LocalDate today = today();
    return HttpApiResponse.json(
        200,
        CalendarView.cases(
            year,
            calendars.origin(year),
            page.complaints().stream().map(c -> CalendarView.WaitingCase.of(c, today)).toList(),
            page.examined(),
            page.nextCursor().map(next -> pagingTokens.seal(event.routeKey(), next))));
  }

  /** {@code ?limit=50&cursor=…}: a case's recorded reads of personal data, newest first. */
  private HttpApiResponse auditTrail(HttpApiEvent event) {
    TrackingNumber number = trackingNumber(event);
    int limit = 50;
    Optional<String> text = event.queryParameter("limit");
    if (text.isPresent()) {
      if (!LIMIT.matcher(text.get()).matches()) {
        throw ApiProblem.validation(
            List.of(
                new FieldError(
                    "limit", "TYPE_MISMATCH", "每页条数应为 1 到 " + ReadAuditTrail.MAX_PAGE + " 的整数")));
      }
      limit = Integer.parseInt(text.get());
    }
    PersonalDataReads.Page page = auditTrail.ofCase(number, limit, event.queryParameter("cursor"));
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("trackingNumber", number.display());
    body.put(
        "reads",
        page.reads().stream()
            .map(
                read -> {
                  Map<String, Object> item = new LinkedHashMap<>();
                  item.put("at", read.at().toString());
                  item.put("readerId", read.readerId());
                  item.put("readerName", read.readerName());
                  item.put("purpose", read.purpose().name());
                  item.put("fields", read.fields());
                  return item;
                })
            .toList());
    page.nextCursor().ifPresent(cursor -> body.put("nextCursor", cursor));
    return HttpApiResponse.json(200, body);
  }

  private static TrackingNumber trackingNumber(HttpApiEvent event) {
    return PathParams.trackingNumber(event);
  }

  private static ApiProblem notFound() {
    return ApiProblem.notFound("COMPLAINT_NOT_FOUND", "没有这个受理编号的投诉");
  }

  private LocalDate today() {
    return clock.instant().atZone(Complaint.ZONE).toLocalDate();
  }

  /**
   * The function as deployed: DynamoDB table from {@code COMPLAINTS_TABLE}, the audit trail's from
   * {@code AUDIT_TABLE}, attachments bucket from {@code ATTACHMENTS_BUCKET}, deadlines counted on
   * the calendars this container keeps in force.
   */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      AwsClients aws = AwsClients.fromEnvironment();
      DynamoDbClient dynamoDb = aws.dynamoDb();
      String table = Env.require("COMPLAINTS_TABLE");
      Clock clock = Clock.systemUTC();
      CalendarsInForce inForce = ComplaintConfiguration.calendarsInForce(dynamoDb, table);
      ManageCalendars calendars =
          new ManageCalendars(
              new DynamoDbCalendarVersions(dynamoDb, table),
              new ClasspathWorkingDayCalendars(),
              inForce,
              clock);
      return UseCases.over(
          new DynamoDbComplaints(dynamoDb, table),
          new DynamoDbComplaintSearch(dynamoDb, table),
          new S3AttachmentStore(aws.s3Presigner(), Env.require("ATTACHMENTS_BUCKET")),
          ComplaintConfiguration.deadlines(inForce),
          calendars,
          new DynamoDbPersonalDataReads(dynamoDb, Env.require("AUDIT_TABLE")),
          clock);
    }
  }
}
