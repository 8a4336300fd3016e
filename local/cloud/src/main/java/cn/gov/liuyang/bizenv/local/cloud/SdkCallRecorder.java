package cn.gov.liuyang.bizenv.local.cloud;

import cn.gov.liuyang.bizenv.common.Env;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentSkipListSet;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;

/**
 * Records, in tests only, each DynamoDB and S3 operation a function performs and on what: the
 * observations {@link IamPolicyCheck} compares with the function's statements in template.yaml.
 *
 * <p>The SDK loads it from {@code
 * software/amazon/awssdk/services/{dynamodb,s3}/execution.interceptors} on the classpath, for every
 * client and for the S3 presigner (which reads the S3 list too), so a signed link counts as the
 * operation it signs. It records nothing unless the system property {@value #PROPERTY} names a file
 * (the failsafe configuration sets it) and the client was built inside a function's environment
 * ({@code AWS_LAMBDA_FUNCTION_NAME}, which {@link LocalCloud#environmentFor} sets as Lambda does).
 * This module is never in a function's package.
 */
public final class SdkCallRecorder implements ExecutionInterceptor {
  /** System property: the file the observations are appended to (one per line, tab-separated). */
  public static final String PROPERTY = "bizenv.iam.calls";

  /** What a function did: {@code dynamodb:Query} on {@code table/ComplaintsTable/index/gsi1}. */
  public record Call(String function, String action, String resource) implements Comparable<Call> {
    @Override
    public int compareTo(Call other) {
      return toString().compareTo(other.toString());
    }

    @Override
    public String toString() {
      return function + "\t" + action + "\t" + resource;
    }
  }

  private static final Set<Call> OBSERVED = new ConcurrentSkipListSet<>();
  private static boolean fileStarted;

  private final Optional<String> function;
  private final Optional<Path> file;

  public SdkCallRecorder() {
    this.file = Optional.ofNullable(System.getProperty(PROPERTY)).map(Path::of);
    this.function = file.isPresent() ? Env.optional("AWS_LAMBDA_FUNCTION_NAME") : Optional.empty();
  }

  /** Every call observed in this JVM so far. */
  public static Set<Call> observed() {
    return Set.copyOf(OBSERVED);
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (function.isEmpty()) {
      return;
    }
    for (String[] action : actions(context.request())) {
      Call call = new Call(function.get(), action[0], action[1]);
      if (OBSERVED.add(call)) {
        append(call);
      }
    }
  }

  /** The IAM actions an SDK request needs, each with its resource, as {action, resource}. */
  static List<String[]> actions(SdkRequest request) {
    String operation = request.getClass().getSimpleName().replaceFirst("Request$", "");
    List<String[]> actions = new ArrayList<>();
    String packageName = request.getClass().getPackageName();
    if (packageName.contains(".dynamodb.")) {
      dynamoDb(request, operation, actions);
    } else if (packageName.contains(".s3.")) {
      s3(request, operation, actions);
    } else {
      actions.add(new String[] {"unknown:" + operation, "*"});
    }
    return actions;
  }

  private static void dynamoDb(SdkRequest request, String operation, List<String[]> actions) {
    if (request instanceof BatchWriteItemRequest batch) {
      batch.requestItems().keySet().forEach(t -> actions.add(a("dynamodb:BatchWriteItem", t)));
    } else if (request instanceof BatchGetItemRequest batch) {
      batch.requestItems().keySet().forEach(t -> actions.add(a("dynamodb:BatchGetItem", t)));
    } else if (request instanceof TransactWriteItemsRequest transaction) {
      for (TransactWriteItem item : transaction.transactItems()) {
        if (item.put() != null) {
          actions.add(a("dynamodb:PutItem", item.put().tableName()));
        }
        if (item.update() != null) {
          actions.add(a("dynamodb:UpdateItem", item.update().tableName()));
        }
        if (item.delete() != null) {
          actions.add(a("dynamodb:DeleteItem", item.delete().tableName()));
        }
        if (item.conditionCheck() != null) {
          actions.add(a("dynamodb:ConditionCheckItem", item.conditionCheck().tableName()));
        }
      }
    } else if (request instanceof TransactGetItemsRequest transaction) {
      transaction
          .transactItems()
          .forEach(i -> actions.add(a("dynamodb:GetItem", i.get().tableName())));
    } else {
      String table = field(request, "TableName").orElse("*");
      String resource =
          field(request, "IndexName").map(index -> table + "/index/" + index).orElse(table);
      actions.add(
          new String[] {"dynamodb:" + operation, table.equals("*") ? "*" : "table/" + resource});
    }
  }

  private static String[] a(String action, String table) {
    return new String[] {action, "table/" + table};
  }

  private static void s3(SdkRequest request, String operation, List<String[]> actions) {
    String bucket = field(request, "Bucket").orElse("*");
    Optional<String> key = field(request, "Key");
    String object = "bucket/" + bucket + "/" + key.orElse("*");
    boolean version = field(request, "VersionId").isPresent();
    switch (operation) {
      case "GetObject", "HeadObject" ->
          actions.add(new String[] {version ? "s3:GetObjectVersion" : "s3:GetObject", object});
      case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
          actions.add(new String[] {"s3:PutObject", object});
      case "DeleteObject" ->
          actions.add(
              new String[] {version ? "s3:DeleteObjectVersion" : "s3:DeleteObject", object});
      case "ListObjects", "ListObjectsV2" ->
          actions.add(new String[] {"s3:ListBucket", "bucket/" + bucket});
      case "ListObjectVersions" ->
          actions.add(new String[] {"s3:ListBucketVersions", "bucket/" + bucket});
      case "CopyObject" -> {
        CopyObjectRequest copy = (CopyObjectRequest) request;
        actions.add(
            new String[] {
              "s3:GetObject", "bucket/" + copy.sourceBucket() + "/" + copy.sourceKey()
            });
        actions.add(
            new String[] {
              "s3:PutObject", "bucket/" + copy.destinationBucket() + "/" + copy.destinationKey()
            });
      }
      default ->
          actions.add(
              new String[] {"s3:" + operation, key.isPresent() ? object : "bucket/" + bucket});
    }
  }

  private static Optional<String> field(SdkRequest request, String name) {
    return request.getValueForField(name, String.class).filter(v -> !v.isEmpty());
  }

  private void append(Call call) {
    Path path = file.orElseThrow();
    try {
      synchronized (OBSERVED) {
        if (path.getParent() != null) {
          Files.createDirectories(path.getParent());
        }
        // this JVM's calls only: the first one of a run replaces what an earlier run left
        Files.writeString(
            path,
            call + "\n",
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            fileStarted ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING);
        fileStarted = true;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
