package cn.gov.liuyang.bizenv.complaint.infrastructure;

import cn.gov.liuyang.bizenv.complaint.application.AttachmentStore;
import cn.gov.liuyang.bizenv.complaint.model.Attachment;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * Attachments in the private S3 bucket, reached by presigned links. Uploads are presigned PUTs. SDK
 * v2 has no presigned POST policy; a PUT whose signature covers {@code Content-Type} and {@code
 * Content-Length} is the equivalent S3 enforces: any other type or size breaks the signature and S3
 * refuses the upload.
 */
public record S3AttachmentStore(S3Presigner presigner, String bucket) implements AttachmentStore {
  private static final Duration VALID_FOR = Duration.ofMinutes(10);
  private static final Duration DOWNLOAD_VALID_FOR = Duration.ofMinutes(5);

  @Override
  public UploadLink linkFor(Attachment attachment) {
    PutObjectRequest put =
        PutObjectRequest.builder()
            .bucket(bucket)
            .key(attachment.objectKey())
            .contentType(attachment.contentType())
            .contentLength(attachment.size())
            .build();
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(p -> p.signatureDuration(VALID_FOR).putObjectRequest(put));
    try {
      return new UploadLink(
          presigned.url().toURI(),
          "PUT",
          Map.of(
              "content-type", attachment.contentType(),
              "content-length", Long.toString(attachment.size())),
          presigned.expiration());
    } catch (URISyntaxException e) {
      throw new IllegalStateException("presigner made an invalid URL", e);
    }
  }

  @Override
  public URI downloadLink(Attachment attachment) {
    try {
      return presigner
          .presignGetObject(
              p ->
                  p.signatureDuration(DOWNLOAD_VALID_FOR)
                      .getObjectRequest(g -> g.bucket(bucket).key(attachment.objectKey())))
          .url()
          .toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException("presigner made an invalid URL", e);
    }
  }
}
