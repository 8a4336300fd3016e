package cn.gov.liuyang.bizenv.complaint.intake;

import cn.gov.liuyang.bizenv.http.ApiProblem;
import cn.gov.liuyang.bizenv.http.HttpApiEvent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The partners that may file and read Open311 requests, each known by the SHA-256 of its API key.
 *
 * <p>The list comes from the template parameter {@code Open311PartnerKeys} through the variable
 * {@code OPEN311_PARTNER_KEYS}: {@code name:sha256hex,name:sha256hex}. Only hashes are deployed, so
 * the template, the stack's parameters and the function's environment hold nothing that opens the
 * API, and the function needs no permission to read a secret. Blank: no partner, and every keyed
 * route answers 401.
 *
 * <p>A key travels in the {@code X-Api-Key} header (or, on a POST, GeoReport's {@code api_key}
 * field of the body); never in a URL, where logs and browser histories keep it.
 */
final class Open311Partners {
  static final String VARIABLE = "OPEN311_PARTNER_KEYS";
  static final String HEADER = "x-api-key";
  private static final Pattern ENTRY = Pattern.compile("([a-z0-9][a-z0-9-]{0,31}):([0-9a-f]{64})");

  /** One partner: its name (for logs) and the SHA-256 of its key. */
  record Partner(String name, byte[] keyHash) {}

  private final List<Partner> partners;

  private Open311Partners(List<Partner> partners) {
    this.partners = List.copyOf(partners);
  }

  /**
   * Reads {@code name:sha256hex,…}; blank is no partner.
   *
   * @throws IllegalArgumentException on an entry of another shape (a key in clear among them), so a
   *     wrong deployment fails at once rather than locking partners out in silence
   */
  static Open311Partners parse(String list) {
    List<Partner> partners = new ArrayList<>();
    for (String entry : list == null ? new String[0] : list.split(",")) {
      if (entry.isBlank()) {
        continue;
      }
      var matcher = ENTRY.matcher(entry.strip().toLowerCase(Locale.ROOT));
      if (!matcher.matches()) {
        throw new IllegalArgumentException(
            VARIABLE
                + ": each entry must be name:sha256-hex-of-the-key (entry "
                + (partners.size() + 1)
                + ")");
      }
      partners.add(new Partner(matcher.group(1), HexFormat.of().parseHex(matcher.group(2))));
    }
    return new Open311Partners(partners);
  }

  /** SHA-256 of a key, in hex: what {@code Open311PartnerKeys} lists. */
  static String hashOf(String key) {
    return HexFormat.of().formatHex(sha256(key));
  }

  /**
   * The partner whose key the request carries.
   *
   * @param bodyKey GeoReport's {@code api_key} from a POST body, if any
   * @throws ApiProblem 400 {@code API_KEY_IN_URL} for a key in the query string, 401 {@code
   *     API_KEY_REQUIRED} without a key, 401 {@code API_KEY_INVALID} for a key no partner has
   */
  String require(HttpApiEvent event, Optional<String> bodyKey) {
    if (event.queryStringParameters() != null
        && event.queryStringParameters().keySet().stream()
            .anyMatch(name -> name.strip().toLowerCase(Locale.ROOT).equals("api_key"))) {
      throw ApiProblem.badRequest(
          "API_KEY_IN_URL", "API 密钥不能放在网址里（网址会被记录）：请放在 X-Api-Key 请求头中，并更换已暴露的密钥");
    }
    Optional<String> key =
        event.header(HEADER).or(() -> bodyKey).map(String::strip).filter(k -> !k.isEmpty());
    if (key.isEmpty()) {
      throw new ApiProblem(401, "API_KEY_REQUIRED", "需要合作方的 API 密钥：请放在 X-Api-Key 请求头中");
    }
    byte[] presented = sha256(key.get());
    Partner found = null;
    for (Partner partner : partners) {
      // every entry is compared, in constant time, whichever matches
      if (MessageDigest.isEqual(presented, partner.keyHash()) && found == null) {
        found = partner;
      }
    }
    if (found == null) {
      throw new ApiProblem(401, "API_KEY_INVALID", "API 密钥无效：请核对，或向中心申请");
    }
    return found.name();
  }

  int size() {
    return partners.size();
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
