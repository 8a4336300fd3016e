package cn.gov.liuyang.bizenv.local.runner.gateway;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP request as the gateway received it.
 *
 * @param headers names in lower case, each with its values in arrival order
 * @param rawQuery the query string exactly as sent, without '?' (empty when none)
 */
record GatewayRequest(
    String method,
    String rawPath,
    String rawQuery,
    String protocol,
    Map<String, List<String>> headers,
    byte[] body,
    String sourceIp) {

  Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }
}
