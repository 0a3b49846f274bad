package dev.storeops.smssender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.messaging.sms.SmsProviderException;
import dev.storeops.platform.aws.AwsClients;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.json.Json;
import dev.storeops.stack.LocalStackBackend;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * The SNS adapter on the LocalStack tier: {@code Publish} to a phone number with the transactional SMS
 * type and the sender ID, read back from LocalStack's {@code GET /_aws/sns/sms-messages}. Runs only where
 * a Docker engine answers ({@link LocalStackBackend#dockerAvailable()}); skipped (with the reason in the
 * report) elsewhere, like the other LocalStack-tier tests.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SnsSmsLocalStackTest {
  private LocalStackContainer localStack;
  private SnsSmsProvider provider;

  @BeforeAll
  void start() {
    Assumptions.assumeTrue(LocalStackBackend.dockerAvailable(), "no Docker engine answers: the LocalStack tier is skipped");
    localStack = new LocalStackContainer(DockerImageName.parse(
        System.getProperty("storeops.localstack.image", LocalStackBackend.DEFAULT_IMAGE))
        .asCompatibleSubstituteFor("localstack/localstack")).withServices("sns");
    localStack.start();
    Env env = Env.of(Map.of("AWS_ENDPOINT_URL_SNS", localStack.getEndpoint().toString(),
        "AWS_REGION", localStack.getRegion(), "AWS_ACCESS_KEY_ID", localStack.getAccessKey(),
        "AWS_SECRET_ACCESS_KEY", localStack.getSecretKey()));
    provider = new SnsSmsProvider(new AwsClients(env).configured(SnsClient.builder(), "SNS").build());
  }

  @AfterAll
  void stop() {
    if (localStack != null) {
      localStack.stop();
    }
  }

  /** Every SMS LocalStack recorded: each JSON object that has a {@code PhoneNumber}. */
  private List<JsonNode> smsMessages() throws Exception {
    String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(localStack.getEndpoint() + "/_aws/sns/sms-messages")).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body();
    List<JsonNode> out = new ArrayList<>();
    collect(Json.mapper().readTree(body), out);
    return out;
  }

  private static void collect(JsonNode node, List<JsonNode> out) {
    if (node.isObject() && node.has("PhoneNumber")) {
      out.add(node);
      return;
    }
    node.forEach(child -> collect(child, out));
  }

  @Test
  void publishesATransactionalSmsToThePhoneNumber() throws Exception {
    String id = provider.send("+79031112233", "Заказ 261130-000001 доставлен. Спасибо за покупку!", "MyShop");
    JsonNode sms = smsMessages().stream().filter(m -> id.equals(m.path("MessageId").asText())).findFirst().orElseThrow();
    assertEquals("+79031112233", sms.path("PhoneNumber").asText());
    assertEquals("Заказ 261130-000001 доставлен. Спасибо за покупку!", sms.path("Message").asText());
    assertEquals("Transactional", sms.path("MessageAttributes").path("AWS.SNS.SMS.SMSType").path("StringValue").asText());
    assertEquals("MyShop", sms.path("MessageAttributes").path("AWS.SNS.SMS.SenderID").path("StringValue").asText());
  }

  @Test
  void anInvalidNumberIsAPermanentRefusal() {
    SmsProviderException e = assertThrows(SmsProviderException.class, () -> provider.send("not-a-number", "x", "MyShop"));
    assertEquals(true, e.permanent());
    assertFalse(e.code().isBlank());
  }
}
