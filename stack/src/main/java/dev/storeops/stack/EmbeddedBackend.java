package dev.storeops.stack;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.elasticmq.NodeAddress;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.blobstore.BlobStore;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import software.amazon.dynamodb.services.local.main.ServerRunner;
import software.amazon.dynamodb.services.local.server.DynamoDBProxyServer;

/**
 * Real AWS emulators in this JVM, no Docker: DynamoDB Local (Amazon's), ElasticMQ (SQS), S3Proxy
 * (S3) and aws-ses-v2-local (SES v2, a Node child process). All on loopback, started in parallel.
 */
public final class EmbeddedBackend implements Backend {
  public static final String ACCESS_KEY = "test";
  public static final String SECRET_KEY = "test";
  public static final String REGION = "us-east-1";

  /** Ports (0 = any free port) and where to keep data ({@code null} = in memory). */
  public record Options(int dynamoDbPort, int sqsPort, int s3Port, int sesPort, Path dataDir) {
    public static Options ephemeral() {
      return new Options(0, 0, 0, 0, null);
    }
  }

  /** Wraps the blob store S3Proxy serves (local mode raises S3 events from it). */
  public interface BlobStoreDecorator {
    BlobStore decorate(BlobStore store);
  }

  private final List<AutoCloseable> running = new ArrayList<>();
  private final Endpoints endpoints;
  private final SesLocal ses;

  private EmbeddedBackend(Endpoints endpoints, SesLocal ses, List<AutoCloseable> running) {
    this.endpoints = endpoints;
    this.ses = ses;
    this.running.addAll(running);
  }

  public static EmbeddedBackend start(Path repoRoot) {
    return start(repoRoot, Options.ephemeral(), store -> store);
  }

  public static EmbeddedBackend start(Path repoRoot, Options options, BlobStoreDecorator decorator) {
    int sesPort = Ports.pick(options.sesPort());
    List<AutoCloseable> started = new ArrayList<>();
    try {
      // each server on its own port, picked again if another took it meanwhile (Ports.startOn)
      var ses = CompletableFuture.supplyAsync(() -> SesLocal.start(repoRoot, sesPort));
      var dynamo = CompletableFuture.supplyAsync(
          () -> Ports.startOn(options.dynamoDbPort(), port -> startDynamo(port, options.dataDir())));
      var sqs = CompletableFuture.supplyAsync(() -> Ports.startOn(options.sqsPort(), EmbeddedBackend::startSqs));
      var s3 = CompletableFuture.supplyAsync(
          () -> Ports.startOn(options.s3Port(), port -> startS3(port, options.dataDir(), decorator)));
      Ports.Started<DynamoDBProxyServer> dynamoServer = dynamo.join();
      started.add(stopper(dynamoServer.server()));
      Ports.Started<SQSRestServer> sqsServer = sqs.join();
      started.add(sqsServer.server()::stopAndWait);
      Ports.Started<S3Proxy> s3Proxy = s3.join();
      started.add(s3Proxy.server()::stop);
      SesLocal sesLocal = ses.join();
      started.add(sesLocal);
      Endpoints endpoints = new Endpoints(
          URI.create("http://127.0.0.1:" + dynamoServer.port()), URI.create("http://127.0.0.1:" + sqsServer.port()),
          URI.create("http://127.0.0.1:" + s3Proxy.port()), sesLocal.endpoint(), REGION, ACCESS_KEY, SECRET_KEY);
      return new EmbeddedBackend(endpoints, sesLocal, started);
    } catch (RuntimeException e) {
      closeAll(started);
      throw e;
    }
  }

  private static AutoCloseable stopper(DynamoDBProxyServer server) {
    return server::stop;
  }

  private static DynamoDBProxyServer startDynamo(int port, Path dataDir) {
    try {
      List<String> args = new ArrayList<>(List.of("-port", Integer.toString(port), "-disableTelemetry"));
      if (dataDir == null) {
        args.add("-inMemory");
      } else {
        Path dir = dataDir.resolve("dynamodb").toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        args.addAll(List.of("-dbPath", dir.toString(), "-sharedDb"));
      }
      DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
      server.start();
      return server;
    } catch (Exception e) {
      throw new IllegalStateException("DynamoDB Local did not start on port " + port, e);
    }
  }

  private static SQSRestServer startSqs(int port) {
    SQSRestServer server = SQSRestServerBuilder.withPort(port).withInterface("127.0.0.1")
        .withServerAddress(new NodeAddress("http", "127.0.0.1", port, ""))
        .withAWSRegion(REGION).withAWSAccountId("000000000000").start();
    server.waitUntilStarted();
    return server;
  }

  private static S3Proxy startS3(int port, Path dataDir, BlobStoreDecorator decorator) {
    try {
      BlobStore store;
      if (dataDir == null) {
        store = new TransientNio2BlobStore();
      } else {
        Path dir = dataDir.resolve("s3").toAbsolutePath();
        java.nio.file.Files.createDirectories(dir);
        store = new FilesystemNio2BlobStore(dir.toString());
      }
      S3Proxy proxy = S3Proxy.builder()
          .blobStore(decorator.decorate(store))
          .endpoint(URI.create("http://127.0.0.1:" + port))
          .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
          // the staff console (served on 127.0.0.1) uploads supplier files with presigned PUTs
          .corsRules(new org.gaul.s3proxy.CrossOriginResourceSharing(
              java.util.List.of("http://127\\.0\\.0\\.1(:\\d+)?", "http://localhost(:\\d+)?"),
              java.util.List.of("GET", "HEAD", "PUT"), java.util.List.of("*"), java.util.List.of("ETag"), "false"))
          .build();
      try {
        proxy.start();
        Ports.awaitOpen(port, java.time.Duration.ofSeconds(10), "S3Proxy");
      } catch (Exception e) {
        try {
          proxy.stop();
        } catch (Exception ignored) {
          // it never listened
        }
        throw e;
      }
      return proxy;
    } catch (Exception e) {
      throw new IllegalStateException("S3Proxy did not start on port " + port, e);
    }
  }

  @Override
  public String name() {
    return "embedded (DynamoDB Local, ElasticMQ, S3Proxy, aws-ses-v2-local)";
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  @Override
  public List<SentMail> sentMail() {
    return ses.sentMail();
  }

  @Override
  public void clearSentMail() {
    ses.clear();
  }

  @Override
  public void close() {
    closeAll(running);
    running.clear();
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // best effort on shutdown
      }
    }
  }
}
