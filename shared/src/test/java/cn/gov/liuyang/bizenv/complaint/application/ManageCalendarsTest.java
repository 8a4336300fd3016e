package cn.gov.liuyang.bizenv.complaint.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import cn.gov.liuyang.bizenv.common.Refusal;
import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendarEntries;
import cn.gov.liuyang.bizenv.complaint.model.CalendarEntry;
import cn.gov.liuyang.bizenv.complaint.model.CalendarVersion;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.Officer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Staff save versions of a year's calendar and a second person confirms the newest. */
class ManageCalendarsTest {
  private static final Officer LI = new Officer("officer-li", "李明");
  private static final Officer WANG = new Officer("officer-wang", "王芳");
  private static final Instant NOW = Instant.parse("2026-11-27T02:00:00Z");

  private final InMemoryCalendarVersions store = new InMemoryCalendarVersions();
  private final ShippedCalendars shipped =
      year ->
          year == 2030
              ? Optional.of(
                  new ShippedCalendars.Shipped(TestCalendarEntries.newYearOnly(2030), false))
              : Optional.empty();
  private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
  private final CalendarsInForce inForce =
      new CalendarsInForce(store, shipped, Duration.ofMinutes(1), clock);
  private final ManageCalendars calendars = new ManageCalendars(store, shipped, inForce, clock);

  @Test
  void aYearWithoutStoredVersion_showsTheShippedFileAsVersion0_orIsNotFound() {
    ManageCalendars.Shown shown = calendars.show(2030, OptionalInt.empty());
    assertThat(shown.version()).isZero();
    assertThat(shown.stored()).isEmpty();
    assertThat(shown.inForce()).isTrue();

    Refusal missing =
        catchThrowableOfType(() -> calendars.show(2031, OptionalInt.empty()), Refusal.class);
    assertThat(missing.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    assertThat(missing.code()).isEqualTo("CALENDAR_NOT_FOUND");
  }

  @Test
  void savingMakesNumberedVersions_keepsTheHistory_andPutsTheNewestInForceAtOnce() {
    assertThat(inForce.forYear(2031)).isEmpty();

    ManageCalendars.Result first =
        calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.of(0));
    ManageCalendars.Result second = calendars.save(changed(), WANG, OptionalInt.of(1));

    assertThat(first.changed()).isTrue();
    assertThat(second.changed()).isTrue();
    assertThat(second.shown().version()).isEqualTo(2);
    assertThat(second.shown().confirmed()).isFalse();
    assertThat(second.shown().history()).extracting(CalendarVersion::version).containsExactly(2, 1);
    assertThat(second.shown().stored().orElseThrow().savedBy()).isEqualTo(WANG);
    assertThat(second.shown().stored().orElseThrow().savedAt()).isEqualTo(NOW);
    // the older version is still there as it was
    ManageCalendars.Shown old = calendars.show(2031, OptionalInt.of(1));
    assertThat(old.entry()).isEqualTo(TestCalendarEntries.madeUp2031());
    assertThat(old.inForce()).isFalse();
    // and the newest counts at once in this container
    assertThat(inForce.forYear(2031).orElseThrow().isWorkingDay(LocalDate.parse("2031-01-02")))
        .isFalse();
  }

  @Test
  void theSameContentAgain_writesNothing() {
    calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.empty());

    ManageCalendars.Result again =
        calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.empty());

    assertThat(again.changed()).isFalse();
    assertThat(again.shown().version()).isEqualTo(1);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void savingFromAnOlderVersion_isAConflict_andWritesNothing() {
    calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.of(0));

    Refusal conflict =
        catchThrowableOfType(
            () -> calendars.save(changed(), WANG, OptionalInt.of(0)), Refusal.class);

    assertThat(conflict.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    assertThat(conflict.code()).isEqualTo("CALENDAR_VERSION_CONFLICT");
    assertThat(conflict.details()).containsEntry("currentVersion", 1);
    assertThat(store.size()).isEqualTo(1);
  }

  @Test
  void aSecondPersonConfirmsTheNewestVersion_once() {
    calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.of(0));

    Refusal byAuthor = catchThrowableOfType(() -> calendars.confirm(2031, 1, LI), Refusal.class);
    assertThat(byAuthor.code()).isEqualTo("CONFIRMER_IS_AUTHOR");
    assertThat(store.latest(2031).orElseThrow().confirmed()).isFalse();

    ManageCalendars.Result confirmed = calendars.confirm(2031, 1, WANG);
    assertThat(confirmed.changed()).isTrue();
    assertThat(confirmed.shown().confirmed()).isTrue();
    CalendarVersion.Confirmation by =
        confirmed.shown().stored().orElseThrow().confirmation().orElseThrow();
    assertThat(by.by()).isEqualTo(WANG);
    assertThat(by.at()).isEqualTo(NOW);
    assertThat(inForce.forYear(2031).orElseThrow().confirmed()).isTrue();

    ManageCalendars.Result again = calendars.confirm(2031, 1, WANG);
    assertThat(again.changed()).isFalse();
  }

  @Test
  void confirmingAnythingButTheNewestStoredVersion_isRefused() {
    Refusal nothing = catchThrowableOfType(() -> calendars.confirm(2031, 1, WANG), Refusal.class);
    assertThat(nothing.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);

    Refusal shippedOnly =
        catchThrowableOfType(() -> calendars.confirm(2030, 0, WANG), Refusal.class);
    assertThat(shippedOnly.code()).isEqualTo("CALENDAR_NOT_STORED");

    calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.of(0));
    calendars.save(changed(), LI, OptionalInt.of(1));
    Refusal stale = catchThrowableOfType(() -> calendars.confirm(2031, 1, WANG), Refusal.class);
    assertThat(stale.code()).isEqualTo("CALENDAR_VERSION_CONFLICT");
    assertThat(store.version(2031, 1).orElseThrow().confirmed()).isFalse();

    // a new version after a confirmation is unconfirmed again
    calendars.confirm(2031, 2, WANG);
    ManageCalendars.Result third =
        calendars.save(TestCalendarEntries.madeUp2031(), LI, OptionalInt.of(2));
    assertThat(third.shown().version()).isEqualTo(3);
    assertThat(third.shown().confirmed()).isFalse();
  }

  private static CalendarEntry changed() {
    CalendarEntry base = TestCalendarEntries.madeUp2031();
    return new CalendarEntry(
        2031,
        base.source(),
        base.note(),
        List.of(
            new HolidayRange("元旦", LocalDate.parse("2031-01-01"), LocalDate.parse("2031-01-02")),
            base.daysOff().get(1)),
        base.weekendWorkingDays());
  }
}
