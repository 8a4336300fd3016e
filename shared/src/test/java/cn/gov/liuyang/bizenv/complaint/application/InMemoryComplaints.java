package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.Complaints;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A fake for use-case specifications; the DynamoDB adapter is tested against dynalite. */
public class InMemoryComplaints implements Complaints {
  final Map<TrackingNumber, Complaint> stored = new ConcurrentHashMap<>();

  @Override
  public boolean add(Complaint complaint) {
    return stored.putIfAbsent(complaint.trackingNumber(), complaint) == null;
  }

  @Override
  public boolean update(Complaint before, Complaint after) {
    return stored.replace(before.trackingNumber(), before, after);
  }

  @Override
  public Optional<Complaint> find(TrackingNumber trackingNumber) {
    return Optional.ofNullable(stored.get(trackingNumber));
  }

  public int size() {
    return stored.size();
  }
}
