package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.application.ComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaint;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaintCommand;
import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.complaint.application.Open311Requests;
import cn.gov.liuyang.bizenv.complaint.application.Open311Tokens;
import cn.gov.liuyang.bizenv.complaint.application.SearchComplaints;
import cn.gov.liuyang.bizenv.complaint.application.ShowComplaint;
import cn.gov.liuyang.bizenv.complaint.application.Submissions;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaintSearch;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbOpen311Tokens;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbSubmissions;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.JsonBody;
import cn.gov.liuyang.bizenv.http.PathParams;
import com.fasterxml.jackson.databind.JsonNode;
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
 * An Open311 GeoReport v2 subset over the same complaints, in JSON, so partners' civic apps can
 * file and follow cases: {@code services} (open to all), {@code requests} (POST; GET with a ≤
 * 90-day window and a status filter), {@code requests/{id}}, {@code tokens/{id}} (each with a
 * partner's API key, {@link Open311Partners}). A POST needs the complainant's consent ({@code
 * attribute[consent]=true}), as the mobile form does. What reads show, and what they never confirm,
 * is {@link Open311Requests}' to decide. This class routes and reads the requests; {@link
 * Open311Json} writes GeoReport's fields and its error shape {@code [{code, description}]}.
 */
public final class Open311Handler extends HttpApiHandler {
  private static final Duration MAX_WINDOW = Duration.ofDays(90);

  private final Open311Requests requests;
  private final Open311Partners partners;
  private final Clock clock;

  /** What the routes call, and who may call them; built once per container. */
  public record UseCases(Open311Requests requests, String partnerKeys, Clock clock) {

    /**
     * The use cases over these ports.
     *
     * @param partnerKeys the partners' key hashes, {@code name:sha256hex,…} ({@link
     *     Open311Partners})
     */
    public static UseCases over(
        Complaints complaints,
        Submissions submissions,
        ComplaintSearch search,
        Open311Tokens tokens,
        Deadlines deadlines,
        String partnerKeys,
        Clock clock) {
      return new UseCases(
          new Open311Requests(
              new FileComplaint(complaints, submissions, clock, deadlines),
              new ShowComplaint(complaints, deadlines),
              new SearchComplaints(search, deadlines),
              tokens,
              clock),
          partnerKeys,
          clock);
    }
  }

  /** Lambda's constructor: the real table, once per container. */
  public Open311Handler() {
    this(Wiring.fromEnvironment());
  }

  public Open311Handler(UseCases useCases) {
    this.requests = useCases.requests();
    this.partners = Open311Partners.parse(useCases.partnerKeys());
    this.clock = useCases.clock();
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    try {
      return switch (event.routeKey()) {
        case "GET /open311/v2/services.json" -> HttpApiResponse.json(200, Open311Json.services());
        case "GET /open311/v2/services/{serviceCode}" -> service(event);
        case "POST /open311/v2/requests.json" -> FilingMetrics.counted(() -> create(event));
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
    String partner =
        partners.require(
            event,
            Optional.ofNullable(body.raw("api_key"))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText));
    FileComplaintCommand command =
        Open311Json.command(body, FileComplaintRequest.idempotencyKey(event));
    FiledComplaint filed = requests.file(command);
    Complaint complaint = filed.complaint();
    // No personal data and no token here: number, partner, kind and whether it is anonymous only.
    Log.info(
        filed.replayed() ? "complaint replayed" : "complaint filed",
        "trackingNumber",
        complaint.trackingNumber(),
        "channel",
        "open311",
        "partner",
        partner,
        "kind",
        complaint.kind(),
        "anonymous",
        complaint.anonymous());
    FilingMetrics.filed(filed);
    return HttpApiResponse.json(201, Open311Json.created(filed));
  }

  private HttpApiResponse list(HttpApiEvent event) {
    partners.require(event, Optional.empty());
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
    return HttpApiResponse.json(
        200, requests.list(start, end, statuses, kind).stream().map(Open311Json::request).toList());
  }

  /** An unknown, malformed or hidden number: one and the same 404. */
  private HttpApiResponse one(HttpApiEvent event) {
    partners.require(event, Optional.empty());
    Complaint complaint =
        event
            .pathParameter("id")
            .map(Open311Handler::withoutJsonSuffix)
            .flatMap(requests::one)
            .orElseThrow(Open311Json::requestNotFound);
    return HttpApiResponse.json(200, List.of(Open311Json.request(complaint)));
  }

  /** An unknown, expired or malformed token, or one of a hidden case: one and the same 404. */
  private HttpApiResponse token(HttpApiEvent event) {
    partners.require(event, Optional.empty());
    String token = event.pathParameter("id").map(Open311Handler::withoutJsonSuffix).orElse("");
    TrackingNumber number = requests.numberOfToken(token).orElseThrow(Open311Json::requestNotFound);
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

  /**
   * The function as deployed: DynamoDB table from {@code COMPLAINTS_TABLE}, the partners' key
   * hashes from {@code OPEN311_PARTNER_KEYS}.
   */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      DynamoDbClient dynamoDb = AwsClients.fromEnvironment().dynamoDb();
      String table = Env.require("COMPLAINTS_TABLE");
      return UseCases.over(
          new DynamoDbComplaints(dynamoDb, table),
          new DynamoDbSubmissions(dynamoDb, table),
          new DynamoDbComplaintSearch(dynamoDb, table),
          new DynamoDbOpen311Tokens(dynamoDb, table),
          ComplaintConfiguration.deadlines(dynamoDb, table),
          Env.optional(Open311Partners.VARIABLE).orElse(""),
          Clock.systemUTC());
    }
  }
}
