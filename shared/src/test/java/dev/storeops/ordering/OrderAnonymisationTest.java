package dev.storeops.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.ErasedReferences;
import dev.storeops.platform.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrderAnonymisationTest {
  private static Map<String, Object> order() {
    Map<String, Object> delivery = new LinkedHashMap<>();
    delivery.put("option", "COURIER");
    delivery.put("method", "COURIER");
    delivery.put("city", "Москва");
    delivery.put("address", "ул. Тверская, 1, кв. 5");
    delivery.put("costMinor", 25000L);
    Map<String, Object> order = new LinkedHashMap<>();
    order.put("id", "ord_1");
    order.put("number", "261123-ABCDEF");
    order.put("customerId", "cus_anna");
    order.put("lines", List.of(Map.of("sku", "TEA-001", "name", "Чай", "qty", 2L, "priceMinor", 1200L, "totalMinor", 2400L)));
    order.put("itemsTotalMinor", 2400L);
    order.put("deliveryCostMinor", 25000L);
    order.put("totalMinor", 27400L);
    order.put("delivery", delivery);
    order.put("status", "CANCELLED");
    order.put("statusHistory", List.of(
        Map.of("at", "2026-11-23T09:00:00Z", "status", "NEW", "by", "customer"),
        Map.of("at", "2026-11-23T10:00:00Z", "status", "CANCELLED", "by", "mgr-olga",
            "reason", "Анна Петрова переехала на ул. Ленина, 5")));
    order.put("calls", List.of(Map.of("id", "c1", "outcome", "REFUSED", "reason", "Звонила Анна, +79031112233")));
    order.put("payments", List.of(Map.of("eventId", "evt_1", "amountMinor", 27400L)));
    order.put("cancelReason", "Анна Петрова передумала");
    order.put("accessTokenHash", "abc");
    order.put("managerId", "mgr-olga");
    return order;
  }

  @Test
  void keepsWhatAccountingNeedsAndReferencesTheErasedCustomer() {
    String ref = ErasedReferences.reference("cus_anna");
    Map<String, Object> out = OrderAnonymisation.anonymise(order(), ref);
    assertEquals(ref, out.get("customerId"));
    for (String kept : List.of("id", "number", "lines", "itemsTotalMinor", "deliveryCostMinor", "totalMinor", "status",
        "payments", "managerId")) {
      assertEquals(order().get(kept), out.get(kept), kept);
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> delivery = (Map<String, Object>) out.get("delivery");
    assertEquals(Map.of("option", "COURIER", "method", "COURIER", "city", "Москва", "costMinor", 25000L), delivery);
  }

  @Test
  void removesAddressFreeTextAndTheAccessTokenHash() {
    Map<String, Object> out = OrderAnonymisation.anonymise(order(), ErasedReferences.reference("cus_anna"));
    String json = Json.write(out);
    for (String personal : List.of("Тверская", "Анна", "Петрова", "Ленина", "+79031112233", "cus_anna")) {
      assertFalse(json.contains(personal), personal + " left in " + json);
    }
    assertFalse(out.containsKey("accessTokenHash"));
    assertEquals(ErasedReferences.REDACTED, out.get("cancelReason"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> history = (List<Map<String, Object>>) out.get("statusHistory");
    assertFalse(history.get(0).containsKey("reason"), "no reason stays no reason");
    assertEquals(ErasedReferences.REDACTED, history.get(1).get("reason"));
    assertEquals("CANCELLED", history.get(1).get("status"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> calls = (List<Map<String, Object>>) out.get("calls");
    assertEquals(Map.of("id", "c1", "outcome", "REFUSED", "reason", ErasedReferences.REDACTED), calls.get(0));
  }

  @Test
  void anonymisingTwiceChangesNothingMore() {
    String ref = ErasedReferences.reference("cus_anna");
    Map<String, Object> once = OrderAnonymisation.anonymise(order(), ref);
    assertEquals(once, OrderAnonymisation.anonymise(once, ref));
    assertTrue(ErasedReferences.isReference((String) once.get("customerId")));
  }
}
