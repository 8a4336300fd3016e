package cn.gov.liuyang.bizenv.local.runner.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** N clients sending one request over and over until a fixed total is reached; a bounded loop. */
final class LoadDriver {
  record Result(int requests, double seconds, long[] latenciesNanos, Map<Integer, Long> statuses) {
    double throughput() {
      return requests / seconds;
    }

    double percentileMillis(double percentile) {
      long[] sorted = latenciesNanos.clone();
      Arrays.sort(sorted);
      int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
      return sorted[Math.max(0, Math.min(index, sorted.length - 1))] / 1_000_000.0;
    }
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Result run(HttpRequest request, int clients, int requests) throws InterruptedException {
    long[] latencies = new long[requests];
    AtomicInteger next = new AtomicInteger();
    AtomicLong failures = new AtomicLong();
    Map<Integer, Long> statuses = new ConcurrentHashMap<>();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    long started = System.nanoTime();
    for (int c = 0; c < clients; c++) {
      pool.execute(
          () -> {
            int index;
            while ((index = next.getAndIncrement()) < requests) {
              long sent = System.nanoTime();
              int status;
              try {
                status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
              } catch (IOException e) {
                status = -1;
                failures.incrementAndGet();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
              }
              latencies[index] = System.nanoTime() - sent;
              statuses.merge(status, 1L, Long::sum);
            }
          });
    }
    pool.shutdown();
    if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
      pool.shutdownNow();
      throw new IllegalStateException("load run did not finish within 10 minutes");
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    return new Result(requests, seconds, latencies, new TreeMap<>(statuses));
  }

  static HttpRequest request(URI url, String method, String body, Map<String, String> headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body.isEmpty()
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(builder::header);
    return builder.build();
  }
}
