package dev.storeops.campaigns;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import java.util.UUID;

/**
 * A campaign's discount code is unique in the shop (its promo code item): tests that create the
 * fixture's campaign more than once give each its own code, {@code NY2027-<random>}.
 */
final class UniqueCode {
  private UniqueCode() {}

  static APIGatewayV2HTTPEvent of(APIGatewayV2HTTPEvent event) {
    try {
      ObjectNode body = (ObjectNode) Json.mapper().readTree(event.getBody());
      if (body.hasNonNull("discountCode")) {
        body.put("discountCode", body.get("discountCode").asText() + "-"
            + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
      }
      event.setBody(Json.mapper().writeValueAsString(body));
      return event;
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
