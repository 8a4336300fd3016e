package cn.gov.liuyang.bizenv.http;

import java.nio.charset.StandardCharsets;

/**
 * An {@code attachment} Content-Disposition that keeps a Chinese file name (RFC 6266 with the RFC
 * 5987 {@code filename*} parameter), with an ASCII {@code filename} for old clients. The one way
 * the functions and the presigned S3 downloads name a file.
 */
public final class ContentDisposition {
  private static final String ATTR_CHARS =
      "!#$&+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

  private ContentDisposition() {}

  public static String attachment(String fileName, String asciiFallback) {
    return "attachment; filename=\""
        + asciiFallback.replaceAll("[^A-Za-z0-9._-]", "_")
        + "\"; filename*=UTF-8''"
        + encode(fileName);
  }

  static String encode(String value) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 128 && ATTR_CHARS.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return encoded.toString();
  }
}
