package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Hands out short-lived upload links that the storage itself limits to one type and size. */
public interface AttachmentUploads {

  /** A link to PUT exactly this attachment's bytes, with exactly these headers. */
  UploadLink linkFor(Attachment attachment);

  record UploadLink(URI url, String method, Map<String, String> headers, Instant expiresAt) {
    public UploadLink {
      headers = Map.copyOf(headers);
    }
  }
}
