package cn.gov.liuyang.bizenv.local.runner.s3events;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** An object found in a watched bucket; bucket, key, ETag and time together tell one upload. */
record UploadedObject(String bucket, String key, long size, String eTag, Instant lastModified) {

  /** One line of the delivery ledger, tab-separated, the key percent-encoded. */
  String ledgerLine() {
    return String.join(
        "\t",
        bucket,
        URLEncoder.encode(key, StandardCharsets.UTF_8),
        eTag,
        Long.toString(lastModified.toEpochMilli()));
  }
}
