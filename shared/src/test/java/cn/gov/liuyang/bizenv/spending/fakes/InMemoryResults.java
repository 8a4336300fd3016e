package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The results bucket in memory; a download link names the key and the file name it saves as. */
public final class InMemoryResults implements ResultStore {
  /** A stored result file. */
  public record Stored(byte[] content, String contentType) {}

  private final Map<String, Stored> files = new HashMap<>();

  @Override
  public synchronized void put(String key, byte[] content, String contentType) {
    files.put(key, new Stored(content.clone(), contentType));
  }

  public synchronized Optional<Stored> get(String key) {
    return Optional.ofNullable(files.get(key));
  }

  @Override
  public URI presignDownload(String key, String fileName, Duration ttl) {
    return URI.create(
        "https://results.example.invalid/"
            + key
            + "?filename="
            + URLEncoder.encode(fileName, StandardCharsets.UTF_8)
            + "&ttl="
            + ttl.toSeconds());
  }
}
