package cn.gov.liuyang.bizenv.spending.infrastructure;

import cn.gov.liuyang.bizenv.common.Json;
import cn.gov.liuyang.bizenv.http.ContentDisposition;
import cn.gov.liuyang.bizenv.ledger.application.LedgerFiles;
import cn.gov.liuyang.bizenv.spending.application.ResultStore;
import cn.gov.liuyang.bizenv.spending.application.UploadStore;
import cn.gov.liuyang.bizenv.spending.model.UploadKey;
import cn.gov.liuyang.bizenv.spending.model.UploadedObject;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedPutObjectRequest;

/**
 * The upload bucket (workbooks in, through presigned PUTs whose signature covers Content-Type and
 * Content-Length, so S3 refuses any other size or type) and the results bucket (outcome files out,
 * through presigned GETs).
 */
public record S3SpendingFiles(
    S3Client s3, S3Presigner presigner, String uploadBucket, String resultBucket)
    implements UploadStore, ResultStore, LedgerFiles {
  private static final String XLSX_TYPE =
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

  @Override
  public PresignedUpload presignUpload(
      UploadKey key, String contentType, long contentLength, Duration ttl) {
    return presignUpload(key.value(), contentType, contentLength, ttl);
  }

  /** Also the ledgers' upload links (keys under {@code ledgers/}). */
  @Override
  public PresignedUpload presignUpload(
      String key, String contentType, long contentLength, Duration ttl) {
    PresignedPutObjectRequest presigned =
        presigner.presignPutObject(
            p ->
                p.signatureDuration(ttl)
                    .putObjectRequest(
                        o ->
                            o.bucket(uploadBucket)
                                .key(key)
                                .contentType(contentType)
                                .contentLength(contentLength)));
    return new PresignedUpload(
        toUri(presigned.url()),
        "PUT",
        Map.of("content-type", contentType, "content-length", Long.toString(contentLength)),
        presigned.expiration());
  }

  @Override
  public Path download(UploadedObject object, long maxBytes) {
    GetObjectRequest request =
        GetObjectRequest.builder()
            .bucket(object.bucket())
            .key(object.key())
            .applyMutation(
                b -> {
                  if (object.version().startsWith("v:")) {
                    b.versionId(object.version().substring(2));
                  }
                })
            .build();
    try {
      Path file = Files.createTempFile("spending-upload-", ".bin");
      try (InputStream in = s3.getObject(request);
          OutputStream out = Files.newOutputStream(file)) {
        byte[] buffer = new byte[64 * 1024];
        long copied = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
          copied += n;
          if (copied > maxBytes) {
            Files.deleteIfExists(file);
            throw new TooLarge(copied);
          }
          out.write(buffer, 0, n);
        }
      } catch (IOException | RuntimeException e) {
        Files.deleteIfExists(file);
        throw e;
      }
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void putWorkbook(String key, byte[] workbook) {
    put(key, workbook, XLSX_TYPE);
  }

  @Override
  public void putOutcome(String key, Record document) {
    try {
      put(
          key,
          Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(document),
          "application/json");
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void put(String key, byte[] content, String contentType) {
    s3.putObject(
        p -> p.bucket(resultBucket).key(key).contentType(contentType),
        RequestBody.fromBytes(content));
  }

  @Override
  public URI presignDownload(String key, String fileName, Duration ttl) {
    // the ASCII fallback is the object's own name: report.xlsx, outcome.json
    String disposition =
        ContentDisposition.attachment(fileName, key.substring(key.lastIndexOf('/') + 1));
    return toUri(
        presigner
            .presignGetObject(
                g ->
                    g.signatureDuration(ttl)
                        .getObjectRequest(
                            o ->
                                o.bucket(resultBucket)
                                    .key(key)
                                    .responseContentDisposition(disposition)))
            .url());
  }

  private static URI toUri(URL url) {
    try {
      return url.toURI();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
