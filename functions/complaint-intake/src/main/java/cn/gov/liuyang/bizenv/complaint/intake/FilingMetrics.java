package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.common.Metrics;
import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.application.FiledComplaint;
import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiResponse;
import java.util.function.Supplier;

/**
 * The complaints filed and refused, as metrics ({@link Metrics}), for both ways in: the mobile
 * form's route and Open311's. A replay of an idempotency key files nothing and counts nothing.
 */
final class FilingMetrics {
  private FilingMetrics() {}

  /** Counts a refusal of the filing (any 4xx its edge or use case answers). */
  static HttpApiResponse counted(Supplier<HttpApiResponse> filing) {
    try {
      return filing.get();
    } catch (Refusal | ApiProblem refused) {
      Metrics.count(Metrics.COMPLAINTS_REFUSED);
      throw refused;
    }
  }

  static void filed(FiledComplaint filed) {
    if (!filed.replayed()) {
      Metrics.count(Metrics.COMPLAINTS_FILED);
    }
  }
}
