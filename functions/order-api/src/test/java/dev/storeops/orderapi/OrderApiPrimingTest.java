package dev.storeops.orderapi;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import org.junit.jupiter.api.Test;

/** order-api's in-memory priming step (SnapStart) runs on its priming data without a table. */
class OrderApiPrimingTest {
  @Test
  void theOrderDomainStepComputesDeliveryOptionsSearchTermsAndTheOrdersMappingsInMemory() {
    assertDoesNotThrow(OrderApiWiring::primeOrderDomain);
  }
}
