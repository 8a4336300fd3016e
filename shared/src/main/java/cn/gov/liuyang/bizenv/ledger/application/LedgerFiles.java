package cn.gov.liuyang.bizenv.ledger.application;

import cn.gov.liuyang.bizenv.spending.application.UploadStore.PresignedUpload;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import java.nio.file.Path;
import java.time.Duration;

/** Where ledgers are uploaded (the uploads bucket, under {@code ledgers/}). */
public interface LedgerFiles {
  /** A link that lets one PUT of exactly {@code contentLength} bytes of {@code contentType}. */
  PresignedUpload presignUpload(String key, String contentType, long contentLength, Duration ttl);

  /** As {@code UploadStore.download}: a temporary file the caller deletes. */
  Path download(UploadedObject object, long maxBytes);
}
