package cn.gov.liuyang.bizenv.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendarEntries;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The calendars every function counts deadlines on: stored over shipped, kept a minute per
 * container, so a saved calendar is in force everywhere within a minute without a deployment.
 */
class CalendarsInForceTest {
  private static final Officer LI = new Officer("officer-li", "李明");
  private static final Instant T0 = Instant.parse("2026-11-27T02:00:00Z");

  private final InMemoryCalendarVersions store = new InMemoryCalendarVersions();
  private final MutableClock clock = new MutableClock(T0);
  private final ShippedCalendars shipped =
      year ->
          year == 2030
              ? Optional.of(
                  new ShippedCalendars.Shipped(TestCalendarEntries.newYearOnly(2030), true))
              : Optional.empty();
  private final CalendarsInForce inForce =
      new CalendarsInForce(store, shipped, Duration.ofMinutes(1), clock);

  @Test
  void aShippedYear_isInForceUntilAVersionIsStored_thenTheStoredOneIs() {
    assertThat(inForce.forYear(2030).map(WorkingDayCalendar::source))
        .contains("测试用虚构安排（非国务院办公厅通知）");
    assertThat(inForce.forYear(2030).map(WorkingDayCalendar::confirmed)).contains(true);
    assertThat(inForce.origin(2030)).isEqualTo(CalendarsInForce.Origin.SHIPPED);

    store.add(version(withSource(2030, "员工录入的版本"), 1));
    clock.advance(Duration.ofSeconds(61));

    assertThat(inForce.forYear(2030).map(WorkingDayCalendar::source)).contains("员工录入的版本");
    assertThat(inForce.forYear(2030).map(WorkingDayCalendar::confirmed)).contains(false);
    assertThat(inForce.origin(2030)).isEqualTo(CalendarsInForce.Origin.STORED);
  }

  @Test
  void aYearNobodyEntered_isMissing_andTheAnswerIsKeptForAMinuteToo() {
    assertThat(inForce.forYear(2031)).isEmpty();
    assertThat(inForce.origin(2031)).isEqualTo(CalendarsInForce.Origin.MISSING);
    int reads = store.reads();

    // another container saves 2031: this one keeps its answer for the rest of the minute …
    store.add(version(TestCalendarEntries.madeUp2031(), 1));
    clock.advance(Duration.ofSeconds(59));
    for (int i = 0; i < 100; i++) {
      assertThat(inForce.forYear(2031)).isEmpty();
    }
    assertThat(store.reads()).isEqualTo(reads);

    // … and reads the store again after it
    clock.advance(Duration.ofSeconds(2));
    assertThat(inForce.forYear(2031)).isPresent();
    assertThat(store.reads()).isEqualTo(reads + 1);
  }

  @Test
  void theContainerThatSaved_usesTheNewVersionAtOnce() {
    assertThat(inForce.forYear(2031)).isEmpty();
    store.add(version(TestCalendarEntries.madeUp2031(), 1));

    inForce.refresh(2031);

    assertThat(inForce.forYear(2031)).isPresent();
  }

  @Test
  void anUnreadableStore_keepsTheLastAnswer_orFailsWhenThereIsNone() {
    store.add(version(TestCalendarEntries.madeUp2031(), 1));
    assertThat(inForce.forYear(2031)).isPresent();
    store.failWith(new IllegalStateException("table unreachable"));
    clock.advance(Duration.ofMinutes(2));

    assertThat(inForce.forYear(2031)).isPresent();
    assertThatThrownBy(() -> inForce.forYear(2032)).isInstanceOf(IllegalStateException.class);
  }

  private static CalendarEntry withSource(int year, String source) {
    return new CalendarEntry(
        year,
        source,
        Optional.empty(),
        List.of(new HolidayRange("元旦", LocalDate.of(year, 1, 1), LocalDate.of(year, 1, 2))),
        List.of());
  }

  private static CalendarVersion version(CalendarEntry entry, int number) {
    return new CalendarVersion(entry, number, LI, T0, Optional.empty());
  }

  /** A clock the test moves. */
  static final class MutableClock extends Clock {
    private Instant now;

    MutableClock(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
