package cn.gov.liuyang.bizenv.http;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.common.Log;
import cn.gov.liuyang.bizenv.common.Refusal;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Base of every HTTP API function: reads the payload-2.0 event with Jackson, dispatches on the
 * route key, and turns a use case's {@link Refusal}, an {@link ApiProblem} from the edge and
 * unexpected failures into JSON error responses. Subclasses stay thin: event to command, one use
 * case, result to response.
 */
public abstract class HttpApiHandler implements RequestStreamHandler {

  @Override
  public final void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    HttpApiResponse response;
    HttpApiEvent event = null;
    Log.forRequest(context == null ? null : context.getAwsRequestId());
    try {
      event = Json.mapper().readValue(input, HttpApiEvent.class);
      if (event == null || event.routeKey() == null) {
        throw new ApiProblem(400, "EVENT_MALFORMED", "请求格式无法识别");
      }
      requireCleanParameters(event);
      response = handle(event);
    } catch (ApiProblem problem) {
      response = problemResponse(problem);
    } catch (Refusal refusal) {
      response = problemResponse(problem(refusal));
    } catch (JsonProcessingException notAnEvent) {
      response = problemResponse(new ApiProblem(400, "EVENT_MALFORMED", "请求格式无法识别"));
    } catch (RuntimeException unexpected) {
      // Log the failure class and request id only: messages may quote personal data.
      String requestId = event == null ? "-" : event.requestId();
      Log.error(
          "request failed",
          "apiRequestId",
          requestId,
          "route",
          event == null ? null : event.routeKey(),
          "failure",
          Log.failure(unexpected));
      response =
          HttpApiResponse.problem(
              new ApiProblem(
                  500,
                  "INTERNAL_ERROR",
                  "服务暂时不可用，请稍后重试（请求编号 " + requestId + "）",
                  List.of(),
                  Map.of("requestId", requestId)));
    }
    Json.mapper().writeValue(output, response);
  }

  /**
   * Serves one request; use cases throw {@link Refusal}, the edge's own checks {@link ApiProblem},
   * for anything the caller must fix.
   */
  protected abstract HttpApiResponse handle(HttpApiEvent event);

  /** How this API writes a refusal; {@code {code, message, errors}} unless a standard says else. */
  protected HttpApiResponse problemResponse(ApiProblem problem) {
    return HttpApiResponse.problem(problem);
  }

  /**
   * Every query and path parameter, name and value, under {@link TextPolicy} (one line, no control,
   * bidi or broken characters), before any route reads one: 400 {@code PARAMETER_INVALID} naming
   * each parameter at fault.
   */
  static void requireCleanParameters(HttpApiEvent event) {
    List<FieldError> errors = new ArrayList<>();
    check(event.queryStringParameters(), errors);
    check(event.pathParameters(), errors);
    if (!errors.isEmpty()) {
      throw new ApiProblem(400, "PARAMETER_INVALID", "请求参数含有不允许的字符", errors, Map.of());
    }
  }

  private static void check(Map<String, String> parameters, List<FieldError> errors) {
    if (parameters == null) {
      return;
    }
    parameters.forEach(
        (name, value) -> {
          Optional<TextPolicy.Violation> badName = TextPolicy.check(name, "参数名", false);
          if (badName.isPresent()) {
            errors.add(new FieldError("parameter", badName.get().code(), badName.get().message()));
            return;
          }
          TextPolicy.check(value == null ? "" : value, "参数 " + name + " ", false)
              .ifPresent(v -> errors.add(new FieldError(name, v.code(), v.message())));
        });
  }

  protected static ApiProblem unknownRoute(HttpApiEvent event) {
    return new ApiProblem(404, "ROUTE_NOT_FOUND", "没有这个接口：" + event.routeKey());
  }

  /** The one place a kind of refusal becomes a status code; the body is the same as ever. */
  public static ApiProblem problem(Refusal refusal) {
    return new ApiProblem(
        status(refusal.kind()),
        refusal.code(),
        refusal.getMessage(),
        refusal.errors().stream()
            .map(e -> new FieldError(e.field(), e.code(), e.message()))
            .toList(),
        refusal.details());
  }

  static int status(Refusal.Kind kind) {
    return switch (kind) {
      case INVALID -> 400;
      case UNAUTHENTICATED -> 401;
      case FORBIDDEN -> 403;
      case NOT_FOUND -> 404;
      case CONFLICT -> 409;
      case TOO_LARGE -> 413;
      case UNPROCESSABLE -> 422;
    };
  }
}
