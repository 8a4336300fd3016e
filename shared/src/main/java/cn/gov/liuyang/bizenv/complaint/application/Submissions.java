package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;

/** Remembers which submission each Idempotency-Key stands for. */
public interface Submissions {

  /** Records {@code candidate} unless its key is known; returns what is recorded for the key. */
  Submission claim(Submission candidate);

  /**
   * Points the key at another tracking number (the first one was taken by another complaint),
   * unless someone already did; returns what is recorded.
   */
  Submission renumber(Submission current, TrackingNumber next);
}
