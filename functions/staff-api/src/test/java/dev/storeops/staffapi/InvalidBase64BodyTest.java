package dev.storeops.staffapi;

import static dev.storeops.stack.http.ProblemAssertions.assertProblemNaming;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A body marked {@code isBase64Encoded} that is not base64 (a broken client or proxy, or a probe) is
 * the caller's mistake: 400 problem+json naming the body, never a 500.
 */
@WithAwsStack
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InvalidBase64BodyTest {
  private StaffApiCalls api;

  @BeforeAll
  void setUp(AwsStack stack) {
    this.api = StaffApiCalls.on(stack);
  }

  @ParameterizedTest
  @ValueSource(strings = {"events/staff-api/create-order.json", "events/staff-api/put-stock.json", "events/staff-api/put-product.json"})
  void aBodyMarkedBase64ThatIsNotIsA400Problem(String fixture) throws Exception {
    APIGatewayV2HTTPEvent event = EventLoader.loadApiGatewayHttpEvent(fixture);
    event.setIsBase64Encoded(true);
    event.setBody("*** not base64 \u2603 {\"a\":1}");
    APIGatewayV2HTTPResponse response = api.call(event);
    assertProblemNaming(400, "body", response.getStatusCode(), response.getHeaders(), response.getBody());
  }
}
