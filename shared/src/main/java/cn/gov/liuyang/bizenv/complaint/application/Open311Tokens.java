package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Instant;
import java.util.Optional;

/** Which case an Open311 token was given for, until it expires. */
public interface Open311Tokens {

  /**
   * Records that {@code token} names {@code number} until {@code expiresAt}; a repeat is a no-op.
   */
  void record(Open311Token token, TrackingNumber number, Instant expiresAt);

  /** The number {@code token} was given for, unless it is unknown or expired at {@code now}. */
  Optional<TrackingNumber> numberOf(Open311Token token, Instant now);
}
