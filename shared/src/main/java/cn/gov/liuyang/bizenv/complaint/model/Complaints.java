package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;

/** Where complaints are kept. */
public interface Complaints {

  /** Stores a new complaint; false, storing nothing, when its tracking number is already taken. */
  boolean add(Complaint complaint);

  /**
   * Stores {@code after}, a later version of {@code before}, only if the stored version is still
   * {@code before}'s; appends the new steps to the history without rewriting it. False, storing
   * nothing, when someone else changed the complaint first.
   */
  boolean update(Complaint before, Complaint after);

  /** The complaint with this number, read consistently. */
  Optional<Complaint> find(TrackingNumber trackingNumber);
}
