package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/demo-2021} against a stack started as {@code bin/start} starts it (data directory,
 * endpoints.json): the seed year (spending workbook, complaint ledger) goes in through the uploads
 * and the report comes out graded 优.
 */
class Demo2021IT {

  @Test
  void loadsTheSeedYearIntoTheRunningStackAndASecondRunReplacesTheLedgerInsteadOfAddingToIt(
      @TempDir Path dataDir) throws Exception {
    // GIVEN a running stack that has written its endpoints to its data directory
    try (LocalBackend backend =
        LocalBackend.start(
            LocalBackend.Options.inMemory(SamTemplate.load()).withDataDir(dataDir))) {
      backend.endpoints(Optional.of(dataDir)).write(dataDir.resolve(Endpoints.FILE_NAME));
      Map<String, String> environment = Map.of("BIZENV_DATA_DIR", dataDir.toString());

      // WHEN the demo runs
      Output first = new Output();
      int firstExit = Demo2021.run(environment, first.out, first.err);

      // THEN the year is loaded and the report is graded 优, with its download link
      assertThat(first.err()).isEmpty();
      assertThat(firstExit).isZero();
      assertThat(first.out())
          .contains("支出合计 385.5 万元")
          .contains("投诉台账：已上传并导入 105 件，统计接口现显示 2021 年收到 105 件")
          .contains("99 分，等级“优”")
          .contains("curl -sS -o '")
          .contains(backend.cloud().s3().endpoint().toString());

      // AND WHEN it runs again, the ledger replaces the earlier import: the year still has 105
      Output second = new Output();
      int secondExit = Demo2021.run(environment, second.out, second.err);
      assertThat(second.err()).isEmpty();
      assertThat(secondExit).isZero();
      assertThat(second.out())
          .contains("已上传并导入 105 件，替换此前导入的台账，统计接口现显示 2021 年收到 105 件")
          .contains("99 分，等级“优”");
    }
  }

  @Test
  void saysInOneLineToRunBinStartWhenNoStackIsRunning(@TempDir Path dataDir) {
    Output output = new Output();

    int exit = Demo2021.run(Map.of("BIZENV_DATA_DIR", dataDir.toString()), output.out, output.err);

    assertThat(exit).isEqualTo(1);
    assertThat(output.out()).isEmpty();
    assertThat(output.err().lines()).singleElement().asString().contains("请先在另一个终端运行 bin/start");
  }

  private static final class Output {
    private final ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    final PrintStream out = new PrintStream(outBytes, true, StandardCharsets.UTF_8);
    final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    String out() {
      return outBytes.toString(StandardCharsets.UTF_8);
    }

    String err() {
      return errBytes.toString(StandardCharsets.UTF_8);
    }
  }
}
