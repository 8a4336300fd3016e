package cn.gov.liuyang.bizenv.spending.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.common.FiscalYear;
import cn.gov.liuyang.bizenv.common.UnitId;
import org.junit.jupiter.api.Test;

class UploadKeyTest {
  @Test
  void xlsFiles_areUploadedAsExcel97Workbooks_andWpsEtOrOdsAreNotTaken() {
    assertThat(UploadKey.FileFormat.ofFileName("2021年决算.XLS")).contains(UploadKey.FileFormat.XLS);
    // the upload route answers these with how to save them as .xlsx
    assertThat(UploadKey.FileFormat.ofFileName("决算.et")).isEmpty();
    assertThat(UploadKey.FileFormat.XLS.contentType()).isEqualTo("application/vnd.ms-excel");
    assertThat(UploadKey.FileFormat.ofFileName("决算.ods")).isEmpty();
  }

  @Test
  void anXlsKey_readsBack() {
    UploadKey key =
        new UploadKey(
            new UnitId("lyyshj"),
            new FiscalYear(2021),
            SubmissionId.random(),
            UploadKey.FileFormat.XLS);

    assertThat(key.value()).endsWith(".xls");
    assertThat(UploadKey.parse(key.value())).contains(key);
  }
}
