package cn.gov.liuyang.bizenv.local.cloud;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.gaul.shaded.org.eclipse.jetty.server.Request;
import org.gaul.shaded.org.eclipse.jetty.server.handler.HandlerWrapper;
import org.jclouds.blobstore.BlobStore;

/**
 * S3's conditional write, which S3Proxy 2.6 ignores on PUT: a PUT (plain or through a presigned
 * link) that carries {@code If-None-Match: *} is refused with 412 PreconditionFailed when the key
 * already exists, as S3 does. Check and write run under one lock per key, so of two racing PUTs one
 * wins and the other is refused. Path-style requests only (the local clients force path style).
 */
final class ConditionalPuts extends HandlerWrapper {
  private final BlobStore blobStore;
  private final ConcurrentMap<String, Object> locks = new ConcurrentHashMap<>();

  ConditionalPuts(BlobStore blobStore) {
    this.blobStore = blobStore;
  }

  @Override
  public void handle(
      String target, Request baseRequest, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    String condition = request.getHeader("If-None-Match");
    String[] bucketAndKey = bucketAndKey(request.getRequestURI());
    if (!"PUT".equals(request.getMethod())
        || condition == null
        || bucketAndKey == null
        || request.getParameter("partNumber") != null) {
      super.handle(target, baseRequest, request, response);
      return;
    }
    String bucket = bucketAndKey[0];
    String key = bucketAndKey[1];
    Object lock = locks.computeIfAbsent(bucket + "/" + key, k -> new Object());
    synchronized (lock) {
      if (!"*".equals(condition.trim())) {
        refuse(baseRequest, response, 501, "NotImplemented", "If-None-Match 只支持 *");
        return;
      }
      if (blobStore.blobExists(bucket, key)) {
        refuse(
            baseRequest,
            response,
            412,
            "PreconditionFailed",
            "At least one of the pre-conditions you specified did not hold");
        return;
      }
      super.handle(target, baseRequest, request, response);
    }
  }

  private static String[] bucketAndKey(String uri) {
    if (uri == null || uri.length() < 2) {
      return null;
    }
    String path = uri.substring(1);
    int slash = path.indexOf('/');
    if (slash <= 0 || slash == path.length() - 1) {
      return null;
    }
    return new String[] {
      path.substring(0, slash),
      URLDecoder.decode(path.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8)
    };
  }

  private static void refuse(
      Request baseRequest, HttpServletResponse response, int status, String code, String message)
      throws IOException {
    response.setStatus(status);
    response.setContentType("application/xml");
    response
        .getOutputStream()
        .write(
            ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                    + code
                    + "</Code><Message>"
                    + message
                    + "</Message><Condition>If-None-Match</Condition></Error>")
                .getBytes(StandardCharsets.UTF_8));
    baseRequest.setHandled(true);
  }
}
