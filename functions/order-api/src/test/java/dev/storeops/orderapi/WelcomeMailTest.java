package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.platform.ids.TokenHash;
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
    for (int round = 0; round < 10 && mine.size() < 2; round++) {
      for (var m : stack.sqs().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        MailIntent intent = Json.mapper().readValue(m.body(), MailIntent.class);
        stack.sqs().deleteMessage(d -> d.queueUrl(url).receiptHandle(m.receiptHandle()));
        if (id.equals(intent.customerId())) {
          mine.add(intent);
        }
      }
    }
    assertEquals(2, mine.size(), "welcome + double opt-in confirmation (consent was ticked): " + mine);
    MailIntent welcome = mine.stream().filter(i -> i.template().equals("welcome")).findFirst().orElseThrow();
    assertEquals("welcome#" + id, welcome.dedupeKey());
    assertEquals("welcome", welcome.template());
    assertEquals(MailIntent.Category.TRANSACTIONAL, welcome.category());
    assertEquals(email, welcome.to());
    assertEquals("ru", welcome.locale());
    assertEquals(Map.of("customerName", "Анна Петрова"), welcome.data());

    MailIntent confirm = mine.stream().filter(i -> i.template().equals("consent-confirmation")).findFirst().orElseThrow();
    assertEquals(MailIntent.Category.TRANSACTIONAL, confirm.category(), "sent without consent: it asks for it");
    assertEquals(email, confirm.to());
    String token = (String) confirm.data().get("consentToken");
    var link = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("CONSENTLINK#" + TokenHash.of(token)),
        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("LINK")))).item();
    assertEquals(id, link.get("customerId").s(), "the link is stored by its hash");
  }
}
