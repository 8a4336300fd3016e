package cn.gov.liuyang.bizenv.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.UnitId;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintFixtures;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.LedgerOrigin;
import cn.gov.liuyang.bizenv.complaint.model.MobileNumber;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.PersonName;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

class Open311RequestsTest {
  private static final Instant NOW = Instant.parse("2021-03-01T02:00:00Z");
  private static final Contact CONTACT =
      new Contact(new PersonName("张三"), MobileNumber.parse("13812345678").orElseThrow());

  private final InMemoryComplaints complaints = new InMemoryComplaints();
  private final InMemorySubmissions submissions = new InMemorySubmissions();
  private final Tokens tokens = new Tokens();
  private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

  /** Every stored complaint, as one page: the search itself is tested against dynalite. */
  private final ComplaintSearch everything =
      new ComplaintSearch() {
        @Override
        public ComplaintPage search(ComplaintQuery query) {
          return new ComplaintPage(new ArrayList<>(complaints.stored.values()), Optional.empty());
        }

        @Override
        public List<Complaint> filedIn(int year) {
          throw new UnsupportedOperationException();
        }
      };

  /** Open311 tokens in a map; records every look-up. */
  static final class Tokens implements Open311Tokens {
    final Map<Open311Token, TrackingNumber> numbers = new ConcurrentHashMap<>();
    final Map<Open311Token, Instant> expiries = new ConcurrentHashMap<>();
    final List<Open311Token> asked = new ArrayList<>();

    @Override
    public void record(Open311Token token, TrackingNumber number, Instant expiresAt) {
      numbers.put(token, number);
      expiries.put(token, expiresAt);
    }

    @Override
    public Optional<TrackingNumber> numberOf(Open311Token token, Instant now) {
      asked.add(token);
      return Optional.ofNullable(numbers.get(token)).filter(n -> expiries.get(token).isAfter(now));
    }
  }

  private Open311Requests requests() {
    FileComplaint file =
        new FileComplaint(complaints, submissions, clock, ComplaintFixtures.DEADLINES);
    return new Open311Requests(
        file,
        new ShowComplaint(complaints, ComplaintFixtures.DEADLINES),
        new SearchComplaints(everything, ComplaintFixtures.DEADLINES),
        tokens,
        clock);
  }

  private static FileComplaintCommand command(
      ComplaintKind kind, Optional<Contact> contact, Optional<String> key) {
    return new FileComplaintCommand(kind, "市场监督管理局", "许可申请未受理", Enterprise.NONE, contact, key);
  }

  @Test
  void aRequestFiledThroughOpen311_getsATokenOfItsOwn_thatFindsItUntilItExpires() {
    FiledComplaint filed =
        requests().file(command(ComplaintKind.COMPLAINT, Optional.of(CONTACT), Optional.empty()));

    Open311Token token = filed.complaint().open311Token().orElseThrow();
    TrackingNumber number = filed.complaint().trackingNumber();
    assertThat(token.value()).isNotEqualTo(filed.accessToken().value());
    assertThat(complaints.find(number).orElseThrow().open311Token()).contains(token);
    assertThat(requests().numberOfToken(token.value())).contains(number);

    clock = Clock.fixed(NOW.plus(Open311Requests.TOKEN_LIFETIME), ZoneOffset.UTC);
    assertThat(requests().numberOfToken(token.value())).isEmpty();
  }

  @Test
  void theAccessTokenIsNoOpen311Token_andFindsNothing_withoutALookUp() {
    FiledComplaint filed =
        requests().file(command(ComplaintKind.COMPLAINT, Optional.of(CONTACT), Optional.empty()));

    assertThat(requests().numberOfToken(filed.accessToken().value())).isEmpty();
    assertThat(requests().numberOfToken("")).isEmpty();
    assertThat(tokens.asked).isEmpty();
  }

  @Test
  void aRetriedKeyedRequest_getsTheSameToken_andRecordsItAgainAfterACrashBetweenTheWrites() {
    Optional<String> key = Optional.of("3f6d2b9e-6c1a-4d8e-9a57-0c2b7f41d9e3");
    FiledComplaint first =
        requests().file(command(ComplaintKind.DIFFICULTY, Optional.of(CONTACT), key));
    Open311Token token = first.complaint().open311Token().orElseThrow();
    tokens.numbers.clear(); // as if the function stopped after storing the complaint

    FiledComplaint retried =
        requests().file(command(ComplaintKind.DIFFICULTY, Optional.of(CONTACT), key));

    assertThat(retried.replayed()).isTrue();
    assertThat(retried.complaint().open311Token()).contains(token);
    assertThat(requests().numberOfToken(token.value()))
        .contains(first.complaint().trackingNumber());
  }

  @Test
  void casesFiledOnTheMobileFormHaveNoOpen311Token() {
    FiledComplaint filed =
        new FileComplaint(complaints, submissions, clock, ComplaintFixtures.DEADLINES)
            .file(command(ComplaintKind.COMPLAINT, Optional.of(CONTACT), Optional.empty()));

    assertThat(filed.complaint().open311Token()).isEmpty();
    assertThat(tokens.numbers).isEmpty();
  }

  @Test
  void reportsAnonymousAndImportedCases_areNeverListedNorConfirmed_byNumberOrByToken() {
    FiledComplaint named =
        requests().file(command(ComplaintKind.COMPLAINT, Optional.of(CONTACT), Optional.empty()));
    FiledComplaint report =
        requests().file(command(ComplaintKind.REPORT, Optional.of(CONTACT), Optional.empty()));
    FiledComplaint anonymous =
        requests().file(command(ComplaintKind.SUGGESTION, Optional.empty(), Optional.empty()));
    Complaint imported =
        ComplaintFixtures.received()
            .importedFrom(
                new LedgerOrigin("import-1", new UnitId("lyyshj"), "2021", 3, Optional.empty()));
    complaints.add(imported);

    List<Complaint> listed =
        requests().list(NOW.minus(Duration.ofDays(90)), NOW, Set.of(), Optional.empty());

    assertThat(listed)
        .extracting(Complaint::trackingNumber)
        .containsExactly(named.complaint().trackingNumber());
    assertThat(requests().one(named.complaint().trackingNumber().value())).isPresent();
    for (Complaint hidden : List.of(report.complaint(), anonymous.complaint(), imported)) {
      assertThat(requests().one(hidden.trackingNumber().value())).isEmpty();
      assertThat(requests().one(hidden.trackingNumber().display())).isEmpty();
    }
    for (FiledComplaint hidden : List.of(report, anonymous)) {
      assertThat(hidden.complaint().open311Token()).isPresent();
      assertThat(requests().numberOfToken(hidden.complaint().open311Token().get().value()))
          .isEmpty();
    }
  }

  @Test
  void aTokenWhoseCaseNoLongerCarriesIt_findsNothing() {
    FiledComplaint filed =
        requests().file(command(ComplaintKind.COMPLAINT, Optional.of(CONTACT), Optional.empty()));
    Open311Token stale = Open311Token.random();
    tokens.record(stale, filed.complaint().trackingNumber(), NOW.plus(Duration.ofDays(1)));

    assertThat(requests().numberOfToken(stale.value())).isEmpty();
  }
}
