package cn.gov.liuyang.bizenv.local.runner.gateway;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Serves a folder (the mobile form page in {@code web/}) under a path prefix, so the page and the
 * API share one origin locally. In AWS the page is hosted separately; that is what the CORS rules
 * are for.
 */
final class StaticFiles {
  private static final Map<String, String> TYPES =
      Map.ofEntries(
          Map.entry("html", "text/html; charset=utf-8"),
          Map.entry("css", "text/css; charset=utf-8"),
          Map.entry("js", "text/javascript; charset=utf-8"),
          Map.entry("mjs", "text/javascript; charset=utf-8"),
          Map.entry("json", "application/json"),
          Map.entry("svg", "image/svg+xml"),
          Map.entry("png", "image/png"),
          Map.entry("jpg", "image/jpeg"),
          Map.entry("jpeg", "image/jpeg"),
          Map.entry("gif", "image/gif"),
          Map.entry("ico", "image/x-icon"),
          Map.entry("webp", "image/webp"),
          Map.entry("woff2", "font/woff2"),
          Map.entry("txt", "text/plain; charset=utf-8"),
          Map.entry("webmanifest", "application/manifest+json"));

  private final String prefix;
  private final Path root;

  StaticFiles(String prefix, Path root) {
    this.prefix = prefix;
    this.root = root.toAbsolutePath().normalize();
  }

  /** The response for {@code rawPath}, or empty when the path is not under the prefix. */
  Optional<GatewayResponse> serve(String method, String rawPath) {
    String bare = prefix.substring(0, prefix.length() - 1);
    if (rawPath.equals(bare)) {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("location", new ArrayList<>(List.of(prefix)));
      return Optional.of(new GatewayResponse(301, headers, new byte[0]));
    }
    if (!rawPath.startsWith(prefix)) {
      return Optional.empty();
    }
    if (!method.equals("GET") && !method.equals("HEAD")) {
      return Optional.of(GatewayResponse.message(405, "Method Not Allowed"));
    }
    String relative = URLDecoder.decode(rawPath.substring(prefix.length()), StandardCharsets.UTF_8);
    Path file = root.resolve(relative).normalize();
    if (Files.isDirectory(file)) {
      file = file.resolve("index.html");
    }
    if (!file.startsWith(root) || !Files.isRegularFile(file)) {
      return Optional.of(GatewayResponse.message(404, "Not Found"));
    }
    try {
      Map<String, List<String>> headers = new LinkedHashMap<>();
      headers.put("content-type", new ArrayList<>(List.of(typeOf(file))));
      headers.put("cache-control", new ArrayList<>(List.of("no-cache")));
      return Optional.of(new GatewayResponse(200, headers, Files.readAllBytes(file)));
    } catch (IOException e) {
      return Optional.of(GatewayResponse.message(500, "Internal Server Error"));
    }
  }

  private static String typeOf(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    return TYPES.getOrDefault(extension, "application/octet-stream");
  }
}
