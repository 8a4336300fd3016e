package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** Where attachments are kept; reached only through short-lived signed links. */
public interface AttachmentStore {

  /** A link to PUT exactly this attachment's bytes, with exactly these headers. */
  UploadLink linkFor(Attachment attachment);

  /** A short-lived link for an officer to download the attachment. */
  URI downloadLink(Attachment attachment);

  record UploadLink(URI url, String method, Map<String, String> headers, Instant expiresAt) {
    public UploadLink {
      headers = Map.copyOf(headers);
    }
  }
}
