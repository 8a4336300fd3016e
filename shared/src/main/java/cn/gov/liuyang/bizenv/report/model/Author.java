package cn.gov.liuyang.bizenv.report.model;

import java.util.Objects;

/**
 * The staff member who saved or requested something, from the verified JWT.
 *
 * @param subject the identity provider's stable id ({@code sub})
 * @param name the display name ({@code name} claim), or the subject when there is none
 */
public record Author(String subject, String name) {
  public Author {
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(name, "name");
  }
}
