package cn.gov.liuyang.bizenv.complaint.workflow;

import static cn.gov.liuyang.bizenv.complaint.MalformedRequests.assertAnsweredWithoutServerError;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.complaint.MalformedRequests;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hundreds of generated bad requests to the officers' handler: every answer is a 2xx or 4xx. */
class MalformedRequestsIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final ComplaintWorkflowHandler handler =
      Env.withVariables(
          cloud.environmentFor("ComplaintWorkflowFunction"), ComplaintWorkflowHandler::new);

  @Property(tries = 400)
  void noRequestGetsA5xx(@ForAll("badRequests") String event) throws IOException {
    assertAnsweredWithoutServerError(handler, event);
  }

  @Provide
  Arbitrary<String> badRequests() throws IOException {
    return MalformedRequests.eventsLike(
        read("close.json"),
        List.of(
            "GET /staff/complaints",
            "GET /staff/complaints/{trackingNumber}",
            "POST /staff/complaints/{trackingNumber}/actions",
            "GET /staff/complaint-statistics/{year}",
            "GET /staff/calendars/{year}",
            "PUT /staff/calendars/{year}",
            "POST /staff/calendars/{year}/confirmation",
            "GET /staff/calendars/{year}/cases",
            "DELETE /staff/complaints"));
  }

  /** The supervisors' audit trail: forged cursors, limits and numbers are 4xx, never 5xx. */
  @Property(tries = 200)
  void noAuditTrailRequestGetsA5xx(@ForAll("auditTrailRequests") String event) throws IOException {
    assertAnsweredWithoutServerError(handler, event);
  }

  @Provide
  Arbitrary<String> auditTrailRequests() throws IOException {
    ObjectNode bySupervisor = read("close.json");
    ((ObjectNode) bySupervisor.at("/requestContext/authorizer/jwt/claims"))
        .put("cognito:groups", "[supervisor]");
    return MalformedRequests.eventsLike(
        bySupervisor, List.of("GET /staff/audit/complaints/{trackingNumber}"));
  }

  /**
   * Calendar bodies, mutated from the save event's, on a valid year path (2034, a year no other
   * test uses: a body that is still valid is saved).
   */
  @Property(tries = 200)
  void noCalendarBodyGetsA5xx(@ForAll("calendarBodies") String body) throws IOException {
    ObjectNode event = read("calendar-save.json");
    event.put("rawPath", "/staff/calendars/2034");
    ((ObjectNode) event.path("pathParameters")).put("year", "2034");
    if (body == null) {
      event.remove("body");
    } else {
      event.put("body", body.replace("2031-", "2034-"));
    }
    assertAnsweredWithoutServerError(handler, event.toString());
  }

  @Provide
  Arbitrary<String> calendarBodies() throws IOException {
    ObjectNode valid = MalformedRequests.bodyOf(read("calendar-save.json"));
    valid.putArray("weekendWorkingDays"); // 2034-04-27 is not a weekend day
    return MalformedRequests.body(valid);
  }

  private static ObjectNode read(String name) throws IOException {
    return MalformedRequests.recordedEvent(
        ProjectLayout.root().resolve("events/complaint-workflow"), name);
  }
}
