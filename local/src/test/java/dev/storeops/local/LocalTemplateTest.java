package dev.storeops.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.stack.RepoRoot;
import dev.storeops.stack.template.SamTemplate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What local mode refuses to run (clear error naming the resource) and what it only warns about. */
class LocalTemplateTest {
  private static final String HEAD = """
      Transform: AWS::Serverless-2016-10-31
      Resources:
        Queue:
          Type: AWS::SQS::Queue
        Bucket:
          Type: AWS::S3::Bucket
      """;

  private static LocalTemplate read(String functions) {
    return LocalTemplate.read(SamTemplate.parse(HEAD + functions), LocalTemplateTest.class.getClassLoader());
  }

  private static String function(String id, String handler, String extra) {
    return "  " + id + ":\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: java21\n"
        + "      Handler: " + handler + "\n" + indent(extra, 6);
  }

  /** Re-indents a YAML snippet so its least indented lines start at {@code by} spaces. */
  private static String indent(String yaml, int by) {
    int least = yaml.lines().filter(l -> !l.isBlank())
        .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
    StringBuilder out = new StringBuilder();
    yaml.lines().filter(l -> !l.isBlank()).forEach(l -> out.append(" ".repeat(by)).append(l.substring(least)).append('\n'));
    return out.toString();
  }

  @Test
  void anUnknownHandlerClassNamesTheFunction() {
    var e = assertThrows(LocalTemplate.TemplateError.class,
        () -> read(function("GhostFunction", "dev.storeops.nowhere.GhostHandler::handleRequest", "")));
    assertTrue(e.getMessage().startsWith("GhostFunction: "), e.getMessage());
    assertTrue(e.getMessage().contains("dev.storeops.nowhere.GhostHandler"), e.getMessage());
  }

  @Test
  void aHandlerWithoutAnEnvConstructorIsRefused() {
    var e = assertThrows(LocalTemplate.TemplateError.class,
        () -> read(function("OldFunction", "dev.storeops.local.testfn.NoEnvConstructorHandler", "")));
    assertTrue(e.getMessage().startsWith("OldFunction: "), e.getMessage());
    assertTrue(e.getMessage().contains("dev.storeops.platform.config.Env"), e.getMessage());
  }

  @Test
  void aMissingHandlerMethodIsRefused() {
    var e = assertThrows(LocalTemplate.TemplateError.class,
        () -> read(function("F", "dev.storeops.local.testfn.EchoHandler::noSuchMethod", "")));
    assertTrue(e.getMessage().contains("noSuchMethod"), e.getMessage());
  }

  @Test
  void anUnsupportedEventTypeNamesFunctionAndEvent() {
    var e = assertThrows(LocalTemplate.TemplateError.class, () -> read(function("StreamFunction",
        "dev.storeops.local.testfn.EchoHandler", """
              Events:
                Changes:
                  Type: Kinesis
                  Properties: { Stream: arn:aws:kinesis:us-east-1:1:stream/x, StartingPosition: LATEST }
            """)));
    assertTrue(e.getMessage().startsWith("StreamFunction event Changes: event type Kinesis is not supported"),
        e.getMessage());
  }

  @Test
  void anSqsSourceOnAQueueOutsideTheTemplateIsRefused() {
    var e = assertThrows(LocalTemplate.TemplateError.class, () -> read(function("Worker",
        "dev.storeops.local.testfn.SqsRecordingHandler", """
              Events:
                Work:
                  Type: SQS
                  Properties: { Queue: arn:aws:sqs:us-east-1:1:elsewhere }
            """)));
    assertTrue(e.getMessage().startsWith("Worker event Work: Queue must be"), e.getMessage());
  }

  @Test
  void aBadScheduleExpressionNamesTheEvent() {
    var e = assertThrows(LocalTemplate.TemplateError.class, () -> read(function("Cron",
        "dev.storeops.local.testfn.ScheduleRecordingHandler", """
              Events:
                Tick:
                  Type: Schedule
                  Properties: { Schedule: 'cron(0 12 * * *)' }
            """)));
    assertTrue(e.getMessage().startsWith("Cron event Tick: cron(0 12 * * *): AWS cron has 6 fields"), e.getMessage());
  }

