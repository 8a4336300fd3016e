package cn.gov.liuyang.bizenv.local.runner.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayResponseTest {

  private static GatewayResponse from(String functionOutput) {
    return GatewayResponse.fromFunctionOutput(functionOutput.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aResponseObject_givesItsStatusHeadersCookiesAndBody() {
    GatewayResponse response =
        from(
            "{\"statusCode\":201,\"headers\":{\"Content-Type\":\"application/json\"},"
                + "\"multiValueHeaders\":{\"x-a\":[\"1\",\"2\"]},"
                + "\"cookies\":[\"a=1\",\"b=2\"],\"body\":\"{\\\"ok\\\":true}\"}");

    assertThat(response.status()).isEqualTo(201);
    assertThat(response.headers())
        .containsEntry("content-type", List.of("application/json"))
        .containsEntry("x-a", List.of("1", "2"))
        .containsEntry("set-cookie", List.of("a=1", "b=2"));
    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo("{\"ok\":true}");
  }

  @Test
  void aBase64Body_isDecodedToItsBytes() {
    GatewayResponse response =
        from("{\"statusCode\":200,\"body\":\"iVBORw==\",\"isBase64Encoded\":true}");

    assertThat(response.body()).containsExactly(0x89, 'P', 'N', 'G');
  }

  @Test
  void jsonWithoutStatusCode_becomesA200JsonBody_asApiGatewayInfersIt() {
    GatewayResponse response = from("{\"trackingNumber\":\"T1\"}");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.headers()).containsEntry("content-type", List.of("application/json"));
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"trackingNumber\":\"T1\"}");
  }

  @Test
  void outputThatIsNotJson_isAnInternalServerError() {
    GatewayResponse response = from("not json");

    assertThat(response.status()).isEqualTo(500);
    assertThat(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo("{\"message\":\"Internal Server Error\"}");
  }
}
