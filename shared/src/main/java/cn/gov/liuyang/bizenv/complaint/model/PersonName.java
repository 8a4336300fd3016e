package cn.gov.liuyang.bizenv.complaint.model;

/** A contact person's name; shown to the public only masked. */
public record PersonName(String value) {
  public PersonName {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("name is blank");
    }
  }

  /** Keeps the first character (the family name): {@code 张**}. */
  public String masked() {
    int first = value.offsetByCodePoints(0, 1);
    int rest = value.codePointCount(first, value.length());
    return value.substring(0, first) + "*".repeat(Math.max(1, rest));
  }

  @Override
  public String toString() {
    return masked();
  }
}
