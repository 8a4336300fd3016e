package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunction;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The request that {@code bin/start} prints works as printed, against the real template.yaml. It
 * needs the function serving that route on the runner's classpath; without it the test is skipped
 * (reported as such), since only the merged build has it.
 */
class TryItExampleIT {

  @Test
  void thePrintedExampleRequest_isAccepted() throws Exception {
    try (LocalBackend backend =
        LocalBackend.start(LocalBackend.Options.inMemory(SamTemplate.load()))) {
      LocalFunction serving = backend.functions().require("ComplaintIntakeFunction");
      assumeTrue(serving.available(), "ComplaintIntakeFunction is not on the classpath");

      HttpResponse<String> response =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(backend.baseUrl().resolve(TryItExample.PATH))
                      .header("content-type", "application/json")
                      .method(
                          TryItExample.METHOD,
                          HttpRequest.BodyPublishers.ofString(TryItExample.BODY))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());

      assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }
  }
}
