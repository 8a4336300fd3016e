package cn.gov.liuyang.bizenv.http;

import java.io.ByteArrayOutputStream;

/**
 * Percent-decoding of form names and values and of query strings, strict where {@link
 * java.net.URLDecoder} is lenient: a malformed escape is 400 {@code BODY_MALFORMED}, and the bytes
 * must be strict UTF-8 ({@code %ED%A0%80}, an encoded lone surrogate, is refused, not replaced).
 */
final class FormDecoding {
  private FormDecoding() {}

  static String decode(String text) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '+') {
        bytes.write(' ');
      } else if (c == '%') {
        if (i + 2 >= text.length()) {
          throw JsonReading.structural("BODY_MALFORMED", "表单编码有误");
        }
        int high = Character.digit(text.charAt(i + 1), 16);
        int low = Character.digit(text.charAt(i + 2), 16);
        if (high < 0 || low < 0 || text.charAt(i + 1) > 'f' || text.charAt(i + 2) > 'f') {
          throw JsonReading.structural("BODY_MALFORMED", "表单编码有误");
        }
        bytes.write(high * 16 + low);
        i += 2;
      } else if (c < 0x80) {
        bytes.write(c);
      } else {
        // the body was decoded as UTF-8 already: keep the character as its UTF-8 bytes
        int end = Character.isHighSurrogate(c) && i + 1 < text.length() ? i + 2 : i + 1;
        bytes.writeBytes(text.substring(i, end).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        i = end - 1;
      }
    }
    return JsonReading.utf8(bytes.toByteArray());
  }
}
