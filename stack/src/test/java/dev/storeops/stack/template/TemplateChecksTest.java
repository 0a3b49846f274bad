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
            Events:
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

  @Test
  void shortTagsBecomeTheirLongForm() {
    SamTemplate t = SamTemplate.parse(GOOD);
    SamFunction fn = t.function("Fn");
    assertEquals(java.util.Map.of("Ref", "Table"), fn.environment().get("TABLE_NAME"));
    assertEquals(java.util.Map.of("Fn::GetAtt", List.of("Queue", "QueueUrl")), fn.environment().get("QUEUE_URL"));
    assertEquals("functions/fn", fn.moduleDir());
  }
}
