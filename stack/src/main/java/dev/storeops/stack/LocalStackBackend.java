package dev.storeops.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;

/** LocalStack in a container through Testcontainers; used where a Docker engine answers. */
public final class LocalStackBackend implements Backend {
  /** The LocalStack image; override with {@code -Dstoreops.localstack.image=…}. */
  public static final String DEFAULT_IMAGE = "localstack/localstack:4.10";
  private final LocalStackContainer container;
  private final Endpoints endpoints;
  private final HttpClient http = HttpClient.newHttpClient();

  private LocalStackBackend(LocalStackContainer container) {
    this.container = container;
    URI endpoint = container.getEndpoint();
    this.endpoints = new Endpoints(endpoint, endpoint, endpoint, endpoint, container.getRegion(),
        container.getAccessKey(), container.getSecretKey());
  }

  public static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  public static LocalStackBackend start() {
    String image = System.getProperty("storeops.localstack.image", DEFAULT_IMAGE);
    LocalStackContainer container = new LocalStackContainer(DockerImageName.parse(image)
        .asCompatibleSubstituteFor("localstack/localstack"))
        .withServices("dynamodb", "sqs", "s3", "ses");
    container.start();
    return new LocalStackBackend(container);
  }

  @Override
  public String name() {
    return "LocalStack (" + container.getDockerImageName() + ")";
  }

  @Override
  public Endpoints endpoints() {
    return endpoints;
  }

  /** LocalStack keeps sent mail at {@code /_aws/ses}. */
  @Override
  public List<SentMail> sentMail() {
    JsonNode root;
    try {
      String body = http.send(HttpRequest.newBuilder(endpoints.ses().resolve("/_aws/ses")).GET().build(),
          HttpResponse.BodyHandlers.ofString()).body();
      root = Json.mapper().readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    List<SentMail> out = new ArrayList<>();
    for (JsonNode m : root.path("messages")) {
      List<String> to = new ArrayList<>();
      m.path("Destination").path("ToAddresses").forEach(t -> to.add(t.asText()));
      JsonNode body = m.path("Body");
      out.add(new SentMail(m.path("Id").asText(), m.path("Source").asText(), to,
          m.path("Subject").asText(), body.path("text_part").isMissingNode() ? null : body.path("text_part").asText(null),
          body.path("html_part").isMissingNode() ? null : body.path("html_part").asText(null), Map.of()));
    }
    return out;
  }

  @Override
  public void clearSentMail() {
    try {
      http.send(HttpRequest.newBuilder(endpoints.ses().resolve("/_aws/ses")).DELETE().build(),
          HttpResponse.BodyHandlers.discarding());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    container.stop();
  }
}