  @Test
  void harmlessUnsupportedPropertiesAreOneLineWarnings() {
    LocalTemplate t = read(function("Worker", "dev.storeops.local.testfn.SqsRecordingHandler", """
              Layers: [arn:aws:lambda:us-east-1:1:layer:x:1]
              Events:
                Work:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Queue.Arn
                    BatchSize: 7
                    MaximumBatchingWindowInSeconds: 5
                    FunctionResponseTypes: [ReportBatchItemFailures]
            """));
    assertEquals(List.of("property Layers is ignored by local mode (in Worker)",
        "property MaximumBatchingWindowInSeconds is ignored by local mode (in Worker event Work)"), t.warnings());
    assertEquals(List.of(new LocalTemplate.SqsSource("Worker", "Work", "Queue", 7, true, true)), t.queues());
  }

  @Test
  void concurrencyFollowsScalingConfigCappedByReservedConcurrency() {
    String sqs = """
              %s
              Events:
                Work:
                  Type: SQS
                  Properties:
                    Queue: !GetAtt Queue.Arn
                    BatchSize: 10
                    ScalingConfig: { MaximumConcurrency: 8 }
            """;
    assertEquals(8, read(function("A", "dev.storeops.local.testfn.SqsRecordingHandler", sqs.formatted("Timeout: 3")))
        .queues().get(0).concurrency());
    assertEquals(3, read(function("A", "dev.storeops.local.testfn.SqsRecordingHandler",
        sqs.formatted("ReservedConcurrentExecutions: 3"))).queues().get(0).concurrency());
    LocalTemplate plain = read(function("A", "dev.storeops.local.testfn.SqsRecordingHandler", """
              Events:
                Work:
                  Type: SQS
                  Properties: { Queue: !GetAtt Queue.Arn }
            """));
    assertEquals(LocalTemplate.DEFAULT_CONCURRENCY, plain.queues().get(0).concurrency());
    assertEquals(List.of(), plain.warnings());
  }

  @Test
  void theSameIgnoredPropertyInManyPlacesIsOneLine() {
    LocalTemplate t = read(function("A", "dev.storeops.local.testfn.SqsRecordingHandler", "Layers: [x]")
        + function("B", "dev.storeops.local.testfn.SqsRecordingHandler", "Layers: [y]"));
    assertEquals(List.of("property Layers is ignored by local mode (in A, B)"), t.warnings());
  }

  @Test
  void readsStreamSourcesAndRefusesATableWithoutAStream() {
    String table = """
          Orders:
            Type: AWS::DynamoDB::Table
            Properties:
              KeySchema: [{ AttributeName: pk, KeyType: HASH }]
              AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
        """;
    String stream = """
              Events:
                Changes:
                  Type: DynamoDB
                  Properties:
                    Stream: !GetAtt Orders.StreamArn
                    StartingPosition: TRIM_HORIZON
                    BatchSize: 50
                    MaximumRetryAttempts: 4
                    FunctionResponseTypes: [ReportBatchItemFailures]
                    DestinationConfig: { OnFailure: { Destination: !GetAtt Queue.Arn } }
            """;
    var e = assertThrows(LocalTemplate.TemplateError.class, () -> read(indent(table, 2)
        + function("Reports", "dev.storeops.local.testfn.StreamRecordingHandler", stream)));
    assertEquals("Reports event Changes: table Orders has no StreamSpecification", e.getMessage());

    LocalTemplate t = read(indent(table + "      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n", 2)
        + function("Reports", "dev.storeops.local.testfn.StreamRecordingHandler", stream));
    assertEquals(List.of(new LocalTemplate.StreamSource("Reports", "Changes", "Orders", "TRIM_HORIZON", 50, true, true,
        4, "Queue", EventFilter.NONE)), t.streams());
    assertEquals(1, t.streams().get(0).parallelization());

    LocalTemplate parallel = read(indent(table + "      StreamSpecification: { StreamViewType: NEW_AND_OLD_IMAGES }\n", 2)
        + function("Reports", "dev.storeops.local.testfn.StreamRecordingHandler",
            stream.replace("  Events:", "  ReservedConcurrentExecutions: 2\n  Events:")
                .replace("BatchSize: 50", "BatchSize: 50\n        ParallelizationFactor: 4")));
    assertEquals(4, parallel.streams().get(0).parallelization());
    assertEquals(2, parallel.streams().get(0).concurrency());
    assertEquals(List.of(), parallel.warnings());
  }

