package cn.gov.liuyang.bizenv.spending.application;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Whatever a damaged upload looks like, the import answers with findings and never throws. */
class DamagedWorkbookPropertiesTest {
  private static final byte[] XLSX = SpendingWorkbooks.seedMessy();
  private static final byte[] CSV = SpendingWorkbooks.seedCsv();

  @Property(tries = 150)
  void anXlsxWithFlippedBytes_isReadOrRefusedWithReasons(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 1, max = 64) int length) {
    assertAnswered(damage(XLSX, position, value, length));
  }

  @Property(tries = 150)
  void aCsvWithFlippedBytes_isReadOrRefusedWithReasons(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int position,
      @ForAll byte value,
      @ForAll @IntRange(min = 1, max = 16) int length) {
    assertAnswered(damage(CSV, position, value, length));
  }

  private static byte[] damage(byte[] original, int position, byte value, int length) {
    byte[] damaged = original.clone();
    int start = position % damaged.length;
    for (int i = start; i < Math.min(damaged.length, start + length); i++) {
      damaged[i] = value;
    }
    return damaged;
  }

  private static void assertAnswered(byte[] workbook) {
    ParsedWorkbook parsed = Parse.workbook(workbook);
    assertThat(parsed.acceptable() || !parsed.findings().isEmpty()).isTrue();
  }
}
