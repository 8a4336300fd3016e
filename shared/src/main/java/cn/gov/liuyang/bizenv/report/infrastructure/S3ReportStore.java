package cn.gov.liuyang.bizenv.report.infrastructure;

import cn.gov.liuyang.bizenv.http.ContentDisposition;
import cn.gov.liuyang.bizenv.report.application.ReportStore;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Report PDFs in the private reports bucket, downloaded through presigned GETs that carry their own
 * {@code response-content-disposition}, so the browser saves the Chinese file name.
 */
public record S3ReportStore(S3Client s3, S3Presigner presigner, String bucket, Clock clock)
    implements ReportStore {
  private static final String PDF = "application/pdf";

  @Override
  public void put(String objectKey, byte[] pdf, String fileName) {
    s3.putObject(
        put ->
            put.bucket(bucket)
                .key(objectKey)
                .contentType(PDF)
                .contentDisposition(ContentDisposition.attachment(fileName, asciiName(objectKey))),
        RequestBody.fromBytes(pdf));
  }

  @Override
  public DownloadLink link(String objectKey, String fileName, Duration validFor) {
    PresignedGetObjectRequest presigned =
        presigner.presignGetObject(
            request ->
                request
                    .signatureDuration(validFor)
                    .getObjectRequest(
                        get ->
                            get.bucket(bucket)
                                .key(objectKey)
                                .responseContentType(PDF)
                                .responseContentDisposition(
                                    ContentDisposition.attachment(
                                        fileName, asciiName(objectKey)))));
    return new DownloadLink(URI.create(presigned.url().toString()), clock.instant().plus(validFor));
  }

  /** {@code reports/lyyshj/2021/v0001-….pdf} → {@code lyyshj-2021-v0001.pdf}. */
  static String asciiName(String objectKey) {
    String[] parts = objectKey.split("/");
    if (parts.length < 4) {
      return "report.pdf";
    }
    String version =
        parts[3].contains("-") ? parts[3].substring(0, parts[3].indexOf('-')) : parts[3];
    return parts[1] + "-" + parts[2] + "-" + version.replace(".pdf", "") + ".pdf";
  }
}
