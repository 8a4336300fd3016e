package cn.gov.liuyang.bizenv.local.runner.auth;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.text.ParseException;
import java.util.UUID;

/**
 * The local stand-in for the staff identity provider's key: an RSA key pair made on first start and
 * kept in the data directory, so tokens stay valid across restarts. It signs nothing outside this
 * machine.
 */
public final class StaffSigningKey {
  private final RSAKey key;

  private StaffSigningKey(RSAKey key) {
    this.key = key;
  }

  /** A fresh key that lives only in memory (tests, benchmarks). */
  public static StaffSigningKey generate() {
    try {
      return new StaffSigningKey(
          new RSAKeyGenerator(2048)
              .keyUse(KeyUse.SIGNATURE)
              .keyID("local-" + UUID.randomUUID().toString().substring(0, 8))
              .generate());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot generate an RSA key", e);
    }
  }

  /** The key kept in {@code file}, created there on first use. */
  public static synchronized StaffSigningKey loadOrCreate(Path file) {
    try {
      if (Files.isRegularFile(file)) {
        return new StaffSigningKey(RSAKey.parse(Files.readString(file)));
      }
      StaffSigningKey created = generate();
      Files.createDirectories(file.getParent());
      Path temporary = Files.createTempFile(file.getParent(), "staff-key", ".tmp");
      try {
        Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException notPosix) {
        // the file system has no owner-only mode; the key only works on this machine anyway
      }
      Files.writeString(temporary, created.key.toJSONString());
      try {
        // a link is created only if the name is free: of two commands starting at once, one key
        // wins
        Files.createLink(file, temporary);
        return created;
      } catch (FileAlreadyExistsException anotherCommandWasFirst) {
        return new StaffSigningKey(RSAKey.parse(Files.readString(file)));
      } finally {
        Files.deleteIfExists(temporary);
      }
    } catch (IOException | ParseException e) {
      throw new LocalCloudException(
          "无法读取或创建本地员工令牌密钥 " + file + "：" + e.getMessage() + "（可删除该文件后重试）", e);
    }
  }

  RSAKey privateKey() {
    return key;
  }

  RSAKey publicKey() {
    return key.toPublicJWK();
  }
}
