package cn.gov.liuyang.bizenv.spending.application;

/**
 * Which delivery of an upload's queue message this is, and after which one the queue gives up and
 * moves the message to its dead-letter queue. A failure of the last one is recorded on the
 * submission (status FAILED), so that it never stays 校验中 with nobody left to finish it.
 *
 * @param attempt 1 for the first delivery (SQS's ApproximateReceiveCount)
 * @param lastAttempt the queue's maxReceiveCount
 */
public record Delivery(int attempt, int lastAttempt) {
  /** A delivery that other deliveries follow if it fails (a test, an invocation by hand). */
  public static final Delivery RETRIED = new Delivery(1, Integer.MAX_VALUE);

  public Delivery {
    if (attempt < 1 || lastAttempt < 1) {
      throw new IllegalArgumentException("attempts count from 1: " + attempt + "/" + lastAttempt);
    }
  }

  /** Whether the queue moves the message to its dead-letter queue if this delivery fails. */
  public boolean isLast() {
    return attempt >= lastAttempt;
  }
}
