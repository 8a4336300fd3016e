package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffIdentity;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import java.io.PrintStream;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * {@code bin/staff-token [--name 张三] [--sub officer-1] [--groups a,b]}: prints a staff JWT (12 h)
 * that the local gateway accepts, signed with the key in the data directory.
 */
public final class StaffToken {
  private StaffToken() {}

  public static void main(String[] args) {
    System.exit(run(List.of(args), System.getenv(), System.out, System.err));
  }

  static int run(
      List<String> args, Map<String, String> environment, PrintStream out, PrintStream err) {
    String name = "本地测试员";
    String subject = "local-staff-1";
    List<String> groups = StaffIdentity.ALL_GROUPS;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size() || !List.of("--name", "--sub", "--groups").contains(option)) {
        err.println(
            "用法：bin/staff-token [--name 张三] [--sub officer-1] [--groups"
                + " complaint-officer,finance,evaluation]");
        return 2;
      }
      String value = args.get(++i);
      switch (option) {
        case "--name" -> name = value;
        case "--sub" -> subject = value;
        default ->
            groups =
                Arrays.stream(value.split(","))
                    .map(String::trim)
                    .filter(g -> !g.isEmpty())
                    .toList();
      }
    }
    try {
      LocalSettings settings = LocalSettings.from(environment);
      StaffSigningKey key =
          StaffSigningKey.loadOrCreate(LocalBackend.staffKeyFile(settings.dataDir()));
      StaffTokens tokens = new StaffTokens(key, StaffJwtSettings.LOCAL, Clock.systemUTC());
      out.println(
          tokens.issue(new StaffIdentity(subject, name, groups), StaffTokens.DEFAULT_VALIDITY));
      return 0;
    } catch (LocalCloudException e) {
      err.println(e.getMessage());
      return 1;
    }
  }
}
