package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.UncheckedIOException;
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
  public synchronized void putWorkbook(String key, byte[] workbook) {
    files.put(
        key,
        new Stored(
            workbook.clone(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
  }

  /** Written as the adapter writes it: the document as JSON. */
  @Override
  public synchronized void putOutcome(String key, Record document) {
    try {
      files.put(key, new Stored(Json.mapper().writeValueAsBytes(document), "application/json"));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
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
