package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Optional;

/**
 * Where a running local stack listens, written by {@code bin/start} to {@code
 * .local-data/endpoints.json} so that other commands ({@code bin/invoke}) can find it.
 */
public record Endpoints(URI api, URI dynamoDb, URI s3, String dataDir, long pid) {
  public static final String FILE_NAME = "endpoints.json";

  public static Optional<Endpoints> read(Path file) {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    try {
      return Optional.of(Json.mapper().readValue(file.toFile(), Endpoints.class));
    } catch (IOException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * Whether the emulators answer on these ports (the file may be left over from a killed stack).
   */
  @JsonIgnore
  public boolean isUp() {
    return Ports.awaitListening(dynamoDb.getPort(), Duration.ofMillis(300))
        && Ports.awaitListening(s3.getPort(), Duration.ofMillis(300));
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    Path temporary = Files.createTempFile(file.getParent(), "endpoints", ".tmp");
    Json.mapper().writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), this);
    Files.move(
        temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
