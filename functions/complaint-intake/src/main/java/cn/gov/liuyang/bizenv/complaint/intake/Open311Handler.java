package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintQuery;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaint;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaintCommand;
import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.complaint.application.FindComplaintByToken;
import cn.gov.liuyang.bizenv.complaint.application.SearchComplaints;
import cn.gov.liuyang.bizenv.complaint.application.ShowComplaint;
import cn.gov.liuyang.bizenv.complaint.application.Submissions;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbSubmissions;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * An Open311 GeoReport v2 subset over the same complaints, in JSON, so existing civic apps can file
 * and follow cases: {@code services}, {@code requests} (POST; GET with a ≤ 90-day window and a
 * status filter), {@code requests/{id}}, {@code tokens/{id}}. This class routes and reads the
 * requests; {@link Open311Json} writes GeoReport's fields and its error shape {@code [{code,
 * description}]}.
 */
public final class Open311Handler extends HttpApiHandler {
  private static final Duration MAX_WINDOW = Duration.ofDays(90);

  private final FileComplaint fileComplaint;
  private final ShowComplaint showComplaint;
  private final SearchComplaints searchComplaints;
  private final FindComplaintByToken findByToken;
  private final Clock clock;

  /** What the routes call: one use case a route, built once per container. */
  public record UseCases(
      FileComplaint fileComplaint,
      ShowComplaint showComplaint,
      SearchComplaints searchComplaints,
      FindComplaintByToken findByToken,
      Clock clock) {

    /** The use cases over these ports. */
    public static UseCases over(
        Complaints complaints,
        Submissions submissions,
        ComplaintSearch search,
        Deadlines deadlines,
        Clock clock) {
      return new UseCases(
          new FileComplaint(complaints, submissions, clock, deadlines),
          new ShowComplaint(complaints, deadlines),
          new SearchComplaints(search, deadlines),
          new FindComplaintByToken(search),
          clock);
    }
  }

  /** Lambda's constructor: the real table, once per container. */
  public Open311Handler() {
    this(Wiring.fromEnvironment());
  }

  public Open311Handler(UseCases useCases) {
    this.fileComplaint = useCases.fileComplaint();
    this.showComplaint = useCases.showComplaint();
    this.searchComplaints = useCases.searchComplaints();
    this.findByToken = useCases.findByToken();
    this.clock = useCases.clock();
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    try {
      return switch (event.routeKey()) {
        case "GET /open311/v2/services.json" -> HttpApiResponse.json(200, Open311Json.services());
        case "GET /open311/v2/services/{serviceCode}" -> service(event);
        case "POST /open311/v2/requests.json" -> create(event);
        case "GET /open311/v2/requests.json" -> list(event);
        case "GET /open311/v2/requests/{id}" -> one(event);
        case "GET /open311/v2/tokens/{id}" -> token(event);
        default -> throw unknownRoute(event);
      };
    } catch (ApiProblem problem) {
      return Open311Json.error(problem);
    } catch (Refusal refusal) {
      return Open311Json.error(problem(refusal));
    }
  }

  @Override
  protected HttpApiResponse problemResponse(ApiProblem problem) {
    return Open311Json.error(problem);
  }

  // ------------------------------------------------------------------ services

  private HttpApiResponse service(HttpApiEvent event) {
    ComplaintKind kind =
        event
            .pathParameter("serviceCode")
            .map(Open311Handler::withoutJsonSuffix)
            .flatMap(Open311Json::kindOf)
            .orElseThrow(() -> ApiProblem.notFound("SERVICE_NOT_FOUND", "没有这个服务代码"));
    return HttpApiResponse.json(200, Open311Json.definition(kind));
  }

  // ------------------------------------------------------------------ requests

  private HttpApiResponse create(HttpApiEvent event) {
    JsonBody body = parameters(event);
    ComplaintKind kind =
        body.requiredValue(
            "service_code",
            "服务代码",
            20,
            Open311Json::kindOf,
            "SERVICE_CODE_UNKNOWN",
            "服务代码应为 " + Open311Json.codes());
    String description =
        body.requiredText("description", "问题描述", FileComplaintRequest.MAX_DESCRIPTION);
    Optional<String> subject = body.optionalText("attribute[subject]", "涉及的部门或事项", 200);
    Optional<String> first = body.optionalText("first_name", "名", 25);
    Optional<String> last = body.optionalText("last_name", "姓", 25);
    Optional<MobileNumber> phone =
        body.optionalValue(
            "phone",
            "手机号码",
            20,
            MobileNumber::parse,
            "PHONE_INVALID",
            "手机号码应为 11 位中国大陆手机号，如 13812345678");
    body.throwIfInvalid();
    // Chinese names are written family name first.
    String name = (last.orElse("") + first.orElse("")).strip();
    Optional<Contact> contact =
        phone.isPresent() && !name.isEmpty()
            ? Optional.of(new Contact(new PersonName(name), phone.get()))
            : Optional.empty();
    FiledComplaint filed =
        fileComplaint.file(
            new FileComplaintCommand(
                kind,
                subject.orElse(kind.label()),
                description,
                Enterprise.NONE,
                contact,
                event.header("idempotency-key").filter(k -> k.length() >= 8 && k.length() <= 128)));
    return HttpApiResponse.json(201, Open311Json.created(filed));
  }

