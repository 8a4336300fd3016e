package cn.gov.liuyang.bizenv.spending.model;

import java.util.Objects;

/**
 * The stored object an upload produced, as the object-created notification names it. Its {@link
 * #version()} (S3 version id, or ETag where versioning is off) tells a redelivery from a new
 * upload.
 */
public record UploadedObject(String bucket, String key, String version, long size) {
  public UploadedObject {
    Objects.requireNonNull(bucket, "bucket");
    Objects.requireNonNull(key, "key");
    version = version == null ? "" : version;
  }
}
