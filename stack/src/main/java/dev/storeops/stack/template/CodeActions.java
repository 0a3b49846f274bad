package dev.storeops.stack.template;

import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The IAM actions a function's code can call, found in its sources: every AWS SDK v2 call of the
 * DynamoDB, SQS, S3 and SES v2 clients (and the parts of a {@code TransactWriteItems}: its {@code
 * Put}/{@code Update}/{@code Delete}/{@code ConditionCheck} builders need {@code PutItem}/{@code
 * UpdateItem}/{@code DeleteItem}/{@code ConditionCheckItem}) in the classes the function reaches
 * ({@link ModuleSources#allReachedFrom}: its own sources and every shared class they name,
 * transitively). A pattern counts only in a file that imports that service's SDK package, so
 * {@code request.query("x")} of an HTTP route is not a DynamoDB Query.
 *
 * <p>The walk is per class, not per method: a function that uses one method of {@code DynamoCartStore}
 * "can call" everything that class calls. So the result is a superset of what the function really
 * calls: a grant outside it is certainly unused; an action inside it may still be unused.
 */
public final class CodeActions {
  /**
   * A source file carrying this marker holds only SnapStart priming calls ({@code platform/aws/AwsClients}):
   * its writes are withheld by {@code PrimingGuard} before they are sent, and its reads and its
   * ConditionCheck may be denied by IAM (priming swallows the error, the request and error paths are loaded
   * all the same), so they need no grant and are not counted.
   */
  public static final String PRIMING_ONLY_MARKER = "storeops:iam-priming-only";

  /** Pseudo-action: the code queries a secondary index ({@code indexName(...)}), so it needs {@code <table>/index/*}. */
  public static final String DYNAMODB_INDEX = "dynamodb:<index>";

  private record Call(String sdkPackage, Pattern pattern, List<String> actions) {}

  private static final String DDB = "software.amazon.awssdk.services.dynamodb";
  private static final String SQS = "software.amazon.awssdk.services.sqs";
  private static final String S3 = "software.amazon.awssdk.services.s3";
  private static final String SES = "software.amazon.awssdk.services.sesv2";

  private static final List<Call> CALLS = List.of(
      call(DDB, "\\.(getItem|transactGetItems)\\(|\\bGet\\.builder\\(", "dynamodb:GetItem"),
      call(DDB, "\\.batchGetItem(Paginator)?\\(", "dynamodb:BatchGetItem"),
      call(DDB, "\\.query(Paginator)?\\(", "dynamodb:Query"),
      call(DDB, "\\.scan(Paginator)?\\(", "dynamodb:Scan"),
      call(DDB, "\\.putItem\\(|\\bPut\\.builder\\(|TransactWriteItem\\.builder\\(\\)\\s*\\.put\\(", "dynamodb:PutItem"),
      call(DDB, "\\.updateItem\\(|\\bUpdate\\.builder\\(|TransactWriteItem\\.builder\\(\\)\\s*\\.update\\(", "dynamodb:UpdateItem"),
      call(DDB, "\\.deleteItem\\(|\\bDelete\\.builder\\(|\\bDeleteRequest\\b|TransactWriteItem\\.builder\\(\\)\\s*\\.delete\\(",
          "dynamodb:DeleteItem"),
      call(DDB, "\\bConditionCheck\\.builder\\(|\\.conditionCheck\\(", "dynamodb:ConditionCheckItem"),
      call(DDB, "\\.batchWriteItem\\(", "dynamodb:BatchWriteItem"),
      call(DDB, "\\.indexName\\(", DYNAMODB_INDEX),
      call(SQS, "\\.sendMessage(Batch)?\\(", "sqs:SendMessage"),
      call(SQS, "\\.receiveMessage\\(", "sqs:ReceiveMessage"),
      call(SQS, "\\.deleteMessage(Batch)?\\(", "sqs:DeleteMessage"),
      call(S3, "\\.(getObject|getObjectAsBytes|headObject)\\(", "s3:GetObject"),
      call(S3, "\\.(putObject|createMultipartUpload)\\(", "s3:PutObject"),
      call(S3, "\\.copyObject\\(", "s3:GetObject", "s3:PutObject"),
      call(S3, "\\.deleteObjects?\\(", "s3:DeleteObject"),
      call(S3, "\\.listObjects(V2)?(Paginator)?\\(", "s3:ListBucket"),
      call(SES, "\\.sendEmail\\(", "ses:SendEmail"));

  /** DynamoDB actions that delete or overwrite many items at once, or read the whole table. */
  public static final Set<String> DYNAMODB_MASS_ACTIONS = Set.of("dynamodb:Scan", "dynamodb:DeleteItem",
      "dynamodb:BatchWriteItem");

  private CodeActions() {}

  private static Call call(String pkg, String regex, String... actions) {
    return new Call(pkg, Pattern.compile(regex), List.of(actions));
  }

  /** Actions the code of the function module at {@code moduleDir} can call. */
  public static Set<String> ofFunction(Path repoRoot, Path moduleDir) {
    return inFiles(new ModuleSources(repoRoot).allReachedFrom(moduleDir));
  }

  /** Each action the code of the module can call, with the first source file (relative to the root) that calls it. */
  public static java.util.Map<String, String> whereInFunction(Path repoRoot, Path moduleDir) {
    java.util.Map<String, String> out = new java.util.TreeMap<>();
    for (Path f : new ModuleSources(repoRoot).allReachedFrom(moduleDir)) {
      for (String a : inText(counted(f))) {
        out.putIfAbsent(a, repoRoot.relativize(f).toString());
      }
    }
    return out;
  }

  public static Set<String> inFiles(Collection<Path> files) {
    Set<String> out = new TreeSet<>();
    for (Path f : files) {
      out.addAll(inText(counted(f)));
    }
    return out;
  }

  /** The file's text as counted: nothing for a priming-only file ({@link #PRIMING_ONLY_MARKER}). */
  private static String counted(Path f) {
    String text = EnvReads.read(f);
    return text.contains(PRIMING_ONLY_MARKER) ? "" : text;
  }

  /** Actions one source text calls. */
  public static Set<String> inText(String source) {
    String code = source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\\n]*", " ");
    Set<String> out = new TreeSet<>();
    for (Call c : CALLS) {
      if (code.contains(c.sdkPackage() + ".") && c.pattern().matcher(code).find()) {
        out.addAll(c.actions());
      }
    }
    return out;
  }
}
