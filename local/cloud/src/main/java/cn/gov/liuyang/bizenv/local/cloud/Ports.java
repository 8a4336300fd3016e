package cn.gov.liuyang.bizenv.local.cloud;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.time.Instant;

/** Loopback port helpers: emulators listen on 127.0.0.1 only. */
public final class Ports {
  private Ports() {}

  /** A port that was free a moment ago (dynalite's --port 0 does not pick one, so we must). */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new LocalCloudException("无法在 127.0.0.1 上找到空闲端口", e);
    }
  }

  public static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  public static void requireFree(int port, String what, String envVar) {
    if (!isFree(port)) {
      throw new LocalCloudException(
          "端口 " + port + " 已被占用（" + what + "）：请关闭占用它的程序，或设置 " + envVar + " 换一个端口。");
    }
  }

  public static boolean awaitListening(int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
        return true;
      } catch (IOException notYet) {
        try {
          Thread.sleep(25);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
    return false;
  }
}
