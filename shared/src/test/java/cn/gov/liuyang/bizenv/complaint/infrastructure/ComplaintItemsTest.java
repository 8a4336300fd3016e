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
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.TrackingNumber;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The complaint item keeps what an unknown deadline needs, and older items are still counted. */
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
    assertThat(ComplaintItems.fromItem(item, ONLY_2026).dueBy()).isEmpty();
    assertThat(ComplaintItems.fromItem(item, WITH_2027).dueBy())
        .contains(LocalDate.parse("2027-01-19"));
  }

  @Test
  void anItemStoredWithOnlyTheMissingYear_isCountedFromTheAcceptanceStepWithTheConfiguredLimit() {
    Map<String, AttributeValue> item = new HashMap<>(ComplaintItems.toItem(acceptedOn28Dec2026()));
    // GIVEN an item as written before the running limit was stored
    item.keySet().removeAll(List.of("deadlineLimit", "deadlineCountedFrom", "deadlineWorkingDays"));

    Complaint read = ComplaintItems.fromItem(item, WITH_2027);

    assertThat(read.dueBy()).contains(LocalDate.parse("2027-01-19"));
    assertThat(read.deadlineUnknown()).isEmpty();
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
