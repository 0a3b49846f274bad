package dev.storeops.stack.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each template check passes a good template and fails a template broken in its one way. */
class TemplateChecksTest {
  /** A real handler for the good template. */
  public static final class GoodHandler implements RequestHandler<Object, Object> {
    @Override
    public Object handleRequest(Object input, Context context) {
      return input;
    }
  }

  /** Not a handler. */
  public static final class NotAHandler {}

  @TempDir
  Path repo;

  private static final String GOOD = """
      Globals:
        Function:
          Runtime: java21
          Environment:
            Variables:
              TABLE_NAME: !Ref Table
      Resources:
        Table:
          Type: AWS::DynamoDB::Table
        Fn:
          Type: AWS::Serverless::Function
          Properties:
            CodeUri: functions/fn/target/fn.jar
            Handler: dev.storeops.stack.template.TemplateChecksTest$GoodHandler::handleRequest
            LoggingConfig:
              LogGroup: !Ref FnLogs
            Environment:
              Variables:
                QUEUE_URL: !GetAtt Queue.QueueUrl
            EventInvokeConfig:
              MaximumRetryAttempts: 2
              DestinationConfig:
                OnFailure:
                  Type: SQS
                  Destination: !GetAtt FailuresQueue.Arn
            Policies:
              - Statement:
                  - Effect: Allow
                    Action: [dynamodb:GetItem, dynamodb:Query]
                    Resource: !GetAtt Table.Arn
                  - Effect: Allow
                    Action: [dynamodb:Query]
                    Resource: !Sub '${Table.Arn}/index/*'
              - Statement:
                  - Effect: Allow
                    Action: [ses:SendEmail]
                    Resource: !Sub 'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}'
                  - Effect: Allow
                    Action: [s3:GetObject]
                    Resource: !Sub 'arn:${AWS::Partition}:s3:::files-${Stage}/incoming/*'
            Events:
              Public:
                Type: HttpApi
                Properties: { ApiId: !Ref Api, Method: POST, Path: /orders }
              Work:
                Type: SQS
                Properties:
                  Queue: !GetAtt Queue.Arn
                  FunctionResponseTypes: [ReportBatchItemFailures]
              Changes:
                Type: DynamoDB
                Properties:
                  Stream: !GetAtt Table.StreamArn
                  StartingPosition: TRIM_HORIZON
                  MaximumRetryAttempts: 5
                  FunctionResponseTypes: [ ReportBatchItemFailures ]
                  DestinationConfig:
                    OnFailure:
                      Destination: !GetAtt StreamDLQ.Arn
              Nightly:
                Type: ScheduleV2
                Properties:
                  ScheduleExpression: cron(0 3 * * ? *)
                  Input: '{"job":"nightly"}'
              Staff:
                Type: HttpApi
                Properties: { Method: GET, Path: /staff/tasks, Auth: { Authorizer: StaffJwt } }
        Api:
          Type: AWS::Serverless::HttpApi
          Properties:
            DefaultRouteSettings:
              ThrottlingBurstLimit: 100
              ThrottlingRateLimit: 50
            RouteSettings:
              'POST /orders': { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }
        FnLogs:
          Type: AWS::Logs::LogGroup
          Properties:
            RetentionInDays: 30
        Queue:
          Type: AWS::SQS::Queue
          Properties:
            RedrivePolicy:
              deadLetterTargetArn: !GetAtt DLQ.Arn
              maxReceiveCount: 3
        DLQ:
          Type: AWS::SQS::Queue
        StreamDLQ:
          Type: AWS::SQS::Queue
        FailuresQueue:
          Type: AWS::SQS::Queue
        FnErrorsAlarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            Namespace: AWS/Lambda
            MetricName: Errors
            Dimensions: [{ Name: FunctionName, Value: !Ref Fn }]
            AlarmActions: [!Ref Topic]
        DLQAlarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            Namespace: AWS/SQS
            MetricName: ApproximateNumberOfMessagesVisible
            Dimensions: [{ Name: QueueName, Value: !GetAtt DLQ.QueueName }]
            AlarmActions: [!Ref Topic]
        StreamDLQAlarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            Namespace: AWS/SQS
            MetricName: ApproximateNumberOfMessagesVisible
            Dimensions: [{ Name: QueueName, Value: !GetAtt StreamDLQ.QueueName }]
            AlarmActions: [!Ref Topic]
        FailuresAlarm:
          Type: AWS::CloudWatch::Alarm
          Properties:
            Namespace: AWS/SQS
            MetricName: ApproximateNumberOfMessagesVisible
            Dimensions: [{ Name: QueueName, Value: !GetAtt FailuresQueue.QueueName }]
            AlarmActions: [!Ref Topic]
        Topic:
          Type: AWS::SNS::Topic
      """;

