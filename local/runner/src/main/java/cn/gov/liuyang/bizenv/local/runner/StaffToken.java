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
 * {@code bin/staff-token [--name 张三] [--sub officer-1] [--groups a,b] [--units u1,u2]}: prints a
 * staff JWT (12 h) that the local gateway accepts, signed with the key in the data directory. By
 * default it speaks for the three working groups and the seed unit {@code lyyshj}.
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
    List<String> units = StaffIdentity.SEED_UNITS;
    for (int i = 0; i < args.size(); i++) {
      String option = args.get(i);
      if (i + 1 >= args.size()
          || !List.of("--name", "--sub", "--groups", "--units").contains(option)) {
        err.println(
            "用法：bin/staff-token [--name 张三] [--sub officer-1] [--groups"
                + " complaint-officer,finance,evaluation] [--units lyyshj]");
        return 2;
      }
      String value = args.get(++i);
      switch (option) {
        case "--name" -> name = value;
        case "--sub" -> subject = value;
        case "--units" -> units = list(value);
        default -> groups = list(value);
      }
    }
    try {
      LocalSettings settings = LocalSettings.from(environment);
      StaffSigningKey key =
          StaffSigningKey.loadOrCreate(LocalBackend.staffKeyFile(settings.dataDir()));
      StaffTokens tokens = new StaffTokens(key, StaffJwtSettings.LOCAL, Clock.systemUTC());
      out.println(
          tokens.issue(
              new StaffIdentity(subject, name, groups, units), StaffTokens.DEFAULT_VALIDITY));
      return 0;
    } catch (LocalCloudException e) {
      err.println(e.getMessage());
      return 1;
    }
  }

  /** A comma-separated option as the list it names (a shell user's shorthand, not a claim). */
  private static List<String> list(String value) {
    return Arrays.stream(value.split(",")).map(String::trim).filter(g -> !g.isEmpty()).toList();
  }
}
