package cn.gov.liuyang.bizenv.complaint.model;

import java.time.Instant;
import java.util.Set;

/**
 * A photo or PDF the complainant adds, stored privately under {@link #objectKey}.
 *
 * @param id random, part of the object key
 * @param size bytes, as declared and enforced by the signed upload
 */
public record Attachment(
    String id, TrackingNumber trackingNumber, String contentType, long size, Instant at) {
  public static final Set<String> CONTENT_TYPES =
      Set.of("image/jpeg", "image/png", "image/webp", "image/heic", "application/pdf");
  public static final long MAX_SIZE = 10L * 1024 * 1024;

  public Attachment {
    if (!CONTENT_TYPES.contains(contentType) || size < 1 || size > MAX_SIZE) {
      throw new IllegalArgumentException("attachment type or size not allowed");
    }
  }

  public String objectKey() {
    return "complaints/" + trackingNumber.value() + "/" + id;
  }
}
