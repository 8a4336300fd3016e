package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendars;
import cn.gov.liuyang.bizenv.complaint.model.AccessToken;
import cn.gov.liuyang.bizenv.complaint.model.Complaint;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintAction;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Deadlines;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.Open311Token;
import cn.gov.liuyang.bizenv.complaint.model.RefusalReason;
import cn.gov.liuyang.bizenv.complaint.model.Step;
import cn.gov.liuyang.bizenv.complaint.model.StepPayload;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The complaint item keeps what an unknown deadline needs, older items are still counted, and steps
 * stored with their facts as text read back typed.
 */
class ComplaintItemsTest {
  private static final Deadlines ONLY_2026 =
      new Deadlines(new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026)), TimeLimits.DEFAULT);
  private static final Deadlines WITH_2027 =
      new Deadlines(
          new WorkingDays(TestCalendars.of(TestCalendars.YEAR_2026, TestCalendars.MADE_UP_2027)),
          TimeLimits.DEFAULT);

  @Test
  void anUnknownDeadline_isStoredWithItsLimitStartAndLength_andReadBackKnownOnceTheYearIsThere() {
    Map<String, AttributeValue> item = ComplaintItems.toItem(acceptedOn28Dec2026());

    assertThat(item.get("deadlineUnknownYear").n()).isEqualTo("2027");
    assertThat(item.get("deadlineLimit").s()).isEqualTo("HANDLE");
    assertThat(item.get("deadlineCountedFrom").s()).isEqualTo("2026-12-28");
    assertThat(item.get("deadlineWorkingDays").n()).isEqualTo("15");
    assertThat(item).doesNotContainKey("dueBy");
    assertThat(ComplaintItems.fromItem(item).withDeadlineResolved(ONLY_2026).dueBy()).isEmpty();
    assertThat(ComplaintItems.fromItem(item).withDeadlineResolved(WITH_2027).dueBy())
        .contains(LocalDate.parse("2027-01-19"));
  }

  @Test
  void anItemStoredWithOnlyTheMissingYear_isCountedFromTheAcceptanceStepWithTheConfiguredLimit() {
    Map<String, AttributeValue> item = new HashMap<>(ComplaintItems.toItem(acceptedOn28Dec2026()));
    // GIVEN an item as written before the running limit was stored
    item.keySet().removeAll(List.of("deadlineLimit", "deadlineCountedFrom", "deadlineWorkingDays"));

    Complaint read = ComplaintItems.fromItem(item).withDeadlineResolved(WITH_2027);

    assertThat(read.dueBy()).contains(LocalDate.parse("2027-01-19"));
    assertThat(read.deadlineUnknown()).isEmpty();
  }

  @Test
  void stepsStoredAsTextDetails_readBackAsTypedPayloads_andAreWrittenBackUnchanged() {
    // GIVEN an item whose history is shaped as the table has always held it
    Map<String, AttributeValue> item =
        storedItem(
            "REVISITED",
            step("FILE", "2026-12-21T02:00:00Z", "RECEIVED", Map.of()),
            step(
                "ATTACH",
                "2026-12-21T03:00:00Z",
                "RECEIVED",
                Map.of("attachmentId", "a1b2c3", "contentType", "image/jpeg")),
            step("ACCEPT", "2026-12-28T02:00:00Z", "ACCEPTED", Map.of()),
            step("TRANSFER", "2026-12-29T02:00:00Z", "IN_PROGRESS", Map.of("department", "供电公司")),
            step("FOLLOW_UP", "2026-12-30T02:00:00Z", "IN_PROGRESS", Map.of()),
            step(
                "MEETING",
                "2026-12-31T02:00:00Z",
                "IN_PROGRESS",
                Map.of("participants", "供电公司、园区")),
            step(
                "CLOSE",
                "2027-01-25T02:00:00Z",
                "CLOSED",
                Map.of(
                    "difficultiesResolved", "2",
                    "onTime", "true",
                    "deadlineUnknown", "CALENDAR_MISSING",
                    "deadlineCountedFrom", "2026-12-28",
                    "deadlineWorkingDays", "15")),
            step(
                "REVISIT",
                "2027-01-26T02:00:00Z",
                "REVISITED",
                Map.of("satisfiedWithResult", "true", "satisfiedWithService", "false")),
            step(
                "FEEDBACK",
                "2027-01-27T02:00:00Z",
                "REVISITED",
                Map.of("satisfiedWithResult", "false", "satisfiedWithService", "true")));

    // WHEN it is read
    Complaint read = ComplaintItems.fromItem(item);

    // THEN every step carries its facts typed
    assertThat(read.history().stream().map(Step::payload))
        .containsExactly(
            new StepPayload.Filing(),
            new StepPayload.Attaching("a1b2c3", "image/jpeg"),
            new StepPayload.Acceptance(),
            new StepPayload.Transfer("供电公司"),
            new StepPayload.FollowUp(),
            new StepPayload.Meeting("供电公司、园区"),
            new StepPayload.Closing(
                2,
                true,
                OptionalInt.empty(),
                Optional.of(
                    new StepPayload.UnknownDeadline(
                        "CALENDAR_MISSING",
                        Optional.of(LocalDate.parse("2026-12-28")),
                        OptionalInt.of(15))),
                false),
            new StepPayload.Revisit(true, false),
            new StepPayload.Rating(false, true));
    // and writing it stores the history exactly as it was
    assertThat(ComplaintItems.toItem(read).get("history")).isEqualTo(item.get("history"));
  }

  @Test
  void olderClosingsAndRefusals_readBackWithWhatTheyRecorded() {
    // GIVEN a refused case, a closing recorded before the deadline's start was kept, one with its
    // working days counted, and a ledger closing on a day nobody recorded
    Map<String, AttributeValue> refused =
        storedItem(
            "REFUSED",
            step("FILE", "2021-02-10T02:00:00Z", "RECEIVED", Map.of()),
            step("REFUSE", "2021-02-11T02:00:00Z", "REFUSED", Map.of("reason", "CIVIL_DISPUTE")));
    Map<String, AttributeValue> closings =
        storedItem(
            "CLOSED",
            step("FILE", "2021-02-10T02:00:00Z", "RECEIVED", Map.of()),
            step("ACCEPT", "2021-02-10T03:00:00Z", "ACCEPTED", Map.of()),
            step(
                "CLOSE",
                "2021-02-11T02:00:00Z",
                "CLOSED",
                Map.of(
                    "difficultiesResolved", "1",
                    "onTime", "true",
                    "deadlineUnknown", "CALENDAR_MISSING")),
            step(
                "CLOSE",
                "2021-02-12T02:00:00Z",
                "CLOSED",
                Map.of("difficultiesResolved", "0", "onTime", "false", "workingDays", "16")),
            step(
                "CLOSE",
                "2021-02-13T02:00:00Z",
                "CLOSED",
                Map.of(
                    "difficultiesResolved", "3",
                    "onTime", "true",
                    "closedOnUnknownDate", "true")));

    // WHEN they are read
    Complaint refusedCase = ComplaintItems.fromItem(refused);
    Complaint closedCase = ComplaintItems.fromItem(closings);

    // THEN
    assertThat(refusedCase.history().get(1).payload())
        .isEqualTo(new StepPayload.Refusal(RefusalReason.CIVIL_DISPUTE));
    assertThat(closedCase.history().subList(2, 5).stream().map(Step::payload))
        .containsExactly(
            new StepPayload.Closing(
                1,
                true,
                OptionalInt.empty(),
                Optional.of(
                    new StepPayload.UnknownDeadline(
                        "CALENDAR_MISSING", Optional.empty(), OptionalInt.empty())),
                false),
            new StepPayload.Closing(0, false, OptionalInt.of(16), Optional.empty(), false),
            StepPayload.Closing.onUnknownDate(3));
    assertThat(ComplaintItems.toItem(refusedCase).get("history")).isEqualTo(refused.get("history"));
    assertThat(ComplaintItems.toItem(closedCase).get("history")).isEqualTo(closings.get("history"));
  }

  /** An item as {@link ComplaintItems} writes it, built attribute by attribute. */
  private static Map<String, AttributeValue> storedItem(String status, AttributeValue... steps) {
    String number = TrackingNumber.random().value();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("pk", AttributeValue.fromS("COMPLAINT#" + number));
    item.put("sk", AttributeValue.fromS("COMPLAINT"));
    item.put("trackingNumber", AttributeValue.fromS(number));
    item.put("kind", AttributeValue.fromS("DIFFICULTY"));
    item.put("subject", AttributeValue.fromS("供电公司"));
    item.put("description", AttributeValue.fromS("用电报装"));
    item.put("accessTokenHash", AttributeValue.fromS(AccessToken.random().hash().hex()));
    item.put("filedAt", AttributeValue.fromS(steps[0].m().get("at").s()));
    item.put("status", AttributeValue.fromS(status));
    item.put("version", AttributeValue.fromN(Integer.toString(steps.length)));
    item.put("history", AttributeValue.fromL(List.of(steps)));
    item.put("attachments", AttributeValue.fromL(List.of()));
    return item;
  }

  private static AttributeValue step(
      String action, String at, String statusAfter, Map<String, String> details) {
    Map<String, AttributeValue> text = new HashMap<>();
    details.forEach((key, value) -> text.put(key, AttributeValue.fromS(value)));
    return AttributeValue.fromM(
        Map.of(
            "action", AttributeValue.fromS(action),
            "at", AttributeValue.fromS(at),
            "actorId", AttributeValue.fromS("officer-1"),
            "actorName", AttributeValue.fromS("李主任"),
            "statusAfter", AttributeValue.fromS(statusAfter),
            "details", AttributeValue.fromM(text)));
  }

  @Test
  void anOpen311Token_isStoredWithTheCase_andAnItemStoredBeforeItExisted_stillReads() {
    Open311Token token = Open311Token.random();
    Complaint throughOpen311 = acceptedOn28Dec2026().withOpen311Token(token);

    Map<String, AttributeValue> item = ComplaintItems.toItem(throughOpen311);
    Map<String, AttributeValue> older = new HashMap<>(item);
    older.remove("open311Token");

    assertThat(item.get("open311Token").s()).isEqualTo(token.value());
    assertThat(ComplaintItems.fromItem(item).open311Token()).contains(token);
    assertThat(ComplaintItems.fromItem(older).open311Token()).isEmpty();
    assertThat(ComplaintItems.fromItem(older).trackingNumber())
        .isEqualTo(throughOpen311.trackingNumber());
    assertThat(ComplaintItems.toItem(acceptedOn28Dec2026())).doesNotContainKey("open311Token");
  }

  private static Complaint acceptedOn28Dec2026() {
    return Complaint.file(
            TrackingNumber.random(),
            ComplaintKind.COMPLAINT,
            "市场监督管理局",
            "许可未受理",
            Enterprise.NONE,
            Optional.empty(),
            AccessToken.random().hash(),
            Optional.empty(),
            Instant.parse("2026-12-21T02:00:00Z"),
            ONLY_2026)
        .apply(
            new ComplaintAction.Accept(Optional.empty()),
            new Officer("officer-1", "李主任"),
            Instant.parse("2026-12-28T02:00:00Z"),
            ONLY_2026);
  }
}
