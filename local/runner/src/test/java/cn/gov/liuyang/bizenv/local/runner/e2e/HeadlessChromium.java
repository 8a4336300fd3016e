package cn.gov.liuyang.bizenv.local.runner.e2e;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium, headless, through its chromedriver (installed by {@code bin/setup}; other
 * paths with {@code -Dbizenv.chromium} and {@code -Dbizenv.chromedriver}), as the browser tests
 * start it: nothing fetched from the network, a fixed window.
 */
final class HeadlessChromium {
  private HeadlessChromium() {}

  /**
   * @param windowSize {@code width,height}
   * @param environment for the browser process (e.g. where fontconfig finds a Chinese font)
   * @param moreArguments Chromium switches beyond the common ones
   */
  static ChromeDriver start(
      String windowSize, Map<String, String> environment, String... moreArguments) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(System.getProperty("bizenv.chromium", "/usr/bin/chromium"));
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=" + windowSize));
    arguments.addAll(List.of(moreArguments));
    options.addArguments(arguments);
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(
                Path.of(System.getProperty("bizenv.chromedriver", "/usr/bin/chromedriver"))
                    .toFile())
            .withEnvironment(environment)
            .build();
    return new ChromeDriver(service, options);
  }
}
