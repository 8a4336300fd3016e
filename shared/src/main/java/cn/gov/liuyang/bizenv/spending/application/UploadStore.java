package cn.gov.liuyang.bizenv.spending.application;

import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** Where finance's workbooks are uploaded. */
public interface UploadStore {
  /** A link that lets one PUT of exactly {@code contentLength} bytes of {@code contentType}. */
  PresignedUpload presignUpload(
      UploadKey key, String contentType, long contentLength, Duration ttl);

  /**
   * Copies the object into a temporary file that the caller deletes.
   *
   * @throws TooLarge when the object holds more than {@code maxBytes}
   */
  Path download(UploadedObject object, long maxBytes);

  /** A presigned upload: the URL and the headers the PUT must carry exactly. */
  record PresignedUpload(URI url, String method, Map<String, String> headers, Instant expiresAt) {}

  /** The object is larger than the import reads. */
  final class TooLarge extends RuntimeException {
    public TooLarge(long size) {
      super("object of " + size + " bytes or more");
    }
  }
}
