package cn.gov.liuyang.bizenv.local.runner.s3events;

import java.time.Instant;

/** An object found in a watched bucket; bucket, key, ETag and time together tell one upload. */
record UploadedObject(String bucket, String key, long size, String eTag, Instant lastModified) {

  /** One line of the delivery ledger, tab-separated, the key percent-encoded. */
  String ledgerLine() {
    return String.join(
        "\t",
        bucket,
        java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8),
        eTag,
        Long.toString(lastModified.toEpochMilli()));
  }
}
