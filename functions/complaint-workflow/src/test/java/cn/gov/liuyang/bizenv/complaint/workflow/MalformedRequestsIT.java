package cn.gov.liuyang.bizenv.complaint.workflow;

import cn.gov.liuyang.bizenv.common.Env;
import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.complaint.MalformedRequests;
import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
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
    MalformedRequests.assertAnsweredWithoutServerError(handler, event);
  }

  @Provide
  Arbitrary<String> badRequests() throws IOException {
    ObjectNode template = read("close.json");
    ObjectNode valid = (ObjectNode) Json.mapper().readTree(template.path("body").asText());
    return MalformedRequests.events(
        template,
        List.of(
            "GET /staff/complaints",
            "GET /staff/complaints/{trackingNumber}",
            "POST /staff/complaints/{trackingNumber}/actions",
            "GET /staff/complaint-statistics/{year}",
            "DELETE /staff/complaints"),
        valid);
  }

  private static ObjectNode read(String name) throws IOException {
    return (ObjectNode)
        Json.mapper()
            .readTree(
                Files.readAllBytes(
                    ProjectLayout.root().resolve("events/complaint-workflow").resolve(name)));
  }
}
