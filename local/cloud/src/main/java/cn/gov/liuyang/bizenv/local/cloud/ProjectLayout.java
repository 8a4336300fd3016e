package cn.gov.liuyang.bizenv.local.cloud;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the repository is: the folder holding template.yaml, found from the working directory up.
 */
public final class ProjectLayout {
  private ProjectLayout() {}

  public static Path root() {
    String configured = System.getProperty("bizenv.root", System.getenv("BIZENV_ROOT"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured).toAbsolutePath().normalize();
    }
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("template.yaml"))
          && Files.isDirectory(dir.resolve("local"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new LocalCloudException("找不到项目根目录（含 template.yaml 的目录）：请在仓库内运行，或设置 BIZENV_ROOT。");
  }

  public static Path template() {
    return root().resolve("template.yaml");
  }
}
