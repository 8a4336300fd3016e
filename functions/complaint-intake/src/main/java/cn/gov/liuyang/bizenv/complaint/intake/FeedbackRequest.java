package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import java.util.Optional;

/**
 * {@code POST /complaints/{n}/feedback}: satisfied with the result? with the service? a comment.
 */
record FeedbackRequest(
    boolean satisfiedWithResult, boolean satisfiedWithService, Optional<String> comment) {

  static FeedbackRequest read(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 8 * 1024);
    Optional<Boolean> result = body.optionalBoolean("satisfiedWithResult", "对办理结果是否满意");
    Optional<Boolean> service = body.optionalBoolean("satisfiedWithService", "对服务是否满意");
    if (!body.has("satisfiedWithResult")) {
      body.reject("satisfiedWithResult", "REQUIRED", "请选择对办理结果是否满意");
    }
    if (!body.has("satisfiedWithService")) {
      body.reject("satisfiedWithService", "REQUIRED", "请选择对服务是否满意");
    }
    Optional<String> comment = body.optionalText("comment", "评价内容", 500);
    body.throwIfInvalid();
    return new FeedbackRequest(result.orElseThrow(), service.orElseThrow(), comment);
  }
}
