package cn.gov.liuyang.bizenv.local.runner;

import cn.gov.liuyang.bizenv.local.cloud.LocalCloud;
import cn.gov.liuyang.bizenv.local.cloud.Ports;
import cn.gov.liuyang.bizenv.local.cloud.SamTemplate;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtAuthorizer;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffJwtSettings;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffSigningKey;
import cn.gov.liuyang.bizenv.local.runner.auth.StaffTokens;
import cn.gov.liuyang.bizenv.local.runner.function.LocalFunctions;
import cn.gov.liuyang.bizenv.local.runner.gateway.CorsPolicy;
import cn.gov.liuyang.bizenv.local.runner.gateway.LocalConsole;
import cn.gov.liuyang.bizenv.local.runner.gateway.LocalGateway;
import cn.gov.liuyang.bizenv.local.runner.gateway.RouteTable;
import cn.gov.liuyang.bizenv.local.runner.s3events.QueueSubscription;
import cn.gov.liuyang.bizenv.local.runner.s3events.S3UploadNotifications;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The whole backend of template.yaml on this machine: emulated DynamoDB and S3, every function
 * hosted in this JVM, the HTTP API gateway with the staff JWT authorizer, and S3 upload
 * notifications delivered to their queue's function.
 */
public final class LocalBackend implements AutoCloseable {
  private final LocalCloud cloud;
  private final StaffTokens staffTokens;
  private final StaffJwtAuthorizer authorizer;
  private final Optional<CorsPolicy> cors;
  private final LocalFunctions functions;
  private final S3Client notificationsS3;
  private final LocalGateway gateway;
  private final S3UploadNotifications notifications;

  /**
   * How to start it.
   *
   * @param dataDir where data, the staff signing key and delivery state live; empty for memory only
   * @param webDir a folder to serve at {@code /app/}, its {@code console} folder at {@code
   *     /console/} with the local sign-in page
   * @param log warnings, dead letters and (if {@code accessLog}) one line per request
   */
  public record Options(
      SamTemplate template,
      Optional<Path> dataDir,
      int gatewayPort,
      int dynamoDbPort,
      int s3Port,
      Optional<Path> webDir,
      PrintStream log,
      boolean accessLog,
      Duration pollInterval,
      Duration retryDelay) {

    /** In memory, on the given ports, quiet apart from warnings: for tests and benchmarks. */
    public static Options inMemory(
        SamTemplate template, int gatewayPort, int dynamoDbPort, int s3Port) {
      return new Options(
          template,
          Optional.empty(),
          gatewayPort,
          dynamoDbPort,
          s3Port,
          Optional.empty(),
          System.err,
          false,
          S3UploadNotifications.POLL_INTERVAL,
          S3UploadNotifications.RETRY_DELAY);
    }

    /** In memory on free ports: what an end-to-end test needs. */
    public static Options inMemory(SamTemplate template) {
      return inMemory(template, Ports.free(), Ports.free(), Ports.free());
    }

    /** The same, keeping data, delivery state and the staff key in {@code directory}. */
    public Options withDataDir(Path directory) {
      return new Options(
          template,
          Optional.of(directory),
          gatewayPort,
          dynamoDbPort,
          s3Port,
          webDir,
          log,
          accessLog,
          pollInterval,
          retryDelay);
    }

    /**
     * The same, listing uploads every {@code poll} and retrying failed messages after {@code
     * retry}.
     */
    public Options withUploadTiming(Duration poll, Duration retry) {
      return new Options(
          template,
          dataDir,
          gatewayPort,
          dynamoDbPort,
          s3Port,
          webDir,
          log,
          accessLog,
          poll,
          retry);
    }
  }

  private LocalBackend(
      LocalCloud cloud,
      StaffTokens staffTokens,
      StaffJwtAuthorizer authorizer,
      Optional<CorsPolicy> cors,
      LocalFunctions functions,
      S3Client notificationsS3,
      LocalGateway gateway,
      S3UploadNotifications notifications) {
    this.cloud = cloud;
    this.staffTokens = staffTokens;
    this.authorizer = authorizer;
    this.cors = cors;
    this.functions = functions;
    this.notificationsS3 = notificationsS3;
    this.gateway = gateway;
    this.notifications = notifications;
  }

  public static LocalBackend start(Options options) {
    LocalCloud cloud =
        LocalCloud.start(
            options.template(), options.dynamoDbPort(), options.s3Port(), options.dataDir());
    S3Client notificationsS3 = null;
    LocalGateway gateway = null;
    try {
      StaffSigningKey key =
          options
              .dataDir()
              .map(dir -> StaffSigningKey.loadOrCreate(staffKeyFile(dir)))
              .orElseGet(StaffSigningKey::generate);
      StaffTokens tokens = new StaffTokens(key, StaffJwtSettings.LOCAL, Clock.systemUTC());
      StaffJwtAuthorizer authorizer = new StaffJwtAuthorizer(key, StaffJwtSettings.LOCAL);
      LocalFunctions functions =
          LocalFunctions.load(options.template(), cloud::environmentFor, options.log());
      Optional<CorsPolicy> cors = CorsPolicy.fromTemplate(options.template());
      gateway =
          LocalGateway.start(
              options.gatewayPort(),
              RouteTable.fromTemplate(options.template(), functions),
              authorizer,
              cors,
              new LocalGateway.Options(
                  options.webDir(),
                  options.accessLog() ? Optional.of(options.log()) : Optional.empty(),
                  16,
                  options
                      .webDir()
                      .map(dir -> new LocalConsole(tokens, StaffTokens.DEFAULT_VALIDITY))));
      notificationsS3 = cloud.s3Client();
      S3UploadNotifications notifications =
          new S3UploadNotifications(
              notificationsS3,
              QueueSubscription.fromTemplate(options.template(), functions),
              options.dataDir().map(dir -> dir.resolve("s3-notifications")),
              options.retryDelay(),
              Clock.systemUTC(),
              options.log());
      notifications.start(options.pollInterval());
      return new LocalBackend(
          cloud, tokens, authorizer, cors, functions, notificationsS3, gateway, notifications);
    } catch (RuntimeException e) {
      if (gateway != null) {
        gateway.close();
      }
      if (notificationsS3 != null) {
        notificationsS3.close();
      }
      cloud.close();
      throw e;
    }
  }

  /** Where the local staff signing key is kept in a data directory. */
  public static Path staffKeyFile(Path dataDir) {
    return dataDir.resolve("staff-jwt-key.json");
  }

  public URI baseUrl() {
    return gateway.baseUrl();
  }

  public LocalCloud cloud() {
    return cloud;
  }

  public StaffTokens staffTokens() {
    return staffTokens;
  }

  public StaffJwtAuthorizer authorizer() {
    return authorizer;
  }

  public Optional<CorsPolicy> cors() {
    return cors;
  }

  public LocalFunctions functions() {
    return functions;
  }

  public S3UploadNotifications notifications() {
    return notifications;
  }

  public Endpoints endpoints(Optional<Path> dataDir) {
    return new Endpoints(
        baseUrl(),
        cloud.dynamoDb().endpoint(),
        cloud.s3().endpoint(),
        dataDir.map(Path::toString).orElse(""),
        ProcessHandle.current().pid());
  }

  /** Stops accepting requests and uploads first, then the emulators. */
  @Override
  public void close() {
    try {
      notifications.close();
      gateway.close();
      notificationsS3.close();
    } finally {
      cloud.close();
    }
  }
}
