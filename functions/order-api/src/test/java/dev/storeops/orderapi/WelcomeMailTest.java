package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.MailIntent;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Registration enqueues the welcome mail intent on the EmailQueue (issue 7's welcome flow). */
@WithAwsStack
class WelcomeMailTest {
  @Test
  void aRegisteredCustomerGetsOneWelcomeIntent(AwsStack stack) throws Exception {
    OrderApiHandler handler = stack.handler("OrderApiFunction", OrderApiHandler.class);
    String email = "welcome." + UUID.randomUUID() + "@example.com";
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent("events/order-api/register-customer.json");
    event.setBody(event.getBody().replace("anna.petrova@example.com", email));
    APIGatewayV2HTTPResponse created = handler.handleRequest(event, null);
    assertEquals(201, created.getStatusCode(), created.getBody());
    String id = Json.mapper().readTree(created.getBody()).path("id").asText();

    String url = stack.queueUrl("EmailQueue");
    List<MailIntent> mine = new ArrayList<>();
    for (int round = 0; round < 10 && mine.isEmpty(); round++) {
      for (var m : stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        MailIntent intent = Json.mapper().readValue(m.body(), MailIntent.class);
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
        if (id.equals(intent.customerId())) {
          mine.add(intent);
        }
      }
    }
    assertEquals(1, mine.size());
    MailIntent welcome = mine.get(0);
    assertEquals("welcome#" + id, welcome.dedupeKey());
    assertEquals("welcome", welcome.template());
    assertEquals(MailIntent.Category.TRANSACTIONAL, welcome.category());
    assertEquals(email, welcome.to());
    assertEquals("ru", welcome.locale());
    assertEquals(Map.of("customerName", "Анна Петрова"), welcome.data());
  }
}
