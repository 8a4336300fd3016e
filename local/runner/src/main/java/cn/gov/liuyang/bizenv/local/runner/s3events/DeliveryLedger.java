package cn.gov.liuyang.bizenv.local.runner.s3events;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloudException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The uploads already handed over (delivered or dead-lettered), appended to a file in the data
 * directory so a restart does not deliver them again. Without a file it only remembers in memory.
 */
final class DeliveryLedger {
  private final Optional<Path> file;
  private final Set<String> done = new HashSet<>();

  DeliveryLedger(Optional<Path> file) {
    this.file = file;
    file.filter(Files::isRegularFile)
        .ifPresent(
            f -> {
              try {
                done.addAll(Files.readAllLines(f, StandardCharsets.UTF_8));
              } catch (IOException e) {
                throw new LocalCloudException("无法读取 " + f + "：" + e.getMessage(), e);
              }
            });
  }

  synchronized boolean contains(String entry) {
    return done.contains(entry);
  }

  /** Remembers {@code entry} (one line, no newline). */
  synchronized void record(String entry) {
    if (!done.add(entry) || file.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(file.get().getParent());
      Files.writeString(
          file.get(),
          entry + "\n",
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      // delivery stays at-least-once: after a restart this upload is delivered again
      System.err.println("警告：无法写入 " + file.get() + "：" + e.getMessage());
    }
  }
}
