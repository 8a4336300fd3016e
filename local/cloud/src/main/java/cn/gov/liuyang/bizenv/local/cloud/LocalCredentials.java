package cn.gov.liuyang.bizenv.local.cloud;

/**
 * The fixed key pair the local emulators accept (never valid anywhere else). The region is
 * us-east-1 because S3Proxy refuses a CreateBucket location constraint.
 */
public record LocalCredentials(String accessKey, String secretKey, String region) {
  public static final LocalCredentials DEFAULT =
      new LocalCredentials("local-access-key", "local-secret-key", "us-east-1");
}
