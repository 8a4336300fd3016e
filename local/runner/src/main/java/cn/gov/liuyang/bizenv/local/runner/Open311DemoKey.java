package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The local stack's Open311 partner: a demo API key, kept in {@code .local-data/open311-demo-key}
 * (created on first use, owner-only) or in memory for tests. The Open311 function sees only its
 * hash, as a deployment's {@code Open311PartnerKeys} parameter gives it; {@code bin/start} prints
 * the key.
 */
public final class Open311DemoKey {
  /** The function's variable that the template fills from {@code Open311PartnerKeys}. */
  public static final String VARIABLE = "OPEN311_PARTNER_KEYS";

  /** The partner name the demo key is logged under. */
  public static final String PARTNER = "local-demo";

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Pattern SHAPE = Pattern.compile("o311-demo-[A-Za-z0-9_-]{32}");

  private final String key;

  private Open311DemoKey(String key) {
    this.key = key;
  }

  /** A fresh key that lives only in memory (tests). */
  public static Open311DemoKey generate() {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    return new Open311DemoKey(
        "o311-demo-" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
  }

  /** Where a data directory keeps the key. */
  public static Path file(Path dataDir) {
    return dataDir.resolve("open311-demo-key");
  }

  /** The key kept in {@code dataDir}, created there on first use. */
  public static synchronized Open311DemoKey loadOrCreate(Path dataDir) {
    Path file = file(dataDir);
    try {
      if (Files.isRegularFile(file)) {
        return read(file);
      }
      Open311DemoKey created = generate();
      Files.createDirectories(dataDir);
      Path temporary = Files.createTempFile(dataDir, "open311-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // no owner-only mode here; the key opens only this machine's local stack
      }
      Files.writeString(temporary, created.key + "\n");
      try {
        // of two commands starting at once, one key wins
        Files.createLink(file, temporary);
        return created;
      } catch (FileAlreadyExistsException anotherCommandWasFirst) {
        return read(file);
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException e) {
      throw new LocalCloudException(
          "无法读取或创建本地 Open311 演示密钥 " + file + "：" + e.getMessage() + "（可删除该文件后重试）", e);
    }
  }

  private static Open311DemoKey read(Path file) throws IOException {
    String key = Files.readString(file).strip();
    if (!SHAPE.matcher(key).matches()) {
      throw new LocalCloudException("本地 Open311 演示密钥 " + file + " 格式不对（可删除该文件，下次启动时重新生成）");
    }
    return new Open311DemoKey(key);
  }

  /** The key, for the banner and for clients. */
  public String key() {
    return key;
  }

  /** {@code local-demo:<sha256 hex>}: the entry {@code Open311PartnerKeys} would list. */
  public String partnerEntry() {
    try {
      return PARTNER
          + ":"
          + HexFormat.of()
              .formatHex(
                  MessageDigest.getInstance("SHA-256")
                      .digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * {@code environment} with the demo partner added to {@link #VARIABLE}, when the function has
   * that variable (the Open311 function); other functions' environments unchanged.
   */
  public Map<String, String> addTo(Map<String, String> environment) {
    if (!environment.containsKey(VARIABLE)) {
      return environment;
    }
    Map<String, String> with = new LinkedHashMap<>(environment);
    String deployed = environment.get(VARIABLE).strip();
    with.put(VARIABLE, deployed.isEmpty() ? partnerEntry() : deployed + "," + partnerEntry());
    return with;
  }

  /** Never print the key by accident. */
  @Override
  public String toString() {
    return "Open311DemoKey[***]";
  }
}
