package cn.gov.liuyang.bizenv.complaint.application;

import cn.gov.liuyang.bizenv.common.Sha256;
import cn.gov.liuyang.bizenv.complaint.model.ComplaintKind;
import cn.gov.liuyang.bizenv.complaint.model.Contact;
import cn.gov.liuyang.bizenv.complaint.model.CreditCode;
import cn.gov.liuyang.bizenv.complaint.model.Enterprise;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A validated complaint as the complainant submitted it.
 *
 * @param contact empty when filed anonymously
 * @param idempotencyKey the client's Idempotency-Key header, when sent
 */
public record FileComplaintCommand(
    ComplaintKind kind,
    String subject,
    String description,
    Enterprise enterprise,
    Optional<Contact> contact,
    Optional<String> idempotencyKey) {

  /**
   * SHA-256 over the submitted content (not the key): two submissions with the same key must have
   * the same fingerprint to count as one. Each field is length-prefixed so no two contents collide.
   */
  public String fingerprint() {
    StringBuilder canonical = new StringBuilder();
    Stream.of(
            kind.name(),
            subject,
            description,
            enterprise.name().orElse(""),
            enterprise.creditCode().map(CreditCode::value).orElse(""),
            contact.map(c -> c.name().value()).orElse(""),
            contact.map(c -> c.phone().value()).orElse(""))
        .forEach(field -> canonical.append(field.length()).append(':').append(field).append(';'));
    return sha256Hex(canonical.toString());
  }

  static String sha256Hex(String text) {
    return Sha256.hex(text);
  }
}
