package cn.gov.liuyang.bizenv.complaint.intake;

import static cn.gov.liuyang.bizenv.complaint.MalformedRequests.assertAnsweredWithoutServerError;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.MalformedRequests;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hundreds of generated bad requests to the public handlers: every answer is a 2xx or 4xx. */
class MalformedRequestsIT {
  private static final LocalCloud cloud = LocalCloud.shared();
  private static final ComplaintIntakeHandler handler =
      Env.withVariables(
          cloud.environmentFor("ComplaintIntakeFunction"), ComplaintIntakeHandler::new);

  private static final String OPEN311_KEY = "o311-fuzz-" + UUID.randomUUID();
  private static final Open311Handler open311 =
      Env.withVariables(open311Environment(), Open311Handler::new);

  /** A partner the fuzzed requests are sent as, so they reach past the key check. */
  private static Map<String, String> open311Environment() {
    Map<String, String> environment = new HashMap<>(cloud.environmentFor("Open311Function"));
    environment.put("OPEN311_PARTNER_KEYS", "fuzz:" + Open311Partners.hashOf(OPEN311_KEY));
    return environment;
  }

  @Property(tries = 400)
  void noRequestGetsA5xx(@ForAll("badRequests") String event) throws IOException {
    assertAnsweredWithoutServerError(handler, event);
  }

  @Property(tries = 200)
  void noOpen311RequestGetsA5xx(@ForAll("badOpen311Requests") String event) throws IOException {
    assertAnsweredWithoutServerError(open311, event);
  }

  @Provide
  Arbitrary<String> badOpen311Requests() throws IOException {
    ObjectNode valid =
        Json.mapper()
            .createObjectNode()
            .put("service_code", "complaint")
            .put("description", "窗口不受理")
            .put("phone", "13812345678")
            .put("last_name", "张")
            .put("attribute[consent]", "true");
    ObjectNode keyed = read("file-complaint.json");
    ((ObjectNode) keyed.path("headers")).put("x-api-key", OPEN311_KEY);
    return MalformedRequests.events(
        keyed,
        List.of(
            "GET /open311/v2/services.json",
            "GET /open311/v2/services/{serviceCode}",
            "POST /open311/v2/requests.json",
            "GET /open311/v2/requests.json",
            "GET /open311/v2/requests/{id}",
            "GET /open311/v2/tokens/{id}"),
        valid);
  }

  @Provide
  Arbitrary<String> badRequests() throws IOException {
    return MalformedRequests.eventsLike(
        read("file-complaint.json"),
        List.of(
            "POST /complaints",
            "GET /complaints/{trackingNumber}",
            "POST /complaints/{trackingNumber}/feedback",
            "POST /complaints/{trackingNumber}/attachments",
            "DELETE /complaints"));
  }

  private static ObjectNode read(String name) throws IOException {
    return MalformedRequests.recordedEvent(
        ProjectLayout.root().resolve("events/complaint-intake"), name);
  }
}
