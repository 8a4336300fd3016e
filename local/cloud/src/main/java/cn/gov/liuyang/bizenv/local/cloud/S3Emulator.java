package cn.gov.liuyang.bizenv.local.cloud;

import java.lang.reflect.Field;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.CrossOriginResourceSharing;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.shaded.org.eclipse.jetty.server.Server;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;

/**
 * S3 on this machine: S3Proxy inside this JVM, on files under a data directory (or in memory). It
 * checks SigV4 signatures, including presigned URLs and their expiry, like S3 does, and refuses a
 * PUT with {@code If-None-Match: *} on an existing key ({@link ConditionalPuts}).
 */
public final class S3Emulator implements AutoCloseable {
  private final S3Proxy proxy;
  private final BlobStoreContext context;
  private final URI endpoint;

  private S3Emulator(S3Proxy proxy, BlobStoreContext context, URI endpoint) {
    this.proxy = proxy;
    this.context = context;
    this.endpoint = endpoint;
  }

  public static S3Emulator start(int port, Optional<Path> dataDir, LocalCredentials credentials) {
    Properties properties = new Properties();
    String provider = "transient-nio2";
    if (dataDir.isPresent()) {
      try {
        Files.createDirectories(dataDir.get());
      } catch (java.io.IOException e) {
        throw new LocalCloudException("无法创建数据目录 " + dataDir.get(), e);
      }
      provider = "filesystem-nio2";
      properties.setProperty("jclouds.filesystem.basedir", dataDir.get().toString());
    }
    BlobStoreContext context =
        ContextBuilder.newBuilder(provider)
            .credentials(credentials.accessKey(), credentials.secretKey())
            .overrides(properties)
            .build(BlobStoreContext.class);
    BlobStore blobStore = context.getBlobStore();
    URI endpoint = URI.create("http://127.0.0.1:" + port);
    S3Proxy proxy =
        S3Proxy.builder()
            .blobStore(blobStore)
            .endpoint(endpoint)
            .awsAuthentication(
                AuthenticationType.AWS_V2_OR_V4, credentials.accessKey(), credentials.secretKey())
            .ignoreUnknownHeaders(true)
            // the mobile form uploads attachments straight to S3 with a presigned request
            .corsRules(
                new CrossOriginResourceSharing(
                    List.of("*"),
                    List.of("GET", "PUT", "POST", "HEAD"),
                    List.of("*"),
                    List.of("ETag"),
                    "false"))
            .build();
    try {
      conditionalPuts(proxy, blobStore);
      proxy.start();
      while (!AbstractLifeCycle.STARTED.equals(proxy.getState())) {
        if (AbstractLifeCycle.FAILED.equals(proxy.getState())) {
          throw new LocalCloudException("本地 S3（S3Proxy）启动失败：端口 " + port + " 可能被占用。");
        }
        Thread.sleep(5);
      }
    } catch (LocalCloudException e) {
      context.close();
      throw e;
    } catch (Exception e) {
      context.close();
      throw new LocalCloudException("本地 S3（S3Proxy）未能在端口 " + port + " 启动：" + e.getMessage(), e);
    }
    return new S3Emulator(proxy, context, endpoint);
  }

  /** S3Proxy keeps its Jetty server private; the conditional-write check goes in front of it. */
  private static void conditionalPuts(S3Proxy proxy, BlobStore blobStore)
      throws ReflectiveOperationException {
    Field field = S3Proxy.class.getDeclaredField("server");
    field.setAccessible(true);
    ((Server) field.get(proxy)).insertHandler(new ConditionalPuts(blobStore));
  }

  public URI endpoint() {
    return endpoint;
  }

  @Override
  public void close() {
    try {
      proxy.stop();
    } catch (Exception e) {
      // stopping is best effort: the JVM is usually about to exit
    } finally {
      context.close();
    }
  }
}
