package cn.gov.liuyang.bizenv.spending.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.Money;
import cn.gov.liuyang.bizenv.spending.application.ParsedWorkbook;
import cn.gov.liuyang.bizenv.spending.fixtures.Parse;
import cn.gov.liuyang.bizenv.spending.fixtures.Seed2021;
import cn.gov.liuyang.bizenv.spending.fixtures.SpendingWorkbooks;
import cn.gov.liuyang.bizenv.spending.model.ProcurementAndAdjustment;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The template round-trips: generated, filled in, imported. */
class FastExcelTemplateWriterTest {

  @Test
  void theOptionalProcurementAndAdjustmentRows_filledIn_importAsEntered() {
    // GIVEN the template with every 基本信息 row filled, a budget reduction included
    ProcurementAndAdjustment entered =
        new ProcurementAndAdjustment(
            Optional.of(Money.ofWanYuan("52.3")),
            Optional.of(Money.ofWanYuan("48.75")),
            Optional.of(Money.ofWanYuan("-12.5")));
    byte[] workbook = SpendingWorkbooks.seedTemplate(entered);

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(workbook);

    // THEN
    assertThat(parsed.findings()).isEmpty();
    assertThat(parsed.procurementAndAdjustment()).isEqualTo(entered);
    assertThat(parsed.staffing()).contains(Seed2021.STAFFING);
  }

  @Test
  void theOptionalRowsLeftEmpty_importAsNotStated() {
    // GIVEN the template filled in without the optional rows
    byte[] workbook = SpendingWorkbooks.seedTemplate();

    // WHEN
    ParsedWorkbook parsed = Parse.workbook(workbook);

    // THEN
    assertThat(parsed.acceptable()).isTrue();
    assertThat(parsed.procurementAndAdjustment()).isEqualTo(ProcurementAndAdjustment.NONE);
  }
}
