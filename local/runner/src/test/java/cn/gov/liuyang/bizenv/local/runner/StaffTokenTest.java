package cn.gov.liuyang.bizenv.local.runner;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtAuthorizer;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/staff-token}: a token the gateway of the same data directory accepts. */
class StaffTokenTest {
  @TempDir Path dataDir;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int staffToken(String... args) {
    return StaffToken.run(
        List.of(args),
        Map.of("BIZENV_DATA_DIR", dataDir.toString()),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void printsATokenSignedWithTheDataDirectorysKey_carryingTheGivenIdentity() {
    int exitCode =
        staffToken("--name", "张三", "--sub", "officer-9", "--groups", "finance,evaluation");

    assertThat(exitCode).isZero();
    StaffJwtAuthorizer gateway =
        new StaffJwtAuthorizer(
            StaffSigningKey.loadOrCreate(LocalBackend.staffKeyFile(dataDir)),
            StaffJwtSettings.LOCAL);
    var claims =
        gateway
            .verify(Optional.of(out.toString(StandardCharsets.UTF_8).strip()))
            .orElseThrow()
            .claims();
    assertThat(claims)
        .containsEntry("name", "张三")
        .containsEntry("sub", "officer-9")
        .containsEntry("groups", "[finance evaluation]")
        .containsEntry("units", "[lyyshj]");
    long validity = Long.parseLong(claims.get("exp")) - Long.parseLong(claims.get("iat"));
    assertThat(validity).isEqualTo(12 * 3600);
  }

  @Test
  void theUnitsTheTokenActsForCanBeNamed() {
    int exitCode = staffToken("--groups", "finance", "--units", "jiedao-2, lyyshj");

    assertThat(exitCode).isZero();
    StaffJwtAuthorizer gateway =
        new StaffJwtAuthorizer(
            StaffSigningKey.loadOrCreate(LocalBackend.staffKeyFile(dataDir)),
            StaffJwtSettings.LOCAL);
    assertThat(
            gateway
                .verify(Optional.of(out.toString(StandardCharsets.UTF_8).strip()))
                .orElseThrow()
                .claims())
        .containsEntry("units", "[jiedao-2 lyyshj]");
  }

  @Test
  void anUnknownOption_printsUsage() {
    int exitCode = staffToken("--role", "admin");

    assertThat(exitCode).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("用法");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
  }
}
