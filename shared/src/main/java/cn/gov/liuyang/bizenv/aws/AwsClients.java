package cn.gov.liuyang.bizenv.aws;

import cn.gov.liuyang.bizenv.common.Env;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Builds the SDK clients a function needs, once per container.
 *
 * <p>Production uses the default credential chain and regional endpoints. When an endpoint variable
 * is set (the local emulators, or LocalStack) the clients talk to it, with path-style S3 addressing
 * and the credentials from the environment.
 */
public final class AwsClients {
  private final Region region;
  private final Optional<URI> dynamoDbEndpoint;
  private final Optional<URI> s3Endpoint;
  private final AwsCredentialsProvider credentials;

  private AwsClients(
      Region region,
      Optional<URI> dynamoDbEndpoint,
      Optional<URI> s3Endpoint,
      AwsCredentialsProvider credentials) {
    this.region = region;
    this.dynamoDbEndpoint = dynamoDbEndpoint;
    this.s3Endpoint = s3Endpoint;
    this.credentials = credentials;
  }

  /**
   * Clients as the function's environment says: {@code AWS_ENDPOINT_URL_DYNAMODB} / {@code
   * AWS_ENDPOINT_URL_S3} (or one {@code AWS_ENDPOINT_URL}, as for LocalStack) point them at
   * emulators.
   */
  public static AwsClients fromEnvironment() {
    Region region = Region.of(Env.optional("AWS_REGION").orElse("cn-north-1"));
    Optional<URI> shared = Env.optional("AWS_ENDPOINT_URL").map(URI::create);
    Optional<URI> dynamoDb =
        Env.optional("AWS_ENDPOINT_URL_DYNAMODB").map(URI::create).or(() -> shared);
    Optional<URI> s3 = Env.optional("AWS_ENDPOINT_URL_S3").map(URI::create).or(() -> shared);
    boolean local = dynamoDb.isPresent() || s3.isPresent();
    AwsCredentialsProvider credentials =
        local && Env.optional("AWS_ACCESS_KEY_ID").isPresent()
            ? StaticCredentialsProvider.create(
                AwsBasicCredentials.create(
                    Env.require("AWS_ACCESS_KEY_ID"), Env.require("AWS_SECRET_ACCESS_KEY")))
            : DefaultCredentialsProvider.builder().build();
    return new AwsClients(region, dynamoDb, s3, credentials);
  }

  public static AwsClients forEndpoints(
      URI dynamoDb, URI s3, String region, String accessKey, String secretKey) {
    return new AwsClients(
        Region.of(region),
        Optional.of(dynamoDb),
        Optional.of(s3),
        StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey)));
  }

  public DynamoDbClient dynamoDb() {
    var builder =
        DynamoDbClient.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    dynamoDbEndpoint.ifPresent(builder::endpointOverride);
    return builder.build();
  }

  public S3Client s3() {
    var builder =
        S3Client.builder()
            .region(region)
            .credentialsProvider(credentials)
            .httpClientBuilder(UrlConnectionHttpClient.builder());
    s3Endpoint.ifPresent(uri -> builder.endpointOverride(uri).forcePathStyle(true));
    return builder.build();
  }

  public S3Presigner s3Presigner() {
    var builder = S3Presigner.builder().region(region).credentialsProvider(credentials);
    s3Endpoint.ifPresent(
        uri ->
            builder
                .endpointOverride(uri)
                .serviceConfiguration(
                    S3Configuration.builder().pathStyleAccessEnabled(true).build()));
    return builder.build();
  }
}
