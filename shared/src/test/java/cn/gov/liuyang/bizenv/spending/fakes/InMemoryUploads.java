package cn.gov.liuyang.bizenv.spending.fakes;

import cn.gov.liuyang.bizenv.spending.application.UploadStore;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The uploads bucket in memory: objects by key and version, and the presigned links handed out (so
 * tests can see what was signed).
 */
public final class InMemoryUploads implements UploadStore {
  /** One call of {@link #presignUpload}, as signed. */
  public record Signed(UploadKey key, String contentType, long contentLength, Duration ttl) {}

  private final Map<String, byte[]> objects = new HashMap<>();
  private final List<Signed> signed = new ArrayList<>();
  private final Clock clock;
  private int versions;

  public InMemoryUploads(Clock clock) {
    this.clock = clock;
  }

  /** Stores an object as a PUT through the link would, and returns what the event names. */
  public synchronized UploadedObject put(String key, byte[] content) {
    String version = "v" + ++versions;
    objects.put(key + "@" + version, content.clone());
    return new UploadedObject("uploads", key, version, content.length);
  }

  public synchronized List<Signed> signed() {
    return List.copyOf(signed);
  }

  @Override
  public synchronized PresignedUpload presignUpload(
      UploadKey key, String contentType, long contentLength, Duration ttl) {
    signed.add(new Signed(key, contentType, contentLength, ttl));
    return new PresignedUpload(
        URI.create("https://uploads.example.invalid/" + key.value()),
        "PUT",
        Map.of("Content-Type", contentType, "Content-Length", Long.toString(contentLength)),
        clock.instant().plus(ttl));
  }

  @Override
  public synchronized Path download(UploadedObject object, long maxBytes) {
    byte[] content = objects.get(object.key() + "@" + object.version());
    if (content == null) {
      throw new IllegalStateException("no such object: " + object);
    }
    if (content.length > maxBytes) {
      throw new TooLarge(content.length);
    }
    try {
      Path file = Files.createTempFile("upload-", ".bin");
      Files.write(file, content);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
