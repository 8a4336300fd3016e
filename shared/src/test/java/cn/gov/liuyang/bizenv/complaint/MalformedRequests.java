package cn.gov.liuyang.bizenv.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Json;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators of bad requests for the handlers: a real event whose route, path, query, headers and
 * body are mutated field by field, or replaced by junk. Shared by the functions' fuzz tests.
 */
public final class MalformedRequests {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private MalformedRequests() {}

  /** Text people and programs get wrong: empty, blank, control characters, emoji, huge, tricky. */
  public static Arbitrary<String> nastyText() {
    return Arbitraries.oneOf(
        Arbitraries.strings().all().ofMaxLength(40),
        Arbitraries.of(
            "",
            " ",
            "\u0000",
            "\t\n",
            "null",
            "true",
            "-1",
            "1e309",
            "😀😀",
            "'; DROP TABLE complaints; --",
            "../../etc/passwd",
            "%00",
            "K7M-Q4X-T9H",
            "13812345678",
            "91430181MA4PQ8RN0R",
            "COMPLAINT",
            "投诉"),
        Arbitraries.strings().withChars("很a1-").ofMinLength(4000).ofMaxLength(4100));
  }

  /** Any JSON value, nested a little. */
  public static Arbitrary<JsonNode> anyJson() {
    Arbitrary<JsonNode> scalar =
        Arbitraries.oneOf(
            nastyText().map(NODES::textNode),
            Arbitraries.integers().map(NODES::numberNode),
            Arbitraries.doubles().map(NODES::numberNode),
            Arbitraries.of(true, false).map(NODES::booleanNode),
            Arbitraries.just(NODES.nullNode()));
    Arbitrary<JsonNode> array =
        scalar.list().ofMaxSize(3).map(items -> NODES.arrayNode().addAll(items));
    Arbitrary<JsonNode> object =
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), scalar)
            .ofMaxSize(3)
            .map(
                (Map<String, JsonNode> fields) -> {
                  ObjectNode node = NODES.objectNode();
                  fields.forEach(node::set);
                  return node;
                });
    return Arbitraries.frequencyOf(Tuple.of(6, scalar), Tuple.of(1, array), Tuple.of(1, object));
  }

  /** The valid body with every field kept, dropped or replaced, and sometimes an extra field. */
  public static Arbitrary<String> mutatedBody(ObjectNode valid) {
    List<String> fields = iterable(valid.fieldNames());
    return Arbitraries.integers()
        .between(0, 2)
        .list()
        .ofSize(fields.size())
        .flatMap(
            choices ->
                anyJson()
                    .list()
                    .ofSize(fields.size() + 1)
                    .map(
                        values -> {
                          ObjectNode body = valid.deepCopy();
                          for (int i = 0; i < fields.size(); i++) {
                            switch (choices.get(i)) {
                              case 1 -> body.remove(fields.get(i));
                              case 2 -> body.set(fields.get(i), values.get(i));
                              default -> {
                                // keep the valid value
                              }
                            }
                          }
                          body.set("extra", values.get(fields.size()));
                          return body.toString();
                        }));
  }

  /** A body: mostly a mutated valid one; otherwise junk, JSON of the wrong shape, none, or huge. */
  public static Arbitrary<String> body(ObjectNode valid) {
    return Arbitraries.frequencyOf(
        Tuple.of(6, mutatedBody(valid)),
        Tuple.of(1, nastyText()),
        Tuple.of(1, anyJson().map(JsonNode::toString)),
        Tuple.of(1, Arbitraries.<String>just(null)),
        Tuple.of(1, Arbitraries.strings().ofLength(70_000).map(s -> "{\"a\":\"" + s + "\"}")));
  }

  /**
   * {@code template} (a real event) with the given route keys, mutated path parameters, query,
   * headers and body, and now and then an event that is not an event at all.
   */
  public static Arbitrary<String> events(
      ObjectNode template, List<String> routeKeys, ObjectNode validBody) {
    Arbitrary<ObjectNode> mutated =
        Combinators.combine(
                Arbitraries.of(routeKeys),
                nastyText().injectNull(0.2),
                body(validBody),
                Arbitraries.of(true, false),
                nastyText().injectNull(0.3),
                Arbitraries.maps(
                        Arbitraries.of(
                            "status",
                            "kind",
                            "from",
                            "to",
                            "limit",
                            "overdue",
                            "cursor",
                            "department",
                            "start_date",
                            "end_date",
                            "service_code"),
                        nastyText())
                    .ofMaxSize(4),
                nastyText().injectNull(0.5))
            .as(
                (route, pathValue, body, base64, token, query, idempotencyKey) -> {
                  ObjectNode event = template.deepCopy();
                  event.put("routeKey", route);
                  ObjectNode path = NODES.objectNode();
                  if (pathValue != null) {
                    path.put("trackingNumber", pathValue)
                        .put("year", pathValue)
                        .put("id", pathValue);
                  }
                  event.set("pathParameters", path);
                  event.set("queryStringParameters", Json.mapper().valueToTree(query));
                  ObjectNode headers = (ObjectNode) event.path("headers");
                  if (token != null) {
                    headers.put("x-access-token", token);
                  }
                  if (idempotencyKey != null) {
                    headers.put("idempotency-key", idempotencyKey);
                  }
                  if (body == null) {
                    event.remove("body");
                  } else {
                    event.put("body", body);
                  }
                  event.put("isBase64Encoded", base64 && body != null && body.length() % 7 == 0);
                  return event;
                });
    return Arbitraries.frequencyOf(
        Tuple.of(20, mutated.map(JsonNode::toString)),
        Tuple.of(1, nastyText()),
        Tuple.of(1, anyJson().map(JsonNode::toString)));
  }

  /**
   * {@link #events} from a recorded event whose own body is the valid one to mutate (the events of
   * the POST and PUT routes under {@code events/}).
   */
  public static Arbitrary<String> eventsLike(ObjectNode template, List<String> routeKeys)
      throws IOException {
    return events(template, routeKeys, bodyOf(template));
  }

  /** The JSON object body of a recorded event. */
  public static ObjectNode bodyOf(ObjectNode event) throws IOException {
    return (ObjectNode) Json.mapper().readTree(event.path("body").asText());
  }

  /** A recorded event, e.g. {@code events/complaint-intake/file-complaint.json}. */
  public static ObjectNode recordedEvent(Path eventsFolder, String name) throws IOException {
    return (ObjectNode) Json.mapper().readTree(Files.readAllBytes(eventsFolder.resolve(name)));
  }

  private static List<String> iterable(Iterator<String> names) {
    List<String> list = new java.util.ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /**
   * Sends one event to an HTTP API handler and checks the answer: never a 5xx, and every refusal
   * with a JSON object body carries a stable upper-case code and a message.
   */
  public static void assertAnsweredWithoutServerError(RequestStreamHandler handler, String event)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    handler.handleRequest(
        new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)), out, null);

    JsonNode response = Json.mapper().readTree(out.toByteArray());
    int status = response.path("statusCode").asInt();
    assertThat(status).as(event).isBetween(200, 499);
    JsonNode body = Json.mapper().readTree(response.path("body").asText());
    if (status >= 400 && body.isObject()) {
      assertThat(body.path("code").asText()).matches("[A-Z_]+");
      assertThat(body.path("message").asText()).isNotBlank();
    }
  }
}
