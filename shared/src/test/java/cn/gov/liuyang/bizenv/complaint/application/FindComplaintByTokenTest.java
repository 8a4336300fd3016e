package cn.gov.liuyang.bizenv.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FindComplaintByTokenTest {
  private static final TrackingNumber NUMBER = TrackingNumber.random();

  /** Knows one token; records every hash it is asked about. */
  private static final class OneToken implements ComplaintSearch {
    final List<AccessToken.Hash> asked = new ArrayList<>();
    final AccessToken.Hash known;

    OneToken(String token) {
      this.known = new AccessToken(token).hash();
    }

    @Override
    public ComplaintPage search(ComplaintQuery query) {
      throw new UnsupportedOperationException();
    }

    @Override
    public List<Complaint> filedIn(int year) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<TrackingNumber> numberOfToken(AccessToken.Hash tokenHash) {
      asked.add(tokenHash);
      return tokenHash.equals(known) ? Optional.of(NUMBER) : Optional.empty();
    }
  }

  @Test
  void aKnownToken_findsItsComplaint_byItsHash() {
    OneToken search = new OneToken("tok-0123456789abcdef");

    assertThat(new FindComplaintByToken(search).trackingNumberOf("tok-0123456789abcdef"))
        .contains(NUMBER);
    assertThat(search.asked).containsExactly(new AccessToken("tok-0123456789abcdef").hash());
  }

  @Test
  void textThatCannotBeAToken_findsNothing_withoutALookUp() {
    OneToken search = new OneToken("tok-0123456789abcdef");
    FindComplaintByToken find = new FindComplaintByToken(search);

    assertThat(find.trackingNumberOf(" ")).isEmpty();
    assertThat(find.trackingNumberOf("x".repeat(101))).isEmpty();
    assertThat(search.asked).isEmpty();
  }
}
