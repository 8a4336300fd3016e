package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import cn.gov.liuyang.bizenv.local.cloud.ProjectLayout;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * What the local commands read from their environment: the template, the data directory and the
 * ports, each with its default.
 */
record LocalSettings(
    Path root, Path template, Path dataDir, int gatewayPort, int dynamoDbPort, int s3Port) {
  static final String PORT = "BIZENV_PORT";
  static final String DYNAMODB_PORT = "BIZENV_DYNAMODB_PORT";
  static final String S3_PORT = "BIZENV_S3_PORT";
  static final String DATA_DIR = "BIZENV_DATA_DIR";
  static final String TEMPLATE = "BIZENV_TEMPLATE";

  static LocalSettings from(Map<String, String> environment) {
    Path root = ProjectLayout.root();
    return new LocalSettings(
        root,
        value(environment, TEMPLATE).map(Path::of).orElse(root.resolve("template.yaml")),
        value(environment, DATA_DIR)
            .map(Path::of)
            .orElse(root.resolve(".local-data"))
            .toAbsolutePath(),
        port(environment, PORT, 3000),
        port(environment, DYNAMODB_PORT, 8000),
        port(environment, S3_PORT, 9000));
  }

  Path endpointsFile() {
    return dataDir.resolve(Endpoints.FILE_NAME);
  }

  private static Optional<String> value(Map<String, String> environment, String name) {
    return Optional.ofNullable(environment.get(name)).map(String::trim).filter(v -> !v.isEmpty());
  }

  private static int port(Map<String, String> environment, String name, int fallback) {
    Optional<String> text = value(environment, name);
    if (text.isEmpty()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(text.get());
      if (port >= 1 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException ignored) {
      // reported below
    }
    throw new LocalCloudException(name + "=" + text.get() + " 不是有效端口：请设为 1–65535 之间的数字。");
  }
}
