package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.workflow.CalendarRequestsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.audit.fakes.InMemoryPersonalDataReads;
import cn.gov.liuyang.bizenv.audit.model.PersonalDataRead;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.InMemoryCalendarVersions;
import cn.gov.liuyang.bizenv.complaint.application.ManageCalendars;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Officers' reads of a complainant's personal data are recorded before they are shown (who, when,
 * which case, which fields), fail closed, and only the supervisor group reads the record.
 */
class PersonalDataAuditTest {
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final InMemoryCalendarVersions calendars = new InMemoryCalendarVersions();
  private final ClasspathWorkingDayCalendars shipped = new ClasspathWorkingDayCalendars();
  private final CalendarsInForce inForce =
      new CalendarsInForce(calendars, shipped, Duration.ofMinutes(1), clock);
  private final Deadlines deadlines = new Deadlines(new WorkingDays(inForce), TimeLimits.DEFAULT);
  private final ListComplaintSearch cases = new ListComplaintSearch();
  private final InMemoryPersonalDataReads reads = new InMemoryPersonalDataReads();

  @Test
  void anOfficerOpeningACase_isRecordedAsHavingReadItsNameAndPhone() {
    // GIVEN a case filed with a name and phone
    TrackingNumber number = file(true);

    // WHEN officer 李明 opens it
    JsonNode response = invoke(show(number));

    // THEN they see the contact details, and the read is on record
    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(response).path("contactPhone").asText()).isEqualTo("13800138000");
    assertThat(reads.all())
        .containsExactly(
            new PersonalDataRead(
                number.display(),
                "officer-li",
                "李明",
                NOW,
                PersonalDataRead.Purpose.VIEW_CASE,
                java.util.List.of("contactName", "contactPhone")));
  }

  @Test
  void theCaseReturnedAfterAStep_isARead_too() {
    TrackingNumber number = file(true);
    ObjectNode accept = json("accept.json");
    ((ObjectNode) accept.path("pathParameters")).put("trackingNumber", number.value());

    JsonNode response = invoke(accept);

    assertThat(response.path("statusCode").asInt()).isEqualTo(200);
    assertThat(reads.all()).hasSize(1);
    assertThat(reads.all().get(0).purpose()).isEqualTo(PersonalDataRead.Purpose.ACT_ON_CASE);
  }

  @Test
  void anAnonymousCaseWithoutAttachments_showsNoPersonalData_andLeavesNoRecord() {
    TrackingNumber number = file(false);

    assertThat(invoke(show(number)).path("statusCode").asInt()).isEqualTo(200);

    assertThat(reads.all()).isEmpty();
  }

  @Test
  void anAnonymousCasesPhotos_areTheComplainantsToo_andTheirLinksAreARead() {
    // GIVEN an anonymous case with a photo attached
    TrackingNumber number = file(false);
    Complaint filed = cases.find(number).orElseThrow();
    Complaint withPhoto =
        filed.attach(new Attachment("photo-1", number, "image/jpeg", 1000, NOW.plusSeconds(60)));
    cases.update(filed, withPhoto);

    // WHEN an officer opens it
    JsonNode response = invoke(show(number));

    // THEN the photo's download link is shown, and its read recorded
    assertThat(body(response).path("attachments").path(0).path("downloadUrl").asText())
        .endsWith("photo-1");
    assertThat(reads.all())
        .singleElement()
        .satisfies(read -> assertThat(read.fields()).containsExactly("attachments"));
  }

  @Test
  void whenTheReadCannotBeRecorded_nothingPersonalIsShown() {
    // GIVEN a case with contact details, and an audit trail that cannot be written
    TrackingNumber number = file(true);
    reads.failing();

    // WHEN an officer opens it
    JsonNode response = invoke(show(number));

    // THEN a server error without the case, its name or its phone (fail closed)
    assertThat(response.path("statusCode").asInt()).isEqualTo(500);
    assertThat(response.path("body").asText())
        .doesNotContain("13800138000")
        .doesNotContain("张三")
        .contains("INTERNAL_ERROR");
  }

  @Test
  void aSupervisorReadsACasesTrail_newestFirst_andAnOfficerMayNot() {
    TrackingNumber number = file(true);
    invoke(show(number));
    ObjectNode trail = trail(number, "[supervisor]");

    JsonNode answer = invoke(trail);

    assertThat(answer.path("statusCode").asInt()).isEqualTo(200);
    JsonNode read = body(answer).path("reads").path(0);
    assertThat(body(answer).path("trackingNumber").asText()).isEqualTo(number.display());
    assertThat(read.path("readerId").asText()).isEqualTo("officer-li");
    assertThat(read.path("readerName").asText()).isEqualTo("李明");
    assertThat(read.path("at").asText()).isEqualTo(NOW.toString());
    assertThat(read.path("fields").toString()).isEqualTo("[\"contactName\",\"contactPhone\"]");

    JsonNode byOfficer = invoke(trail(number, "[complaint-officer]"));
    assertThat(byOfficer.path("statusCode").asInt()).isEqualTo(403);
    assertThat(body(byOfficer).path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
  }

  @Test
  void aPageOfTheTrail_isBounded() {
    TrackingNumber number = file(true);
    ObjectNode trail = trail(number, "[supervisor]");
    trail.putObject("queryStringParameters").put("limit", "101");

    JsonNode answer = invoke(trail);

    assertThat(answer.path("statusCode").asInt()).isEqualTo(400);
    assertThat(body(answer).path("code").asText()).isEqualTo("LIMIT_INVALID");
  }

  // ------------------------------------------------------------------ helpers

  private TrackingNumber file(boolean named) {
    Complaint complaint =
        Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.COMPLAINT,
            "住建局 施工许可",
            "描述",
            Enterprise.NONE,
            named
                ? Optional.of(
                    new Contact(
                        new PersonName("张三"), MobileNumber.parse("13800138000").orElseThrow()))
                : Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            NOW,
            deadlines);
    cases.add(complaint);
    return complaint.trackingNumber();
  }

  private static ObjectNode show(TrackingNumber number) {
    ObjectNode show = json("show.json");
    ((ObjectNode) show.path("pathParameters")).put("trackingNumber", number.value());
    return show;
  }

  private static ObjectNode trail(TrackingNumber number, String groups) {
    ObjectNode event = show(number);
    event.put("routeKey", "GET /staff/audit/complaints/{trackingNumber}");
    ((ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims"))
        .put("cognito:groups", groups)
        .put("sub", "supervisor-zhou");
    return event;
  }

  private JsonNode invoke(ObjectNode event) {
    ComplaintWorkflowHandler handler =
        new ComplaintWorkflowHandler(
            ComplaintWorkflowHandler.UseCases.over(
                cases,
                cases,
                new Links(),
                deadlines,
                new ManageCalendars(calendars, shipped, inForce, clock),
                reads,
                clock));
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      handler.handleRequest(
          new ByteArrayInputStream(Json.mapper().writeValueAsBytes(event)), out, null);
      return Json.mapper().readTree(out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode body(JsonNode response) {
    try {
      return Json.mapper().readTree(response.path("body").asText());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final class Links implements AttachmentStore {
    @Override
    public UploadLink linkFor(Attachment attachment) {
      throw new UnsupportedOperationException();
    }

    @Override
    public URI downloadLink(Attachment attachment) {
      return URI.create("https://example.invalid/" + attachment.id());
    }
  }
}
