package cn.gov.liuyang.bizenv.report.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class S3ReportStoreTest {

  @Test
  void asciiNameOfAnObjectKey_namesUnitYearAndVersion() {
    assertThat(S3ReportStore.asciiName("reports/lyyshj/2021/v0003-0123456789ab.pdf"))
        .isEqualTo("lyyshj-2021-v0003.pdf");
  }
}