  @Test
  void scheduleSettingsMayComeFromParameters() {
    String yaml = HEAD.replace("Resources:", "Parameters:\n  ShopTimeZone: { Type: String, Default: Europe/Moscow }\nResources:")
        + function("Jobs", "dev.storeops.local.testfn.ScheduleRecordingHandler", """
              Events:
                Daily:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 8 * * ? *)
                    ScheduleExpressionTimezone: !Ref ShopTimeZone
            """);
    LocalTemplate t = LocalTemplate.read(SamTemplate.parse(yaml), getClass().getClassLoader());
    assertEquals("Europe/Moscow", t.schedules().get(0).timezone());
    LocalTemplate berlin = LocalTemplate.read(SamTemplate.parse(yaml), getClass().getClassLoader(),
        Map.of("ShopTimeZone", "Europe/Berlin"));
    assertEquals("Europe/Berlin", berlin.schedules().get(0).timezone());
  }

  @Test
  void readsS3FiltersAndSchedules() {
    LocalTemplate t = read(function("Files", "dev.storeops.local.testfn.S3RecordingHandler", """
              Events:
                Incoming:
                  Type: S3
                  Properties:
                    Bucket: !Ref Bucket
                    Events: [s3:ObjectCreated:Put]
                    Filter: { S3Key: { Rules: [{ Name: prefix, Value: in/ }, { Name: suffix, Value: .csv }] } }
            """) + function("Jobs", "dev.storeops.local.testfn.ScheduleRecordingHandler", """
              Events:
                Daily:
                  Type: ScheduleV2
                  Properties:
                    ScheduleExpression: cron(0 3 * * ? *)
                    ScheduleExpressionTimezone: Europe/Moscow
                    State: DISABLED
            """));
    LocalTemplate.S3Source s3 = t.buckets().get(0);
    assertTrue(s3.matches("ObjectCreated:Put", "in/a.csv"));
    assertTrue(!s3.matches("ObjectCreated:CompleteMultipartUpload", "in/a.csv"));
    assertTrue(!s3.matches("ObjectCreated:Put", "out/a.csv"));
    assertTrue(!s3.matches("ObjectCreated:Put", "in/a.txt"));
    LocalTemplate.ScheduleSource daily = t.schedules().get(0);
    assertEquals("Europe/Moscow", daily.timezone());
    assertTrue(!daily.enabled());
    assertTrue(daily.v2());
  }

  @Test
  void theRealTemplateRunsWithoutErrors() {
    Path root = RepoRoot.find();
    LocalTemplate t = LocalTemplate.read(SamTemplate.load(root.resolve("template.yaml")), getClass().getClassLoader());
    assertTrue(t.routes().stream().anyMatch(r -> r.method().equals("POST") && r.path().equals("/customers")));
    assertTrue(t.routes().stream().filter(r -> r.path().startsWith("/staff/")).allMatch(LocalTemplate.HttpRoute::authorized));
    // the asynchronous triggers' on-failure configuration is a one-line notice, not an error
    String notice = t.warnings().stream().filter(w -> w.startsWith("property EventInvokeConfig is ignored by local mode"))
        .findFirst().orElseThrow(() -> new AssertionError(t.warnings().toString()));
    assertTrue(notice.contains("StockImportFunction") && notice.contains("SchedulerFunction"), notice);
    // so is the API's throttling: one line
    assertEquals(1, t.warnings().stream().filter(w -> w.startsWith("HttpApi: route throttling")).count(),
        t.warnings().toString());
    // alarms and the dashboard: one notice naming them, pointing at the local metrics
    String monitoring = t.warnings().stream().filter(w -> w.startsWith("CloudWatch is not emulated"))
        .findFirst().orElseThrow(() -> new AssertionError(t.warnings().toString()));
    assertTrue(monitoring.contains("[OpsDashboard]") && monitoring.contains("/_local/metrics"), monitoring);
  }

  @Test
  void theCommandExitsNonZeroNamingTheResource(@TempDir Path dir) throws Exception {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, HEAD + function("GhostFunction", "dev.storeops.nowhere.GhostHandler", ""));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalMode.run(new String[] {"--template", bad.toString(), "--local-dir", dir.resolve(".local").toString()},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    assertEquals(2, code);
    String message = err.toString(StandardCharsets.UTF_8);
    assertTrue(message.contains("GhostFunction: handler class dev.storeops.nowhere.GhostHandler"), message);
  }

  @Test
  void badOptionsAreAUsageError() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = LocalMode.run(new String[] {"--port", "abc"}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true, StandardCharsets.UTF_8), Map.of());
    assertEquals(64, code);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("--port must be a port number"));
  }
}
