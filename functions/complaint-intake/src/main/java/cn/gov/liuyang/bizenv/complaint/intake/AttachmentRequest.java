package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import cn.gov.liuyang.bizenv.http.JsonBody;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/** {@code POST /complaints/{n}/attachments}: the file's content type and size in bytes. */
record AttachmentRequest(String contentType, long size) {

  static AttachmentRequest read(HttpApiEvent event) {
    JsonBody body = JsonBody.parse(event, 4 * 1024);
    String contentType = body.requiredText("contentType", "文件类型", 100);
    if (contentType != null) {
      contentType = contentType.toLowerCase(Locale.ROOT);
      if (!Attachment.CONTENT_TYPES.contains(contentType)) {
        body.reject("contentType", "CONTENT_TYPE_NOT_ALLOWED", "只能上传 JPG、PNG、WebP、HEIC 照片或 PDF 文件");
      }
    }
    long size = 0;
    JsonNode raw = body.raw("size");
    if (raw == null || raw.isNull()) {
      body.reject("size", "REQUIRED", "请提供文件大小");
    } else if (!raw.isIntegralNumber() || !raw.canConvertToLong() || raw.longValue() < 1) {
      body.reject("size", "TYPE_MISMATCH", "文件大小应为正整数（字节）");
    } else if (raw.longValue() > Attachment.MAX_SIZE) {
      body.reject("size", "FILE_TOO_LARGE", "单个文件不能超过 10 MB");
    } else {
      size = raw.longValue();
    }
    body.throwIfInvalid();
    return new AttachmentRequest(contentType, size);
  }
}
