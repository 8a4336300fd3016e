package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.aws.AwsClients;
import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.complaint.application.AddAttachment;
import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.application.FileComplaint;
import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.complaint.application.FindComplaintForComplainant;
import cn.gov.liuyang.bizenv.complaint.application.PublicComplaintView;
import cn.gov.liuyang.bizenv.complaint.application.RateComplaint;
import cn.gov.liuyang.bizenv.complaint.application.Submissions;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ComplaintConfiguration;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbComplaints;
import cn.gov.liuyang.bizenv.complaint.infrastructure.DynamoDbSubmissions;
import cn.gov.liuyang.bizenv.complaint.infrastructure.S3AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.DeadlineUnknown;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.HttpApiHandler;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import cn.gov.liuyang.bizenv.http.PathParams;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The public side of complaints: {@code POST /complaints} files one, {@code GET
 * /complaints/{trackingNumber}} with the {@code x-access-token} header shows its progress, {@code
 * POST /complaints/{trackingNumber}/feedback} rates a closed case.
 */
public final class ComplaintIntakeHandler extends HttpApiHandler {
  private final FileComplaint fileComplaint;
  private final FindComplaintForComplainant findComplaint;
  private final RateComplaint rateComplaint;
  private final AddAttachment addAttachment;

  /** What the routes call: one use case a route, built once per container. */
  public record UseCases(
      FileComplaint fileComplaint,
      FindComplaintForComplainant findComplaint,
      RateComplaint rateComplaint,
      AddAttachment addAttachment) {

    /** The use cases over these ports. */
    public static UseCases over(
        Complaints complaints,
        Submissions submissions,
        AttachmentStore uploads,
        Deadlines deadlines,
        Clock clock) {
      return new UseCases(
          new FileComplaint(complaints, submissions, clock, deadlines),
          new FindComplaintForComplainant(complaints, deadlines),
          new RateComplaint(complaints, deadlines, clock),
          new AddAttachment(complaints, deadlines, uploads, clock));
    }
  }

  /** Lambda's constructor: the real table and bucket, once per container. */
  public ComplaintIntakeHandler() {
    this(Wiring.fromEnvironment());
  }

  public ComplaintIntakeHandler(UseCases useCases) {
    this.fileComplaint = useCases.fileComplaint();
    this.findComplaint = useCases.findComplaint();
    this.rateComplaint = useCases.rateComplaint();
    this.addAttachment = useCases.addAttachment();
  }

  @Override
  protected HttpApiResponse handle(HttpApiEvent event) {
    return switch (event.routeKey()) {
      case "POST /complaints" -> FilingMetrics.counted(() -> file(event));
      case "GET /complaints/{trackingNumber}" -> status(event);
      case "POST /complaints/{trackingNumber}/feedback" -> feedback(event);
      case "POST /complaints/{trackingNumber}/attachments" -> attach(event);
      default -> throw unknownRoute(event);
    };
  }

  private HttpApiResponse file(HttpApiEvent event) {
    FiledComplaint filed = fileComplaint.file(FileComplaintRequest.read(event));
    Complaint complaint = filed.complaint();
    // No personal data here: number, kind and whether it is anonymous only.
    Log.info(
        filed.replayed() ? "complaint replayed" : "complaint filed",
        "trackingNumber",
        complaint.trackingNumber(),
        "kind",
        complaint.kind(),
        "anonymous",
        complaint.anonymous());
    FilingMetrics.filed(filed);
    String statusPath = "/complaints/" + complaint.trackingNumber().value();
    return HttpApiResponse.json(
        201,
        new Receipt(
            complaint.trackingNumber().display(),
            filed.accessToken().value(),
            complaint.status().name(),
            complaint.status().label(),
            complaint.filedAt(),
            complaint.dueBy().orElse(null),
            complaint.deadlineUnknown().map(DeadlineUnknown::reason).orElse(null),
            complaint.deadlineUnknown().map(DeadlineUnknown::publicMessage).orElse(null),
            statusPath,
            "已收到您的" + complaint.kind().label() + "。请记下受理编号和查询码，凭二者查询办理进度。"),
        Map.of("location", statusPath));
  }

  private HttpApiResponse status(HttpApiEvent event) {
    Complaint complaint =
        findComplaint.find(PathParams.trackingNumberText(event), event.header("x-access-token"));
    return HttpApiResponse.json(200, PublicComplaintView.of(complaint));
  }

  private HttpApiResponse feedback(HttpApiEvent event) {
    String number = PathParams.trackingNumberText(event);
    Optional<String> token = event.header("x-access-token");
    // The token is checked before the body, so a stranger learns nothing from validation errors.
    findComplaint.find(number, token);
    FeedbackRequest request = FeedbackRequest.read(event);
    Complaint rated =
        rateComplaint.rate(
            number,
            token,
            request.satisfiedWithResult(),
            request.satisfiedWithService(),
            request.comment());
    return HttpApiResponse.json(200, PublicComplaintView.of(rated));
  }

  private HttpApiResponse attach(HttpApiEvent event) {
    String number = PathParams.trackingNumberText(event);
    Optional<String> token = event.header("x-access-token");
    findComplaint.find(number, token);
    AttachmentRequest request = AttachmentRequest.read(event);
    AddAttachment.Added added =
        addAttachment.add(number, token, request.contentType(), request.size());
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("attachmentId", added.attachment().id());
    body.put("uploadUrl", added.link().url().toString());
    body.put("method", added.link().method());
    body.put("headers", added.link().headers());
    body.put("expiresAt", added.link().expiresAt());
    return HttpApiResponse.json(201, body);
  }

  /** The 201 body: the only time the access token is shown. */
  record Receipt(
      String trackingNumber,
      String accessToken,
      String status,
      String statusLabel,
      Instant filedAt,
      LocalDate dueBy,
      String deadlineUnknownReason,
      String deadlineUnknownMessage,
      String statusUrl,
      String message) {}

  /**
   * The function as deployed: DynamoDB table from {@code COMPLAINTS_TABLE}, attachments bucket from
   * {@code ATTACHMENTS_BUCKET}.
   */
  private static final class Wiring {
    private Wiring() {}

    static UseCases fromEnvironment() {
      AwsClients aws = AwsClients.fromEnvironment();
      DynamoDbClient dynamoDb = aws.dynamoDb();
      String table = Env.require("COMPLAINTS_TABLE");
      return UseCases.over(
          new DynamoDbComplaints(dynamoDb, table),
          new DynamoDbSubmissions(dynamoDb, table),
          new S3AttachmentStore(aws.s3Presigner(), Env.require("ATTACHMENTS_BUCKET")),
          ComplaintConfiguration.deadlines(dynamoDb, table),
          Clock.systemUTC());
    }
  }
}
