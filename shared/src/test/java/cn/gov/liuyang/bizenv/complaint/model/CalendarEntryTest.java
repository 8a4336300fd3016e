package cn.gov.liuyang.bizenv.complaint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.complaint.fixtures.TestCalendarEntries;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A calendar as entered: its content, its invariants, and the calendar deadlines count on. */
class CalendarEntryTest {
  private static LocalDate d(String iso) {
    return LocalDate.parse(iso);
  }

  private static CalendarEntry entry(List<HolidayRange> off, List<LocalDate> working) {
    return new CalendarEntry(2031, "测试", Optional.empty(), off, working);
  }

  @Test
  void theSameContentTypedInAnotherOrder_isTheSameEntry() {
    HolidayRange newYear = new HolidayRange("元旦", d("2031-01-01"), d("2031-01-01"));
    HolidayRange may = new HolidayRange("劳动节", d("2031-05-01"), d("2031-05-05"));
    CalendarEntry one = entry(List.of(may, newYear), List.of(d("2031-05-10"), d("2031-04-27")));
    CalendarEntry other = entry(List.of(newYear, may), List.of(d("2031-04-27"), d("2031-05-10")));

    assertThat(one).isEqualTo(other);
    assertThat(one.daysOff()).containsExactly(newYear, may);
    assertThat(one.weekendWorkingDays()).containsExactly(d("2031-04-27"), d("2031-05-10"));
  }

  @Test
  void theCalendar_hasEveryDayOfEachRangeOff_andTheMakeUpSundayWorked() {
    WorkingDayCalendar calendar = TestCalendarEntries.madeUp2031().calendar(false);

    assertThat(calendar.isWorkingDay(d("2031-01-01"))).isFalse(); // Wednesday, 元旦
    assertThat(calendar.isWorkingDay(d("2031-01-02"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2031-05-05"))).isFalse(); // Monday inside 劳动节
    assertThat(calendar.isWorkingDay(d("2031-05-06"))).isTrue();
    assertThat(calendar.isWorkingDay(d("2031-04-27"))).isTrue(); // the make-up Sunday
    assertThat(calendar.isWorkingDay(d("2031-05-11"))).isFalse(); // an ordinary Sunday
    assertThat(calendar.confirmed()).isFalse();
    assertThat(calendar.source()).isEqualTo("测试用虚构安排（非国务院办公厅通知）");
  }

  @Test
  void whatTheRoutesRefuse_cannotBeBuiltEither() {
    HolidayRange newYear = new HolidayRange("元旦", d("2031-01-01"), d("2031-01-03"));
    // a date of another year
    assertThatThrownBy(
            () ->
                entry(List.of(new HolidayRange("元旦", d("2030-12-31"), d("2031-01-01"))), List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    // overlapping ranges
    assertThatThrownBy(
            () ->
                entry(
                    List.of(newYear, new HolidayRange("又一个", d("2031-01-03"), d("2031-01-04"))),
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    // a make-up day on a Tuesday
    assertThatThrownBy(() -> entry(List.of(newYear), List.of(d("2031-03-04"))))
        .isInstanceOf(IllegalArgumentException.class);
    // a make-up day inside a range (Saturday 4 January inside 元旦 1–4 January)
    assertThatThrownBy(
            () ->
                entry(
                    List.of(new HolidayRange("元旦", d("2031-01-01"), d("2031-01-04"))),
                    List.of(d("2031-01-04"))))
        .isInstanceOf(IllegalArgumentException.class);
    // the same make-up day twice
    assertThatThrownBy(() -> entry(List.of(newYear), List.of(d("2031-04-27"), d("2031-04-27"))))
        .isInstanceOf(IllegalArgumentException.class);
    // a reversed or nameless range
    assertThatThrownBy(() -> new HolidayRange("元旦", d("2031-01-03"), d("2031-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new HolidayRange(" ", d("2031-01-01"), d("2031-01-01")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