  @BeforeEach
  void writeFunctionSource() throws Exception {
    Path src = repo.resolve("functions/fn/src/main/java/x");
    Files.createDirectories(src);
    Files.writeString(src.resolve("FnHandler.java"),
        "class FnHandler { void init(Env env) { env.required(\"TABLE_NAME\"); env.optional(\"QUEUE_URL\", null); } }");
    Files.writeString(src.resolve("FnStore.java"), """
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        class FnStore {
          // a comment naming dynamo.deleteItem( is no call
          Object find(DynamoDbClient dynamo) { return dynamo.getItem(g -> g.tableName("t")); }
          Object byIndex(DynamoDbClient dynamo) { return dynamo.query(q -> q.tableName("t").indexName("GSI1")); }
        }""");
  }

  private TemplateChecks checks(String yaml) {
    return new TemplateChecks(SamTemplate.parse(yaml), repo, getClass().getClassLoader());
  }

  @Test
  void theGoodTemplatePassesEveryCheck() {
    assertEquals(List.of(), checks(GOOD).all());
  }

  @Test
  void missingHandlerClassFails() {
    var v = checks(GOOD.replace("TemplateChecksTest$GoodHandler", "Nope")).handlers();
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).contains("does not exist"));
  }

  @Test
  void classThatIsNotAHandlerFails() {
    var v = checks(GOOD.replace("$GoodHandler", "$NotAHandler")).handlers();
    assertTrue(v.get(0).contains("is not a Lambda handler"), v.toString());
  }

  @Test
  void variableReadByCodeButNotSetFails() throws Exception {
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/More.java"),
        "class More { void init(Env env) { env.required(\"SENDER_EMAIL\"); System.getenv(\"AWS_REGION\"); } }");
    var v = checks(GOOD).environment();
    assertEquals(List.of("Fn: the code reads environment variable SENDER_EMAIL but the template does not set it"), v);
  }

  @Test
  void sharedModuleReadingItsOwnVariableFails() throws Exception {
    Path shared = repo.resolve("shared/src/main/java/s");
    Files.createDirectories(shared);
    Files.writeString(shared.resolve("Config.java"), "class Config { String t = System.getenv(\"TABLE_NAME\"); }");
    var v = checks(GOOD).environment();
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("shared module reads environment variable TABLE_NAME"));
  }

  /** functions/fn depends on storeops-shared through its parent pom (as the real functions/pom.xml does). */
  private void writeSharedSettings() throws Exception {
    Files.writeString(repo.resolve("functions/pom.xml"), """
        <project><parent><groupId>dev.storeops</groupId><artifactId>storeops-parent</artifactId></parent>
          <artifactId>storeops-functions</artifactId>
          <dependencyManagement><dependencies><dependency><groupId>dev.storeops</groupId>
            <artifactId>storeops-managed-only</artifactId></dependency></dependencies></dependencyManagement>
          <dependencies><dependency><groupId>dev.storeops</groupId><artifactId>storeops-shared</artifactId>
          </dependency></dependencies></project>""");
    Files.writeString(repo.resolve("functions/fn/pom.xml"), """
        <project><parent><groupId>dev.storeops</groupId><artifactId>storeops-functions</artifactId></parent>
          <artifactId>fn</artifactId></project>""");
    Path shared = repo.resolve("shared");
    Files.createDirectories(shared.resolve("src/main/java/dev/storeops/mail"));
    Files.writeString(shared.resolve("pom.xml"), """
        <project><parent><groupId>dev.storeops</groupId><artifactId>storeops-parent</artifactId></parent>
          <artifactId>storeops-shared</artifactId></project>""");
    Files.writeString(shared.resolve("src/main/java/dev/storeops/mail/MailSettings.java"), """
        package dev.storeops.mail;
        public record MailSettings(String sender) {
          public record Caps(int hours) {
            public static Caps from(Env env) { return new Caps(env.optionalInt("CAP_HOURS", 16)); }
          }
          public static MailSettings from(Env env) { return new MailSettings(env.required("SENDER_EMAIL")); }
        }""");
  }

  @Test
  void variableReadByASharedSettingsFactoryTheFunctionCallsMustBeSet() throws Exception {
    writeSharedSettings();
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnWiring.java"),
        "import dev.storeops.mail.MailSettings;\nclass FnWiring { Object s(Env env) { return MailSettings.from(env); } }");
    var v = checks(GOOD).environment();
    assertEquals(List.of(
        "Fn: the code reads environment variable CAP_HOURS but the template does not set it",
        "Fn: the code reads environment variable SENDER_EMAIL but the template does not set it"), v);
  }

  @Test
  void aSharedClassHandingTheEnvOnReachesTheFactoriesItCalls() throws Exception {
    writeSharedSettings();
    Files.writeString(repo.resolve("shared/src/main/java/dev/storeops/mail/MailComponents.java"), """
        package dev.storeops.mail;
        /** Not MailNotes: comments name nothing. */
        public final class MailComponents {
          public static Object build(Env env) { return MailSettings.from(env); }
        }""");
    Files.writeString(repo.resolve("shared/src/main/java/dev/storeops/mail/MailNotes.java"), """
        package dev.storeops.mail;
        public final class MailNotes { static Object of(Env env) { return env.required("NOTES_URL"); } }""");
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnWiring.java"),
        "import dev.storeops.mail.MailComponents;\nclass FnWiring { Object s(Env env) { return MailComponents.build(env); } }");
    var v = checks(GOOD).environment();
    assertEquals(3, v.size(), v.toString()); // CAP_HOURS, SENDER_EMAIL; and MailNotes reads outside a factory
    assertTrue(v.get(0).contains("CAP_HOURS") && v.get(1).contains("SENDER_EMAIL"), v.toString());
    assertTrue(v.get(2).startsWith("shared module reads environment variable NOTES_URL"), v.toString());
  }

  @Test
  void sharedSettingsFactoryTheFunctionDoesNotNameIsNotItsBusiness() throws Exception {
    writeSharedSettings();
    assertEquals(List.of(), checks(GOOD).environment());
  }

  @Test
  void fullyQualifiedUseOfASharedSettingsClassCountsToo() throws Exception {
    writeSharedSettings();
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnWiring.java"),
        "class FnWiring { Object s(Env env) { return dev.storeops.mail.MailSettings.Caps.from(env); } }");
    var v = checks(GOOD).environment();
    assertEquals(2, v.size(), v.toString());
    assertTrue(v.get(0).contains("CAP_HOURS"), v.toString());
  }

  @Test
  void aFunctionModuleDependingOnAnotherFunctionModuleFails() throws Exception {
    writeSharedSettings();
    Files.writeString(repo.resolve("functions/fn/pom.xml"), """
        <project><parent><groupId>dev.storeops</groupId><artifactId>storeops-functions</artifactId></parent>
          <artifactId>fn</artifactId>
          <dependencies><dependency><groupId>dev.storeops</groupId><artifactId>fn</artifactId>
          <version>1</version></dependency></dependencies></project>""");
    var v = checks(GOOD).functionDependencies();
    assertEquals(List.of("Fn: its module depends on the function module fn; move what they share to shared"), v);
  }

  @Test
  void sharedIsNotAFunctionModule() throws Exception {
    writeSharedSettings();
    assertEquals(List.of(), checks(GOOD).functionDependencies());
  }

  @Test
  void sqsEventWithoutBatchItemFailuresFails() {
    var v = checks(GOOD.replace("FunctionResponseTypes: [ReportBatchItemFailures]", "BatchSize: 10")).sqsBatchFailures();
    assertEquals(List.of("Fn.Work: SQS event without FunctionResponseTypes: [ReportBatchItemFailures]"), v);
  }

  @Test
  void streamEventWithoutBatchItemFailuresFails() {
    var v = checks(GOOD.replace("FunctionResponseTypes: [ ReportBatchItemFailures ]", "BatchSize: 100"))
        .streamBatchFailures();
    assertEquals(List.of("Fn.Changes: DynamoDB stream event without FunctionResponseTypes: [ReportBatchItemFailures]"), v);
    assertEquals(v, checks(GOOD.replace("FunctionResponseTypes: [ ReportBatchItemFailures ]", "BatchSize: 100")).all());
  }

  @Test
  void streamEventWithoutRetryLimitOrFailureDestinationFails() {
    var v = checks(GOOD.replace("MaximumRetryAttempts: 5", "BatchSize: 100")).streamBatchFailures();
    assertEquals(List.of("Fn.Changes: DynamoDB stream event without MaximumRetryAttempts (a bad record would block the shard)"), v);
    // the stream event's DestinationConfig only (indented deeper than the function's EventInvokeConfig one)
    String noDestination = GOOD.replace("          DestinationConfig:", "          Tags:");
    var v2 = checks(noDestination).streamBatchFailures();
    assertEquals(List.of("Fn.Changes: DynamoDB stream event without DestinationConfig.OnFailure.Destination"), v2);
    // without the destination the stream's DLQ is an ordinary queue and needs a redrive policy of its own
    assertEquals(List.of("StreamDLQ: queue without a RedrivePolicy (dead-letter queue)"), checks(noDestination).queueRedrive());
  }

  @Test
  void asyncTriggerWithoutOnFailureDestinationFails() {
    String noDestination = GOOD.replace("EventInvokeConfig:", "Tags:");
    var v = checks(noDestination).asyncFailureDestinations();
    assertEquals(List.of("Fn: asynchronous trigger Nightly without EventInvokeConfig.DestinationConfig.OnFailure"
        + " (failed events would be dropped)"), v);
    // without the destination the failure queue is an ordinary queue and needs a redrive policy of its own
    assertEquals(List.of("FailuresQueue: queue without a RedrivePolicy (dead-letter queue)"),
        checks(noDestination).queueRedrive());
    for (String type : List.of("S3", "Schedule", "EventBridgeRule", "SNS")) {
      var v2 = checks(noDestination.replace("Type: ScheduleV2", "Type: " + type)).asyncFailureDestinations();
      assertEquals(1, v2.size(), type + ": " + v2);
    }
    // synchronous and polled triggers need none
    assertEquals(List.of(), checks(noDestination.replace("Type: ScheduleV2", "Type: HttpApi")).asyncFailureDestinations());
  }

  @Test
  void functionWithoutErrorsAlarmAndDeadLetterQueueWithoutDepthAlarmFail() {
    assertEquals(List.of(), checks(GOOD).alarms());
    // the Errors alarm watches another metric, the DLQ's alarm is gone: both are reported
    String broken = GOOD.replace("MetricName: Errors", "MetricName: Throttles").replace("!GetAtt DLQ.QueueName", "!GetAtt Queue.QueueName");
    assertEquals(List.of(
        "Fn: no Errors alarm (AWS::CloudWatch::Alarm on AWS/Lambda Errors, FunctionName: !Ref Fn)",
        "DLQ: dead-letter queue without a depth alarm (AWS::CloudWatch::Alarm on AWS/SQS ApproximateNumberOfMessagesVisible,"
            + " QueueName: !GetAtt DLQ.QueueName)"), checks(broken).alarms());
    // an on-failure queue is a dead-letter queue too
    var v = checks(GOOD.replace("!GetAtt FailuresQueue.QueueName", "!GetAtt Queue.QueueName")).alarms();
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("FailuresQueue: dead-letter queue without a depth alarm"), v.toString());
    // an alarm that tells nobody does not count
    var silent = checks(GOOD.replace("      AlarmActions: [!Ref Topic]\n", "")).alarms();
    assertTrue(silent.contains("FnErrorsAlarm: alarm without AlarmActions (nobody would be told)"), silent.toString());
    assertTrue(silent.contains("Fn: no Errors alarm (AWS::CloudWatch::Alarm on AWS/Lambda Errors, FunctionName: !Ref Fn)"),
        silent.toString());
  }

  @Test
  void queueWithoutRedrivePolicyFails() {
    // the queue loses its policy, so its DLQ is no longer a DLQ either: both are reported
    String broken = GOOD.replace("RedrivePolicy:", "Tags:");
    var v = checks(broken).queueRedrive();
    assertEquals(2, v.size(), v.toString());
    assertTrue(v.stream().allMatch(s -> s.contains("without a RedrivePolicy")));
  }

  @Test
  void functionWithoutExplicitLogRetentionFails() {
    var v = checks(GOOD.replace("RetentionInDays: 30", "LogGroupName: x")).logRetention();
    assertEquals(List.of("Fn: log group FnLogs has no RetentionInDays"), v);
    var v2 = checks(GOOD.replace("LoggingConfig:", "Tags:")).logRetention();
    assertEquals(1, v2.size(), v2.toString());
  }

  @Test
  void oldRuntimeFails() {
    var v = checks(GOOD.replace("Runtime: java21", "Runtime: java17")).runtimes();
    assertEquals(1, v.size());
    assertTrue(v.get(0).contains("java17"));
  }

  @Test
  void staffRouteWithoutAuthorizerFails() {
    var v = checks(GOOD.replace(", Auth: { Authorizer: StaffJwt }", "")).staffRoutesAuthorized();
    assertEquals(List.of("Fn.Staff: /staff/tasks has no JWT authorizer"), v);
  }

  // ------------------------------------------------------------------ least privilege

  private static final String GRANTS = "Action: [dynamodb:GetItem, dynamodb:Query]";
  /** GOOD's line that starts the function's policies (GOOD is a text block: 6 spaces of indentation stripped). */
  private static final String POLICIES = "\n      Policies:";
  private static final String CRUD = POLICIES + "\n        - DynamoDBCrudPolicy: { TableName: !Ref Table }";

  @Test
  void publicFunctionGrantedScanDeleteOrBatchWriteFails() {
    var v = checks(GOOD.replace(GRANTS, "Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:Scan, dynamodb:DeleteItem]"))
        .publicFunctionsCannotMassWrite();
    assertEquals(List.of("Fn: public HTTP function (POST /orders has no authorizer) is granted dynamodb:DeleteItem,"
        + " dynamodb:Scan by Statement; grant the single-item actions its code calls"), v);
    var crud = checks(GOOD.replace(POLICIES, CRUD)).publicFunctionsCannotMassWrite();
    assertEquals(1, crud.size(), crud.toString());
    assertTrue(crud.get(0).contains("dynamodb:BatchWriteItem, dynamodb:DeleteItem, dynamodb:Scan by DynamoDBCrudPolicy"), crud.toString());
    var wildcard = checks(GOOD.replace(GRANTS, "Action: 'dynamodb:*'")).publicFunctionsCannotMassWrite();
    assertEquals(1, wildcard.size(), wildcard.toString());
    // the same grants behind an authorizer are not this check's business
    String authorized = GOOD.replace("Method: POST, Path: /orders }", "Method: POST, Path: /orders, Auth: { Authorizer: StaffJwt } }");
    assertEquals(List.of(), checks(authorized.replace(POLICIES, CRUD)).publicFunctionsCannotMassWrite());
  }

  @Test
  void crudPolicyOnAFunctionWhoseCodeNeverDeletesFails() throws Exception {
    String crud = GOOD.replace(POLICIES, CRUD);
    var v = checks(crud).dynamoDbGrantsMatchCode();
    assertEquals(List.of("Fn: DynamoDBCrudPolicy, but its code never deletes; grant the actions it calls (explicit statement) instead"), v);
    // once the code deletes, the policy is judged action by action: it still grants a Scan and a batch write nobody calls
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnRelease.java"), """
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        class FnRelease { void release(DynamoDbClient dynamo) { dynamo.deleteItem(d -> d.tableName("t")); } }""");
    var v2 = checks(crud).dynamoDbGrantsMatchCode();
    assertTrue(v2.contains("Fn: grants dynamodb:Scan that its code never calls"), v2.toString());
    assertTrue(v2.contains("Fn: grants dynamodb:BatchWriteItem that its code never calls"), v2.toString());
    assertTrue(v2.stream().noneMatch(s -> s.contains("DeleteItem") || s.contains("never deletes")), v2.toString());
  }

  @Test
  void aGrantTheCodeNeverCallsFails() {
    var v = checks(GOOD.replace(GRANTS, "Action: [dynamodb:GetItem, dynamodb:Query, dynamodb:PutItem]")).dynamoDbGrantsMatchCode();
    assertEquals(List.of("Fn: grants dynamodb:PutItem that its code never calls"), v);
  }

  @Test
  void aCallThePolicyDoesNotGrantFails() throws Exception {
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnWriter.java"), """
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        import software.amazon.awssdk.services.dynamodb.model.*;
        class FnWriter {
          void write(DynamoDbClient dynamo) {
            dynamo.transactWriteItems(t -> t.transactItems(TransactWriteItem.builder()
                .conditionCheck(ConditionCheck.builder().tableName("t").build()).build()));
          }
        }""");
    var v = checks(GOOD).dynamoDbGrantsMatchCode();
    assertEquals(List.of("Fn: its code calls dynamodb:ConditionCheckItem (functions/fn/src/main/java/x/FnWriter.java)"
        + " but its policy does not grant it"), v);
  }

  @Test
  void indexGrantsFollowTheCode() throws Exception {
    String noIndexGrant = GOOD.replace("Resource: !Sub '${Table.Arn}/index/*'", "Resource: !GetAtt Table.Arn");
    assertEquals(List.of("Fn: its code queries an index of the table but no statement grants dynamodb:Query on"
        + " !Sub ${Table.Arn}/index/*"), checks(noIndexGrant).dynamoDbGrantsMatchCode());
    Files.writeString(repo.resolve("functions/fn/src/main/java/x/FnStore.java"), """
        import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
        class FnStore { Object q(DynamoDbClient dynamo) { return dynamo.getItem(g -> g).toString() + dynamo.query(q -> q); } }""");
    assertEquals(List.of("Fn: grants access to the table's indexes but its code queries none"),
        checks(GOOD).dynamoDbGrantsMatchCode());
  }

  @Test
  void codeActionsAreFoundOnlyWithTheServicesSdk() {
    assertEquals(java.util.Set.of(), CodeActions.inText("class R { Object q(HttpRequest r) { return r.query(\"x\"); } }"));
    assertEquals(java.util.Set.of("dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"), CodeActions.inText("""
        import software.amazon.awssdk.services.dynamodb.model.*;
        class W { Object w() { return java.util.List.of(Put.builder(), TransactWriteItem.builder().update(u -> u),
            Delete.builder()); } }"""));
    assertEquals(java.util.Set.of("s3:GetObject", "s3:PutObject", "s3:DeleteObject"), CodeActions.inText("""
        import software.amazon.awssdk.services.s3.S3Client;
        class M { void m(S3Client s3) { s3.copyObject(c -> c); s3.deleteObject(d -> d); } }"""));
  }

  @Test
  void sendingAsAnySesIdentityFails() {
    var v = checks(GOOD.replace("identity/${SenderIdentity}", "identity/*")).sesSendsAsOneIdentity();
    assertEquals(List.of("Fn: grants ses:SendEmail on arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/*;"
        + " name the sender identity (identity/${SenderIdentity})"), v);
    String star = GOOD.replace("Resource: !Sub 'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${SenderIdentity}'",
        "Resource: '*'");
    assertEquals(1, checks(star).sesSendsAsOneIdentity().size());
    String template = GOOD.replace(POLICIES, POLICIES + "\n        - SESCrudPolicy: { IdentityName: '*' }");
    assertEquals(List.of("Fn: SESCrudPolicy without one IdentityName lets it send as any SES identity"),
        checks(template).sesSendsAsOneIdentity());
  }

  @Test
  void wholeBucketGrantsFail() {
    var v = checks(GOOD.replace("files-${Stage}/incoming/*", "files-${Stage}/*")).s3GrantsByPrefix();
    assertEquals(List.of("Fn: grants s3:GetObject on arn:${AWS::Partition}:s3:::files-${Stage}/*; name the prefixes (bucket/prefix/*)"), v);
    String crud = GOOD.replace(POLICIES, POLICIES + "\n        - S3CrudPolicy: { BucketName: files }");
    assertEquals(List.of("Fn: S3CrudPolicy grants the whole bucket; grant the actions it uses on the prefixes it uses"),
        checks(crud).s3GrantsByPrefix());
  }

  @Test
  void publicRouteWithoutThrottlingFails() {
    String noDefault = GOOD.replace("      DefaultRouteSettings:\n        ThrottlingBurstLimit: 100\n        ThrottlingRateLimit: 50\n", "");
    assertTrue(!noDefault.equals(GOOD));
    // its own RouteSettings entry is enough
    assertEquals(List.of(), checks(noDefault).publicRoutesThrottled());
    String none = noDefault.replace("'POST /orders': { ThrottlingBurstLimit: 10, ThrottlingRateLimit: 5 }",
        "'POST /orders': { DetailedMetricsEnabled: true }");
    assertEquals(List.of("Fn.Public: public route POST /orders has no throttling (DefaultRouteSettings or RouteSettings"
        + " with ThrottlingBurstLimit and ThrottlingRateLimit)"), checks(none).publicRoutesThrottled());
    // the staff route (authorized, on the implicit API) needs none
    assertTrue(checks(none).publicRoutesThrottled().stream().noneMatch(s -> s.contains("/staff")));
    var typo = checks(GOOD.replace("'POST /orders':", "'POST /order':")).publicRoutesThrottled();
    assertEquals(List.of("Api: RouteSettings 'POST /order' names no route of the API"), typo);
  }

  /** GOOD with a storefront API allowing '*' and the staff route on its own API, whose origins are a guarded parameter. */
  private static final String TWO_APIS = GOOD
      .replace("Globals:\n", """
          Parameters:
            AllowedOrigins:
              Type: CommaDelimitedList
              Default: '*'
            StaffAllowedOrigins:
              Type: CommaDelimitedList
              Default: 'https://console.example.com'
            ConsoleUrl:
              Type: String
              Default: ''
              AllowedPattern: '(https://[^*/]+/[^*]*)?'
          Rules:
            StaffOriginsAreExplicit:
              Assertions:
                - Assert:
                    'Fn::Not': [{ 'Fn::Contains': [!Ref StaffAllowedOrigins, '*'] }]
          Globals:
            HttpApi:
              CorsConfiguration:
                AllowOrigins: !Ref AllowedOrigins
          """)
      .replace("Properties: { Method: GET, Path: /staff/tasks, Auth: { Authorizer: StaffJwt } }",
          "Properties: { ApiId: !Ref StaffApi, Method: GET, Path: /staff/tasks, Auth: { Authorizer: StaffJwt } }")
      .replace("  FnLogs:\n", "  StaffApi:\n    Type: AWS::Serverless::HttpApi\n    Properties:\n      CorsConfiguration:\n"
          + "        AllowOrigins: !If [HasConsole, [!Join ['', [!Select [0, !Split ['/', !Ref ConsoleUrl]], '//', 'x']],"
          + " 'https://ops.example.com'], !Ref StaffAllowedOrigins]\n  FnLogs:\n");

  @Test
  void aStaffRouteThatCouldAnswerStarFails() {
    assertTrue(TWO_APIS.contains("StaffApi:\n") && TWO_APIS.contains("Rules:"), "the template was not rewritten");
    assertEquals(List.of(), checks(TWO_APIS).staffRoutesNeverAnswerStar());
    assertEquals(List.of(), checks(TWO_APIS).publicRoutesThrottled());
    // the staff route on the storefront's API, whose AllowedOrigins is '*'
    String shared = TWO_APIS.replace("ApiId: !Ref StaffApi, Method: GET, Path: /staff/tasks", "ApiId: !Ref Api, Method: GET, Path: /staff/tasks");
    assertEquals(List.of("Fn.Staff: staff route GET /staff/tasks is on Api, whose CORS defaults to '*' (parameter AllowedOrigins)"
        + " - put staff routes on an HttpApi whose AllowOrigins can never be '*'"), checks(shared).staffRoutesNeverAnswerStar());
    // the same with an explicit default: AllowedOrigins can still be set to '*' at deploy time
    var settable = checks(shared.replace("Default: '*'", "Default: 'https://shop.example.com'")).staffRoutesNeverAnswerStar();
    assertEquals(1, settable.size(), settable.toString());
    assertTrue(settable.get(0).contains("can be set to '*' (parameter AllowedOrigins has no Rules assertion"), settable.toString());
    // the staff API without the rule that refuses '*'
    var unguarded = checks(TWO_APIS.replace("!Ref StaffAllowedOrigins, '*'", "!Ref AllowedOrigins, '*'")).staffRoutesNeverAnswerStar();
    assertTrue(unguarded.size() == 1 && unguarded.get(0).contains("parameter StaffAllowedOrigins has no Rules assertion"),
        unguarded.toString());
    // a rule with a condition does not always hold
    var conditional = checks(TWO_APIS.replace("    Assertions:", "    RuleCondition: !Equals [!Ref ConsoleUrl, '']\n    Assertions:"))
        .staffRoutesNeverAnswerStar();
    assertEquals(1, conditional.size(), conditional.toString());
    // a literal '*', CorsConfiguration: true, a ConsoleUrl pattern that lets '*' through
    assertTrue(checks(TWO_APIS.replace("'https://ops.example.com'", "'*'")).staffRoutesNeverAnswerStar().get(0)
        .contains("whose CORS allows '*'"));
    String always = TWO_APIS.replace("      CorsConfiguration:\n        AllowOrigins: !If", "      CorsConfiguration: true\n      Unused: !If");
    assertTrue(checks(always).staffRoutesNeverAnswerStar().get(0).contains("is 'true' (any origin, '*')"));
    assertTrue(checks(TWO_APIS.replace("AllowedPattern: '(https://[^*/]+/[^*]*)?'", "AllowedPattern: '.*'"))
        .staffRoutesNeverAnswerStar().get(0).contains("parameter ConsoleUrl has no Rules assertion"));
    // origins from a function the check cannot follow
    assertTrue(checks(TWO_APIS.replace("!Ref StaffAllowedOrigins]", "!ImportValue StaffOrigins]")).staffRoutesNeverAnswerStar()
        .get(0).contains("Fn::ImportValue"));
  }

  @Test
  void staffRouteWithoutPermissionEntryFailsAndSoDoesAnEntryWithoutRoute() {
    assertEquals(List.of(), checks(GOOD).staffRoutePermissions(java.util.Set.of("GET /staff/tasks")));
    assertEquals(List.of("Fn.Staff: GET /staff/tasks has no entry in the permission table"),
        checks(GOOD).staffRoutePermissions(java.util.Set.of()));
    assertEquals(List.of("permission table: POST /staff/ghost is not a route of the template"),
        checks(GOOD).staffRoutePermissions(java.util.Set.of("GET /staff/tasks", "POST /staff/ghost")));
  }

  @Test
  void shortTagsBecomeTheirLongForm() {
    SamTemplate t = SamTemplate.parse(GOOD);
    SamFunction fn = t.function("Fn");
    assertEquals(java.util.Map.of("Ref", "Table"), fn.environment().get("TABLE_NAME"));
    assertEquals(java.util.Map.of("Fn::GetAtt", List.of("Queue", "QueueUrl")), fn.environment().get("QUEUE_URL"));
    assertEquals("functions/fn", fn.moduleDir());
  }
}
