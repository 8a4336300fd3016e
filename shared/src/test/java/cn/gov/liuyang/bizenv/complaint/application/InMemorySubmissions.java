package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A fake for use-case specifications. */
public class InMemorySubmissions implements Submissions {
  final Map<String, Submission> stored = new ConcurrentHashMap<>();

  @Override
  public Submission claim(Submission candidate) {
    return stored.computeIfAbsent(candidate.keyHash(), k -> candidate);
  }

  @Override
  public Submission renumber(Submission current, TrackingNumber next) {
    return stored.computeIfPresent(
        current.keyHash(),
        (k, s) ->
            s.trackingNumber().equals(current.trackingNumber())
                ? new Submission(s.keyHash(), s.fingerprint(), next, s.salt(), s.at())
                : s);
  }
}
