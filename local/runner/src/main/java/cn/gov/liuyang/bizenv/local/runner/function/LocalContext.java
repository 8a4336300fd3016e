package cn.gov.liuyang.bizenv.local.runner.function;

import cn.gov.liuyang.bizenv.local.runner.LocalAws;
import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;

/**
 * The Lambda {@link Context} of one local invocation; the logger writes to stderr as Lambda's does.
 */
final class LocalContext implements Context {
  private static final LambdaLogger STDERR_LOGGER =
      new LambdaLogger() {
        @Override
        public void log(String message) {
          System.err.print(message);
          System.err.flush();
        }

        @Override
        public void log(byte[] message) {
          log(new String(message, StandardCharsets.UTF_8));
        }
      };

  private final String requestId;
  private final String functionName;
  private final int memoryMb;
  private final Instant deadline;
  private final Clock clock;

  LocalContext(String requestId, String functionName, int memoryMb, Instant deadline, Clock clock) {
    this.requestId = requestId;
    this.functionName = functionName;
    this.memoryMb = memoryMb;
    this.deadline = deadline;
    this.clock = clock;
  }

  @Override
  public String getAwsRequestId() {
    return requestId;
  }

  @Override
  public String getLogGroupName() {
    return "/aws/lambda/" + functionName;
  }

  @Override
  public String getLogStreamName() {
    return "local/[$LATEST]" + requestId;
  }

  @Override
  public String getFunctionName() {
    return functionName;
  }

  @Override
  public String getFunctionVersion() {
    return "$LATEST";
  }

  @Override
  public String getInvokedFunctionArn() {
    return "arn:aws:lambda:"
        + LocalAws.REGION
        + ":"
        + LocalAws.ACCOUNT_ID
        + ":function:"
        + functionName;
  }

  @Override
  public CognitoIdentity getIdentity() {
    return null;
  }

  @Override
  public ClientContext getClientContext() {
    return null;
  }

  @Override
  public int getRemainingTimeInMillis() {
    return (int) Math.max(0, deadline.toEpochMilli() - clock.millis());
  }

  @Override
  public int getMemoryLimitInMB() {
    return memoryMb;
  }

  @Override
  public LambdaLogger getLogger() {
    return STDERR_LOGGER;
  }
}
