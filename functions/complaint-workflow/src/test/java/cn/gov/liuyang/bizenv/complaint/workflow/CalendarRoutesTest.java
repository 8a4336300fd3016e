package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.workflow.CalendarRequestsTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.audit.fakes.InMemoryPersonalDataReads;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.application.CalendarsInForce;
import cn.gov.liuyang.bizenv.complaint.application.CasesWaitingForCalendar;
import cn.gov.liuyang.bizenv.complaint.application.InMemoryCalendarVersions;
import cn.gov.liuyang.bizenv.complaint.application.ManageCalendars;
import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendarEntries;
import cn.gov.liuyang.bizenv.complaint.infrastructure.ClasspathWorkingDayCalendars;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The calendar routes of the officers' function, fed the {@code
 * events/complaint-workflow/calendar-*} files, on in-memory stores (the DynamoDB ones are exercised
 * on dynalite by {@code CalendarsThroughTheRoutesIT}).
 */
class CalendarRoutesTest {
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  private final InMemoryCalendarVersions store = new InMemoryCalendarVersions();
  private final ClasspathWorkingDayCalendars shipped = new ClasspathWorkingDayCalendars();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final CalendarsInForce inForce =
      new CalendarsInForce(store, shipped, Duration.ofMinutes(1), clock);
  private final Deadlines deadlines = new Deadlines(new WorkingDays(inForce), TimeLimits.DEFAULT);
  private final ListComplaintSearch cases = new ListComplaintSearch();
  private final ComplaintWorkflowHandler handler =
      new ComplaintWorkflowHandler(
          ComplaintWorkflowHandler.UseCases.over(
              cases,
              cases,
              new NoAttachments(),
              deadlines,
              new ManageCalendars(store, shipped, inForce, clock),
              new InMemoryPersonalDataReads(),
              clock));

