package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.Optional;

/**
 * Which complaint an access token belongs to (Open311's {@code tokens/{id}}). Only the token's hash
 * is looked up; text that cannot be a token finds nothing, without a look-up.
 */
public final class FindComplaintByToken {
  static final int MAX_TOKEN_LENGTH = 100;

  private final ComplaintSearch search;

  public FindComplaintByToken(ComplaintSearch search) {
    this.search = search;
  }

  public Optional<TrackingNumber> trackingNumberOf(String token) {
    if (token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
      return Optional.empty();
    }
    return search.numberOfToken(new AccessToken(token).hash());
  }
}
