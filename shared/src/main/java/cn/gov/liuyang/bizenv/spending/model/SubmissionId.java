package cn.gov.liuyang.bizenv.spending.model;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/** Identifies one upload of a workbook (一次提交), whatever becomes of it. */
public record SubmissionId(String value) {
  private static final Pattern SHAPE = Pattern.compile("[0-9a-f]{32}");

  public SubmissionId {
    if (value == null || !SHAPE.matcher(value).matches()) {
      throw new IllegalArgumentException("submission id must be 32 hex digits: " + value);
    }
  }

  public static SubmissionId random() {
    return new SubmissionId(UUID.randomUUID().toString().replace("-", ""));
  }

  public static Optional<SubmissionId> parse(String text) {
    return text != null && SHAPE.matcher(text).matches()
        ? Optional.of(new SubmissionId(text))
        : Optional.empty();
  }

  @Override
  public String toString() {
    return value;
  }
}
