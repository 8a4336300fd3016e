package cn.gov.liuyang.bizenv.http;

/**
 * One thing wrong with one field of a request.
 *
 * @param field the JSON field name (dotted for nested fields), or {@code "body"}
 * @param code a stable upper-case code for programs, e.g. {@code PHONE_INVALID}
 * @param message a sentence in Chinese for the person filling in the form
 */
public record FieldError(String field, String code, String message) {}
