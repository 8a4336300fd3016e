package cn.gov.liuyang.bizenv.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ContentDispositionTest {

  @Test
  void keepsTheChineseNameInFilenameStar_withAnAsciiFallback() {
    String header = ContentDisposition.attachment("2021年度报告（第1版）.pdf", "lyyshj-2021-v0001.pdf");

    assertThat(header)
        .isEqualTo(
            "attachment; filename=\"lyyshj-2021-v0001.pdf\"; filename*=UTF-8''2021"
                + "%E5%B9%B4%E5%BA%A6%E6%8A%A5%E5%91%8A%EF%BC%88%E7%AC%AC1%E7%89%88%EF%BC%89.pdf");
  }

  @Test
  void percentEncodesEverythingOutsideRfc5987AttrChars() {
    assertThat(ContentDisposition.encode("a b\"'%;.pdf")).isEqualTo("a%20b%22%27%25%3B.pdf");
  }

  @Test
  void theFallbackKeepsOnlyPlainAsciiCharacters() {
    assertThat(ContentDisposition.attachment("结果.json", "outcome \"1\".json"))
        .startsWith("attachment; filename=\"outcome__1_.json\"; ");
  }
}
