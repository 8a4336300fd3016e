package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintStatus;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What Open311 may do with the complaints: file one (which then also gets an {@link Open311Token}),
 * and read the public ones. A case that is not {@link Complaint#openToThePublic() open to the
 * public} (a 举报, an anonymous case, an imported one) is never listed, and a number or token that
 * names one finds nothing, exactly as an unknown one.
 */
public final class Open311Requests {
  /** How long an Open311 token finds its case: a temporary id, as GeoReport means it. */
  public static final Duration TOKEN_LIFETIME = Duration.ofDays(30);

  /** GeoReport's cap on one listing. */
  public static final int MAX_LISTED = 1000;

  private final FileComplaint fileComplaint;
  private final ShowComplaint showComplaint;
  private final SearchComplaints searchComplaints;
  private final Open311Tokens tokens;
  private final Clock clock;

  public Open311Requests(
      FileComplaint fileComplaint,
      ShowComplaint showComplaint,
      SearchComplaints searchComplaints,
      Open311Tokens tokens,
      Clock clock) {
    this.fileComplaint = fileComplaint;
    this.showComplaint = showComplaint;
    this.searchComplaints = searchComplaints;
    this.tokens = tokens;
    this.clock = clock;
  }

  /**
   * Files the complaint and records its Open311 token. A retried keyed submission records the same
   * token again, so a crash between the two writes is mended by the retry.
   */
  public FiledComplaint file(FileComplaintCommand command) {
    FiledComplaint filed = fileComplaint.fileThroughOpen311(command);
    Complaint complaint = filed.complaint();
    complaint
        .open311Token()
        .ifPresent(
            token ->
                tokens.record(
                    token, complaint.trackingNumber(), complaint.filedAt().plus(TOKEN_LIFETIME)));
    return filed;
  }

  /** The public case with this number (as typed, {@code .json} suffix removed by the caller). */
  public Optional<Complaint> one(String number) {
    return TrackingNumber.parse(number)
        .flatMap(showComplaint::show)
        .filter(Complaint::openToThePublic);
  }

  /**
   * The public cases filed from {@code start} to {@code end} (both included), newest first, at most
   * {@link #MAX_LISTED}.
   *
   * @param statuses empty for all
   */
  public List<Complaint> list(
      Instant start, Instant end, Set<ComplaintStatus> statuses, Optional<ComplaintKind> kind) {
    return searchComplaints
        .search(
            new ComplaintQuery(
                statuses,
                kind,
                Optional.empty(),
                start.atZone(Complaint.ZONE).toLocalDate(),
                end.atZone(Complaint.ZONE).toLocalDate(),
                Optional.empty(),
                MAX_LISTED,
                Optional.empty()))
        .complaints()
        .stream()
        .filter(c -> !c.filedAt().isBefore(start) && !c.filedAt().isAfter(end))
        .filter(Complaint::openToThePublic)
        .toList();
  }

  /**
   * The number of the public case {@code token} was given for. Text that is not an Open311 token
   * (an access token among it) finds nothing without a look-up; so does an expired token, or one
   * whose case no longer carries it.
   */
  public Optional<TrackingNumber> numberOfToken(String token) {
    Optional<Open311Token> parsed = Open311Token.parse(token);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    return tokens
        .numberOf(parsed.get(), clock.instant())
        .flatMap(showComplaint::show)
        .filter(c -> c.open311Token().equals(parsed))
        .filter(Complaint::openToThePublic)
        .map(Complaint::trackingNumber);
  }
}