  @Test
  void aYearNobodyEntered_is404_aSaveMakesVersion1_andReadingShowsIt() {
    JsonNode missing = invoke(json("calendar-read.json"));
    assertThat(missing.path("statusCode").asInt()).isEqualTo(404);
    assertThat(body(missing).path("code").asText()).isEqualTo("CALENDAR_NOT_FOUND");
    assertThat(body(missing).path("message").asText()).isEqualTo("2031 年的节假日安排尚未录入");

    JsonNode saved = invoke(json("calendar-save.json"));
    assertThat(saved.path("statusCode").asInt()).isEqualTo(201);
    JsonNode view = body(saved);
    assertThat(view.path("year").asInt()).isEqualTo(2031);
    assertThat(view.path("version").asInt()).isEqualTo(1);
    assertThat(view.path("origin").asText()).isEqualTo("STORED");
    assertThat(view.path("inForce").asBoolean()).isTrue();
    assertThat(view.path("confirmed").asBoolean()).isFalse();
    assertThat(view.path("unchanged").asBoolean()).isFalse();
    assertThat(view.path("savedBy").asText()).isEqualTo("李明");
    assertThat(view.path("savedAt").asText()).isEqualTo("2026-11-27T02:00:00Z");
    assertThat(view.has("confirmedBy")).isFalse();
    assertThat(view.path("daysOff").get(1).path("name").asText()).isEqualTo("劳动节");
    assertThat(view.path("daysOff").get(1).path("days").asInt()).isEqualTo(5);
    assertThat(view.path("weekendWorkingDays").get(0).asText()).isEqualTo("2031-04-27");
    assertThat(view.path("versions")).hasSize(1);
    assertThat(view.toString()).doesNotContain("officer-li");

    JsonNode read = body(invoke(json("calendar-read.json")));
    assertThat(read.path("version").asInt()).isEqualTo(1);
    assertThat(read.path("source").asText()).startsWith("测试用虚构安排");

    // the same save again (a retry) writes nothing
    JsonNode again = invoke(json("calendar-save.json"));
    assertThat(again.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(again).path("unchanged").asBoolean()).isTrue();
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aMakeUpDayOnATuesday_is400WithTheFieldError_andChangesNothing() {
    JsonNode before = invoke(json("calendar-save-makeup-on-tuesday.json"));
    assertThat(before.path("statusCode").asInt()).isEqualTo(400);
    JsonNode problem = body(before);
    assertThat(problem.path("code").asText()).isEqualTo("VALIDATION_FAILED");
    assertThat(problem.path("errors")).hasSize(1);
    assertThat(problem.path("errors").get(0).path("field").asText())
        .isEqualTo("weekendWorkingDays[1]");
    assertThat(problem.path("errors").get(0).path("code").asText()).isEqualTo("NOT_A_WEEKEND");
    assertThat(store.size()).isZero();
    assertThat(invoke(json("calendar-read.json")).path("statusCode").asInt()).isEqualTo(404);

    // with a version stored, a bad save leaves it as it was
    invoke(json("calendar-save.json"));
    ObjectNode bad = json("calendar-save-makeup-on-tuesday.json");
    bad.put("body", bad.path("body").asText().replace("\"version\": 0", "\"version\": 1"));
    assertThat(invoke(bad).path("statusCode").asInt()).isEqualTo(400);
    assertThat(store.size()).isEqualTo(1);
    assertThat(body(invoke(json("calendar-read.json"))).path("weekendWorkingDays"))
        .extracting(JsonNode::asText)
        .containsExactly("2031-04-27");
  }

  @Test
  void saveFromAnOlderVersion_is409_withTheCurrentVersion() {
    invoke(json("calendar-save.json"));
    ObjectNode changed = json("calendar-save.json");
    changed.put("body", changed.path("body").asText().replace("2031-05-05", "2031-05-04"));

    JsonNode conflict = invoke(changed); // still says "version": 0

    assertThat(conflict.path("statusCode").asInt()).isEqualTo(409);
    assertThat(body(conflict).path("code").asText()).isEqualTo("CALENDAR_VERSION_CONFLICT");
    assertThat(body(conflict).path("currentVersion").asInt()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void anotherOfficerConfirms_theAuthorCannot() {
    invoke(json("calendar-save.json"));

    ObjectNode byAuthor = json("calendar-confirm.json");
    claims(byAuthor).put("sub", "officer-li").put("name", "李明");
    JsonNode refused = invoke(byAuthor);
    assertThat(refused.path("statusCode").asInt()).isEqualTo(409);
    assertThat(body(refused).path("code").asText()).isEqualTo("CONFIRMER_IS_AUTHOR");

    JsonNode confirmed = invoke(json("calendar-confirm.json"));
    assertThat(confirmed.path("statusCode").asInt()).isEqualTo(200);
    assertThat(body(confirmed).path("confirmed").asBoolean()).isTrue();
    assertThat(body(confirmed).path("confirmedBy").asText()).isEqualTo("王芳");
    assertThat(body(confirmed).path("alreadyConfirmed").asBoolean()).isFalse();
    assertThat(body(invoke(json("calendar-confirm.json"))).path("alreadyConfirmed").asBoolean())
        .isTrue();
    assertThat(inForce.forYear(2031).orElseThrow().confirmed()).isTrue();
  }

  @Test
  void evaluationReadsTheCalendar_onlyOfficersChangeIt() {
    JsonNode shipped2026 = invoke(json("calendar-read-by-evaluation.json"));
    assertThat(shipped2026.path("statusCode").asInt()).isEqualTo(200);
    JsonNode view = body(shipped2026);
    assertThat(view.path("origin").asText()).isEqualTo("SHIPPED");
    assertThat(view.path("version").asInt()).isZero();
    assertThat(view.path("confirmed").asBoolean()).isFalse();
    assertThat(view.path("daysOff")).hasSize(7);
    assertThat(view.path("versions")).isEmpty();

    for (String name :
        List.of("calendar-save.json", "calendar-confirm.json", "calendar-cases.json")) {
      ObjectNode byEvaluation = json(name);
      claims(byEvaluation).put("cognito:groups", "[evaluation]");
      JsonNode refused = invoke(byEvaluation);
      assertThat(refused.path("statusCode").asInt()).as(name).isEqualTo(403);
      assertThat(body(refused).path("code").asText()).isEqualTo("FORBIDDEN_GROUP");
    }
    ObjectNode byFinance = json("calendar-read.json");
    claims(byFinance).put("cognito:groups", "[finance]");
    assertThat(invoke(byFinance).path("statusCode").asInt()).isEqualTo(403);
    assertThat(store.size()).isZero();
  }

  @Test
  void theCasesRoute_listsTheCasesWaitingForTheYear_andTheirDateOnceItIsSaved() {
    store.add(version(TestCalendarEntries.newYearOnly(2030)));
    Complaint waiting = file("2030-12-27T02:00:00Z");
    Complaint june = file("2030-06-03T02:00:00Z");
    assertThat(waiting.deadlineUnknown()).isPresent();
    assertThat(june.dueBy()).isPresent();

    JsonNode before = body(invoke(json("calendar-cases.json")));
    assertThat(before.path("calendar").asText()).isEqualTo("MISSING");
    assertThat(before.path("items")).hasSize(1);
    JsonNode item = before.path("items").get(0);
    assertThat(item.path("trackingNumber").asText()).isEqualTo(waiting.trackingNumber().display());
    assertThat(item.path("limit").asText()).isEqualTo("ACCEPT");
    assertThat(item.path("limitLabel").asText()).isEqualTo("受理");
    assertThat(item.path("countedFrom").asText()).isEqualTo("2030-12-27");
    assertThat(item.path("deadlineUnknownReason").asText()).isEqualTo("CALENDAR_MISSING");
    assertThat(item.path("deadlineUnknownMessage").asText()).isEqualTo("2031 年节假日安排尚未录入，期限待定");
    assertThat(item.has("dueBy")).isFalse();
    assertThat(item.toString()).doesNotContain("contact", "description");

    assertThat(invoke(json("calendar-save.json")).path("statusCode").asInt()).isEqualTo(201);

    JsonNode after = body(invoke(json("calendar-cases.json")));
    assertThat(after.path("calendar").asText()).isEqualTo("STORED");
    assertThat(after.path("items")).hasSize(1);
    assertThat(after.path("items").get(0).path("dueBy").asText()).isEqualTo("2031-01-02");
    assertThat(after.path("items").get(0).has("deadlineUnknownReason")).isFalse();
    // and the case itself shows the date, in this function at once
    ObjectNode show = json("show.json");
    ((ObjectNode) show.path("pathParameters"))
        .put("trackingNumber", waiting.trackingNumber().value());
    assertThat(body(invoke(show)).path("dueBy").asText()).isEqualTo("2031-01-02");
  }

  @Test
  void theCasesRoute_isPaged_andBounded() {
    store.add(version(TestCalendarEntries.newYearOnly(2030)));
    List<String> waiting = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      waiting.add(file("2030-12-27T0" + i + ":00:00Z").trackingNumber().display());
    }
    // many open cases of 2030 whose deadlines the 2031 calendar does not decide
    for (int i = 1; i <= 40; i++) {
      file(String.format("2030-06-%02dT02:00:00Z", 1 + i % 28));
    }

    ObjectNode first = json("calendar-cases.json");
    first.putObject("queryStringParameters").put("limit", "2");
    JsonNode page1 = body(invoke(first));
    assertThat(page1.path("items")).hasSize(2);
    String cursor = page1.path("nextCursor").asText();
    assertThat(cursor).isNotEmpty();

    first.putObject("queryStringParameters").put("limit", "2").put("cursor", cursor);
    cases.searches = 0;
    JsonNode page2 = body(invoke(first));
    // one case left to find among 40 that do not count: the page stops after a few searches
    assertThat(cases.searches).isLessThanOrEqualTo(CasesWaitingForCalendar.MAX_SEARCHES_PER_PAGE);
    assertThat(page2.path("examined").asInt()).isLessThanOrEqualTo(10);
    List<String> listed = new ArrayList<>();
    page1.path("items").forEach(i -> listed.add(i.path("trackingNumber").asText()));
    page2.path("items").forEach(i -> listed.add(i.path("trackingNumber").asText()));
    assertThat(listed).containsExactlyInAnyOrderElementsOf(waiting);

    ObjectNode bad = json("calendar-cases.json");
    bad.putObject("queryStringParameters").put("cursor", "nonsense");
    assertThat(body(invoke(bad)).path("code").asText()).isEqualTo("CURSOR_INVALID");
    bad.putObject("queryStringParameters").put("limit", "0");
    assertThat(body(invoke(bad)).path("code").asText()).isEqualTo("VALIDATION_FAILED");
  }

  // ------------------------------------------------------------------ helpers

  private Complaint file(String at) {
    Complaint complaint =
        Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.COMPLAINT,
            "住建局 施工许可",
            "描述",
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            Instant.parse(at),
            deadlines);
    cases.add(complaint);
    return complaint;
  }

  private static CalendarVersion version(CalendarEntry entry) {
    return new CalendarVersion(entry, 1, new Officer("officer-zhou", "周"), NOW, Optional.empty());
  }

  private static ObjectNode claims(ObjectNode event) {
    return (ObjectNode) event.path("requestContext").path("authorizer").path("jwt").path("claims");
  }

  private JsonNode invoke(ObjectNode event) {
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

  private static final class NoAttachments implements AttachmentStore {
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