  private HttpApiResponse list(HttpApiEvent event) {
    Instant end = PathParams.instantQuery(event, "end_date").orElse(clock.instant());
    Instant start = PathParams.instantQuery(event, "start_date").orElse(end.minus(MAX_WINDOW));
    if (start.isAfter(end) || Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
      throw ApiProblem.badRequest("WINDOW_TOO_LONG", "start_date 到 end_date 不能超过 90 天，且开始不能晚于结束");
    }
    Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
    Optional<String> status = event.queryParameter("status");
    if (status.isPresent()) {
      for (String part : status.get().split(",")) {
        statuses.addAll(
            Open311Json.statuses(part)
                .orElseThrow(
                    () -> ApiProblem.badRequest("STATUS_UNKNOWN", "status 应为 open 或 closed")));
      }
    }
    Optional<ComplaintKind> kind = Optional.empty();
    if (event.queryParameter("service_code").isPresent()) {
      kind = Open311Json.kindOf(event.queryParameter("service_code").get());
      if (kind.isEmpty()) {
        throw ApiProblem.badRequest("SERVICE_CODE_UNKNOWN", "没有这个服务代码");
      }
    }
    List<Complaint> found =
        searchComplaints
            .search(
                new ComplaintQuery(
                    statuses,
                    kind,
                    Optional.empty(),
                    start.atZone(Complaint.ZONE).toLocalDate(),
                    end.atZone(Complaint.ZONE).toLocalDate(),
                    Optional.empty(),
                    1000,
                    Optional.empty()))
            .complaints();
    return HttpApiResponse.json(
        200,
        found.stream()
            .filter(c -> !c.filedAt().isBefore(start) && !c.filedAt().isAfter(end))
            .map(Open311Json::request)
            .toList());
  }

  private HttpApiResponse one(HttpApiEvent event) {
    Complaint complaint =
        event
            .pathParameter("id")
            .map(Open311Handler::withoutJsonSuffix)
            .flatMap(TrackingNumber::parse)
            .flatMap(showComplaint::show)
            .orElseThrow(() -> ApiProblem.notFound("REQUEST_NOT_FOUND", "没有这个受理编号"));
    return HttpApiResponse.json(200, List.of(Open311Json.request(complaint)));
  }

  private HttpApiResponse token(HttpApiEvent event) {
    String token = event.pathParameter("id").map(Open311Handler::withoutJsonSuffix).orElse("");
    TrackingNumber number =
        findByToken
            .trackingNumberOf(token)
            .orElseThrow(() -> ApiProblem.notFound("TOKEN_NOT_FOUND", "没有这个 token"));
    return HttpApiResponse.json(200, Open311Json.token(number, token));
  }

  // ------------------------------------------------------------------ helpers

  private static String withoutJsonSuffix(String id) {
    return id.endsWith(".json") ? id.substring(0, id.length() - 5) : id;
  }

  /** GeoReport POSTs are form-encoded; JSON is accepted too. */
  private static JsonBody parameters(HttpApiEvent event) {
    String contentType = event.header("content-type").orElse("").toLowerCase(Locale.ROOT);
    if (contentType.startsWith("application/json")) {
      return JsonBody.parse(event, FileComplaintRequest.MAX_BODY_BYTES);
    }
    return JsonBody.parseForm(event, FileComplaintRequest.MAX_BODY_BYTES);
  }

  /** The function as deployed: DynamoDB table from {@code COMPLAINTS_TABLE}. */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      DynamoDbClient dynamoDb = AwsClients.fromEnvironment().dynamoDb();
      String table = Env.require("COMPLAINTS_TABLE");
      return UseCases.over(
          new DynamoDbComplaints(dynamoDb, table),
          new DynamoDbSubmissions(dynamoDb, table),
          new DynamoDbComplaintSearch(dynamoDb, table),
          ComplaintConfiguration.deadlines(dynamoDb, table),
          Clock.systemUTC());
    }
  }
}
