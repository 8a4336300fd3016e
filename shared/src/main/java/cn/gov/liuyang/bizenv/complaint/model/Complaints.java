package cn.gov.liuyang.bizenv.complaint.model;

import java.util.Optional;

/** Where complaints are kept. */
public interface Complaints {

  /** Stores a new complaint; false, storing nothing, when its tracking number is already taken. */
  boolean add(Complaint complaint);

  /** The complaint with this number, read consistently. */
  Optional<Complaint> find(TrackingNumber trackingNumber);
}
