package cn.gov.liuyang.bizenv.local.runner.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The cheapest possible function: reads the event, answers a fixed 200. The gateway's own cost. */
public final class ConstantResponseHandler implements RequestStreamHandler {
  private static final byte[] RESPONSE =
      ("{\"statusCode\":200,\"headers\":{\"content-type\":\"application/json\"},"
              + "\"body\":\"{\\\"ok\\\":true}\"}")
          .getBytes(StandardCharsets.UTF_8);

  @Override
  public void handleRequest(InputStream input, OutputStream output, Context context)
      throws IOException {
    input.transferTo(OutputStream.nullOutputStream());
    output.write(RESPONSE);
  }
}
