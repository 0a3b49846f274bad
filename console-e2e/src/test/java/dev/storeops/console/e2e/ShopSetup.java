package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;

/** Puts the shop in the state a test starts from, through the public and staff APIs as their clients do. */
final class ShopSetup {
  private static final Duration WAIT = Duration.ofSeconds(40);
  private final LocalShop shop;
  private final String owner;

  ShopSetup(LocalShop shop) {
    this.shop = shop;
    this.owner = shop.token("owner-elena");
  }

  /** A cash-on-delivery order from the site; returns its id once a manager has it. */
  String placeCashOnDeliveryOrder() {
    return placeCashOnDeliveryOrder("+7903" + String.format("%07d", Math.abs(UUID.randomUUID().hashCode()) % 10_000_000));
  }

  /** The same, from a customer with this phone ({@code +7XXXXXXXXXX}). */
  String placeCashOnDeliveryOrder(String phone) {
    HttpResponse<String> placed = shop.send("POST", "/orders", null, """
        {"customer":{"email":"e2e-%s@example.com","name":"Иван Покупатель","phone":"%s"},
         "lines":[{"sku":"TEA-001","qty":1}],"paymentMethod":"CASH_ON_DELIVERY","channel":"SITE",
         "delivery":{"option":"COURIER","city":"Москва","address":"ул. Тверская, 1"}}"""
        .formatted(UUID.randomUUID(), phone));
    assertEquals(201, placed.statusCode(), placed.body());
    String id = shop.json(placed).path("id").asText();
    awaitOrder(id, o -> !o.path("managerId").asText("").isEmpty() && !o.path("managerId").isNull());
    return id;
  }

  /** The owner gives the order to a manager (its task goes along), as the console's owner would. */
  void assign(String orderId, String managerId) {
    HttpResponse<String> r = shop.send("PUT", "/staff/orders/" + orderId + "/manager", owner,
        "{\"managerId\":\"" + managerId + "\"}");
    assertEquals(200, r.statusCode(), r.body());
  }

  /** Waits until the person has an open task for the order. */
  void awaitTask(String staffId, String orderId) {
    String token = shop.token(staffId);
    await(() -> {
      JsonNode tasks = shop.json(shop.send("GET", "/staff/tasks?assignee=me&status=open", token, null)).path("tasks");
      for (JsonNode t : tasks) {
        if (orderId.equals(t.path("orderId").asText())) {
          return true;
        }
      }
      return false;
    }, staffId + " has a task for " + orderId);
  }

  /** The owner records a call outcome (test setup for orders further down the flow). */
  JsonNode call(String orderId, String outcome) {
    HttpResponse<String> r = shop.send("POST", "/staff/orders/" + orderId + "/calls", owner,
        "{\"outcome\":\"" + outcome + "\"}");
    assertEquals(200, r.statusCode(), r.body());
    return shop.json(r);
  }

  /**
   * The contacts of one kind in the dossier's history page (its {@code history} entries, newest first):
   * {@code call} → the call, {@code mail}/{@code sms} → the message, {@code consent} → the step, {@code note}.
   */
  static java.util.List<JsonNode> contacts(JsonNode history, String kind) {
    String field = kind.equals("mail") || kind.equals("sms") ? "message" : kind;
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    history.forEach(e -> out.addAll(kind.equals(e.path("kind").asText()) ? java.util.List.of(e.path(field)) : java.util.List.of()));
    return out;
  }

  JsonNode order(String orderId) {
    return shop.json(shop.send("GET", "/staff/orders/" + orderId, owner, null));
  }

  JsonNode awaitOrder(String orderId, Predicate<JsonNode> condition) {
    JsonNode[] last = new JsonNode[1];
    await(() -> condition.test(last[0] = order(orderId)), "order " + orderId + " reaches the state awaited");
    return last[0];
  }

  private static void await(java.util.function.BooleanSupplier condition, String what) {
    long until = System.nanoTime() + WAIT.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("timed out: " + what);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }
}
