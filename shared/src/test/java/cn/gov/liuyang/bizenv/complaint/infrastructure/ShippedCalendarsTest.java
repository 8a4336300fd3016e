package cn.gov.liuyang.bizenv.complaint.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.gov.liuyang.bizenv.complaint.application.ShippedCalendars;
import cn.gov.liuyang.bizenv.complaint.model.HolidayRange;
import cn.gov.liuyang.bizenv.complaint.model.MissingCalendarException;
import cn.gov.liuyang.bizenv.complaint.model.TimeLimits;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDayCalendar;
import cn.gov.liuyang.bizenv.complaint.model.WorkingDays;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** Deadline arithmetic on the shipped 2021 calendar (国办发明电〔2020〕27号). */
class ShippedCalendarsTest {
  private final WorkingDays workingDays = new WorkingDays(new ClasspathWorkingDayCalendars());

  private static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }

  @Test
  void springFestival2021_theWeekOffDoesNotCount_andTheMakeUpSaturdayDoes() {
    // GIVEN a complaint filed on Wednesday 10 February 2021, the eve of the 11–17 February break
    // WHEN it has 3 working days to be accepted
    // THEN Thu 18 and Fri 19 count, and so does Saturday 20 February, a make-up working day
    assertThat(workingDays.addTo(date("2021-02-10"), 3)).isEqualTo(date("2021-02-20"));
  }

  @Test
  void theSundayBeforeSpringFestival2021_isAWorkingDay() {
    assertThat(workingDays.isWorkingDay(date("2021-02-07"))).isTrue();
    assertThat(workingDays.addTo(date("2021-02-05"), 1)).isEqualTo(date("2021-02-07"));
  }

  @Test
  void nationalDay2021_skipsTheGoldenWeek_andCountsTheMakeUpDaysAroundIt() {
    // 26 September (Sun) and 9 October (Sat) are worked; 1–7 October are off
    assertThat(workingDays.addTo(date("2021-09-25"), 1)).isEqualTo(date("2021-09-26"));
    assertThat(workingDays.addTo(date("2021-09-30"), 1)).isEqualTo(date("2021-10-08"));
    assertThat(workingDays.addTo(date("2021-09-30"), 2)).isEqualTo(date("2021-10-09"));
    // 29, 30 Sep, 8, 9 (Sat), 11–15, 18–22, 25 Oct
    assertThat(workingDays.addTo(date("2021-09-28"), 15)).isEqualTo(date("2021-10-25"));
  }

  @Test
  void aStartOnAHolidayCountsFromTheNextWorkingDay() {
    assertThat(workingDays.addTo(date("2021-10-03"), 1)).isEqualTo(date("2021-10-08"));
  }

  @Test
  void between_countsTheWorkingDaysAfterTheFirstDateUpToTheSecond() {
    assertThat(workingDays.between(date("2021-02-10"), date("2021-02-20"))).isEqualTo(3);
    assertThat(workingDays.between(date("2021-09-30"), date("2021-10-08"))).isEqualTo(1);
    assertThat(workingDays.between(date("2021-10-08"), date("2021-10-08"))).isZero();
  }

  @Test
  void aYearWithoutACalendar_isAnExplicitError_notWeekdaysOnly() {
    assertThatThrownBy(() -> workingDays.addTo(date("2030-03-02"), 3))
        .isInstanceOfSatisfying(
            MissingCalendarException.class, e -> assertThat(e.year()).isEqualTo(2030));
  }

  @Test
  void theCurrentYearShips_markedUnconfirmedUntilCheckedAgainstTheNotice() {
    WorkingDayCalendar calendar = new ClasspathWorkingDayCalendars().forYear(2026).orElseThrow();

    assertThat(calendar.confirmed()).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-16"))).isFalse();
    assertThat(calendar.isWorkingDay(date("2026-02-14"))).isTrue();
  }

  @Test
  void the2026File_readsAsNamedRanges_withItsMakeUpDays_stillUnconfirmed() {
    ShippedCalendars.Shipped file = new ClasspathWorkingDayCalendars().shipped(2026).orElseThrow();

    assertThat(file.confirmed()).isFalse();
    assertThat(file.entry().source()).contains("国办发明电〔2025〕7号");
    assertThat(file.entry().note()).hasValueSatisfying(note -> assertThat(note).contains("待核对"));
    assertThat(file.entry().daysOff())
        .containsExactly(
            new HolidayRange("元旦", date("2026-01-01"), date("2026-01-03")),
            new HolidayRange("春节", date("2026-02-15"), date("2026-02-23")),
            new HolidayRange("清明节", date("2026-04-04"), date("2026-04-06")),
            new HolidayRange("劳动节", date("2026-05-01"), date("2026-05-05")),
            new HolidayRange("端午节", date("2026-06-19"), date("2026-06-21")),
            new HolidayRange("中秋节", date("2026-09-25"), date("2026-09-27")),
            new HolidayRange("国庆节", date("2026-10-01"), date("2026-10-07")));
    assertThat(file.entry().weekendWorkingDays())
        .containsExactly(
            date("2026-01-04"),
            date("2026-02-14"),
            date("2026-02-28"),
            date("2026-05-09"),
            date("2026-09-20"),
            date("2026-10-10"));
  }

  @Test
  void timeLimits_areReadFromConfiguration_andRefuseNonsense() {
    assertThat(TimeLimits.parse("accept=1,handle=10")).contains(new TimeLimits(1, 10, 5));
    assertThat(TimeLimits.parse("accept=0")).isEmpty();
    assertThat(TimeLimits.parse("handle=x")).isEmpty();
    assertThat(TimeLimits.parse("later=3")).isEmpty();
  }
}
