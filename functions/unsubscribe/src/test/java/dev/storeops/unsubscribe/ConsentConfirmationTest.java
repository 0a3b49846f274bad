package dev.storeops.unsubscribe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerRegistration;
import dev.storeops.customers.CustomerService;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.platform.ids.TokenHash;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Double opt-in: GET /consent/confirm shows a button, POST confirms once; provable consent on the profile. */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsentConfirmationTest {
  private AwsStack stack;
  private UnsubscribeHandler handler;
  private DynamoCustomerStore customers;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.stack = stack;
    this.handler = stack.handler("UnsubscribeFunction", UnsubscribeHandler.class);
    this.customers = new DynamoCustomerStore(stack.dynamoDb(), stack.tableName("StoreTable"));
  }

  private CustomerService.Registered register(Clock clock) {
    return new CustomerService(customers, clock, "ru").register(new CustomerRegistration(
        "doi." + UUID.randomUUID() + "@example.com", "Олег", "+79123456789", null, true, "ru"),
        "POST /customers", "req-registration");
  }

  private static APIGatewayV2HTTPEvent page(String token) {
    APIGatewayV2HTTPEvent e = UnsubscribeTest.event("get-unsubscribe.json", token);
    e.setRouteKey("GET /consent/confirm");
    return e;
  }

  @Test
  void getShowsAButtonAndPostConfirmsOnceRecordingWhenAndFromWhichRequestAndLink() {
    CustomerService.Registered r = register(Clock.systemUTC());
    String id = r.customer().id();
    assertFalse(customers.find(id).orElseThrow().marketingConsent());

    APIGatewayV2HTTPResponse get = handler.handleRequest(page(r.consentToken()), null);
    assertEquals(200, get.getStatusCode());
    assertTrue(get.getBody().contains("Подтвердите подписку"), get.getBody());
    assertTrue(get.getBody().contains("action=\"confirm?lang=ru\""));
    assertFalse(customers.find(id).orElseThrow().marketingConsent(), "a GET confirms nothing (link scanners)");

    APIGatewayV2HTTPEvent post = UnsubscribeTest.formPost("POST /consent/confirm", r.consentToken());
    APIGatewayV2HTTPResponse confirmed = handler.handleRequest(post, null);
    assertEquals(200, confirmed.getStatusCode(), confirmed.getBody());
    assertTrue(confirmed.getBody().contains("Подписка подтверждена"));

    Customer after = customers.find(id).orElseThrow();
    assertTrue(after.marketingConsent());
    assertNotNull(after.consentConfirmedAt());
    assertNull(after.consentPendingSince());
    assertEquals(2, after.consentHistory().size());
    ConsentEvent given = after.consentHistory().get(0);
    ConsentEvent confirmation = after.consentHistory().get(1);
    assertEquals(ConsentEvent.Kind.GIVEN, given.kind());
    assertEquals("req-registration", given.requestId());
    assertEquals(ConsentEvent.Kind.CONFIRMED, confirmation.kind());
    assertEquals(after.consentConfirmedAt(), confirmation.at());
    assertEquals(post.getRequestContext().getRequestId(), confirmation.requestId(), "from which request");
    assertEquals(given.linkId(), confirmation.linkId(), "with the link that was mailed");
    assertEquals(CustomerService.linkId(TokenHash.of(r.consentToken())), confirmation.linkId());
    var profile = stack.dynamoDb().getItem(g -> g.tableName(stack.tableName("StoreTable")).key(Map.of(
        "pk", AttributeValue.fromS("CUSTOMER#" + id), "sk", AttributeValue.fromS("PROFILE")))).item();
    assertEquals("CONSENT#marketing", profile.get("gsi2pk").s(), "now in the marketing segment");

    APIGatewayV2HTTPResponse again = handler.handleRequest(UnsubscribeTest.formPost("POST /consent/confirm", r.consentToken()), null);
    assertEquals(404, again.getStatusCode(), "a link works once");
    assertEquals(2, customers.find(id).orElseThrow().consentHistory().size());
  }

  @Test
  void unknownAndExpiredLinksConfirmNothing() {
    assertEquals(404, handler.handleRequest(UnsubscribeTest.formPost("POST /consent/confirm", "made-up-token"), null)
        .getStatusCode());
    CustomerService.Registered old = register(Clock.fixed(Instant.now().minus(CustomerService.CONSENT_LINK_VALIDITY)
        .minus(Duration.ofMinutes(1)), ZoneOffset.UTC));
    APIGatewayV2HTTPResponse expired = handler.handleRequest(UnsubscribeTest.formPost("POST /consent/confirm", old.consentToken()), null);
    assertEquals(404, expired.getStatusCode());
    assertTrue(expired.getBody().contains("Ссылка недействительна"));
    assertFalse(customers.find(old.customer().id()).orElseThrow().marketingConsent());
  }
}
