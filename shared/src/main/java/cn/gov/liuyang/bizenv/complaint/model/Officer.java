package cn.gov.liuyang.bizenv.complaint.model;

/**
 * The staff member acting, as the identity provider's token names them ({@code sub}, {@code name}).
 */
public record Officer(String id, String name) {
  public Officer {
    if (id == null || id.isBlank()) {
      throw new IllegalArgumentException("officer id is blank");
    }
    if (name == null || name.isBlank()) {
      name = id;
    }
  }
}
