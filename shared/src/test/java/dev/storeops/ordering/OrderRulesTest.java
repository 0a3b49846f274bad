package dev.storeops.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import dev.storeops.platform.http.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OrderRulesTest {
  private static final OrderLimits LIMITS = new OrderLimits(OrderLimits.MAX_LINES, 99);
  private static final List<Channel> SITE = List.of(Channel.SITE);

  private static OrderRequest valid() {
    return new OrderRequest(null, new OrderRequest.ContactRequest("a@example.com", "Анна", "8 912 345 67 89", "ru", null),
        List.of(new OrderRequest.LineRequest("SKU-1", 2)),
        new OrderRequest.DeliveryRequest("courier", "Москва", "Тверская 1", null), "online_card", null, null);
  }

  private static Set<String> fields(Runnable r) {
    DomainException e = assertThrows(DomainException.class, r::run);
    assertEquals(400, Problems.of(e).status());
    return Problems.of(e).errors().stream().map(Problem.FieldError::field).collect(Collectors.toSet());
  }

  @Test
  void aValidRequestIsNormalised() {
    ValidOrder v = OrderRules.validate(valid(), LIMITS, SITE);
    assertEquals(PaymentMethod.ONLINE_CARD, v.paymentMethod());
    assertEquals(Channel.SITE, v.channel());
    assertEquals("COURIER", v.delivery().option());
    assertEquals(List.of(new ValidOrder.Line("SKU-1", 2)), v.lines());
    assertEquals("a@example.com", v.newCustomer().email());
  }

  @Test
  void everyBadFieldIsNamed() {
    OrderRequest bad = new OrderRequest(null, new OrderRequest.ContactRequest("nope", " ", "12", "de", null),
        List.of(new OrderRequest.LineRequest("A", 0), new OrderRequest.LineRequest("", 1),
            new OrderRequest.LineRequest("A", 100)),
        new OrderRequest.DeliveryRequest("TELEPORT", "", null, null), "BITCOIN", "PHONE", "bad id!");
    assertEquals(Set.of("customer.email", "customer.name", "customer.phone", "customer.locale", "lines[0].qty",
        "lines[1].sku", "lines[2].sku", "lines[2].qty", "delivery.option", "delivery.city", "paymentMethod",
        "channel", "cartId"), fields(() -> OrderRules.validate(bad, LIMITS, SITE)));
  }

  @Test
  void missingPartsAreNamed() {
    OrderRequest empty = new OrderRequest(null, null, null, null, null, null, null);
    assertEquals(Set.of("customer", "lines", "delivery", "paymentMethod"),
        fields(() -> OrderRules.validate(empty, LIMITS, SITE)));
  }

  @Test
  void courierAndParcelNeedAnAddressPickupDoesNot() {
    OrderRequest r = valid();
    OrderRequest courier = new OrderRequest(null, r.customer(), r.lines(),
        new OrderRequest.DeliveryRequest("COURIER", "Москва", " ", null), "ONLINE_CARD", null, null);
    assertEquals(Set.of("delivery.address"), fields(() -> OrderRules.validate(courier, LIMITS, SITE)));
    OrderRequest pickup = new OrderRequest(null, r.customer(), r.lines(),
        new OrderRequest.DeliveryRequest("PICKUP", "Москва", null, "msk-1"), "CASH_ON_DELIVERY", null, null);
    assertEquals("msk-1", OrderRules.validate(pickup, LIMITS, SITE).delivery().warehouse());
  }

  @Test
  void moreLinesThanTheLimitAreRejected() {
    List<OrderRequest.LineRequest> lines = new ArrayList<>();
    for (int i = 0; i < OrderLimits.MAX_LINES + 1; i++) {
      lines.add(new OrderRequest.LineRequest("SKU-" + i, 1));
    }
    OrderRequest r = valid();
    OrderRequest many = new OrderRequest(null, r.customer(), lines, r.delivery(), "ONLINE_CARD", null, null);
    assertEquals(Set.of("lines"), fields(() -> OrderRules.validate(many, LIMITS, SITE)));
  }

  @Test
  void staffChannelsArePhoneAndEmail() {
    OrderRequest r = valid();
    List<Channel> staff = List.of(Channel.PHONE, Channel.EMAIL);
    OrderRequest email = new OrderRequest("cus_1", null, r.lines(), r.delivery(), "BANK_TRANSFER", "email", null);
    assertEquals(Channel.EMAIL, OrderRules.validate(email, LIMITS, staff).channel());
    OrderRequest site = new OrderRequest("cus_1", null, r.lines(), r.delivery(), "BANK_TRANSFER", "SITE", null);
    assertEquals(Set.of("channel"), fields(() -> OrderRules.validate(site, LIMITS, staff)));
    assertEquals(Channel.PHONE, OrderRules.validate(new OrderRequest("cus_1", null, r.lines(), r.delivery(),
        "BANK_TRANSFER", null, null), LIMITS, staff).channel());
  }

  @Test
  void idempotencyKeyIsRequiredAndShaped() {
    assertEquals(Set.of("Idempotency-Key"), fields(() -> OrderRules.idempotencyKey(null)));
    assertEquals(Set.of("Idempotency-Key"), fields(() -> OrderRules.idempotencyKey("short")));
    assertEquals("5f0c2b8e-6d1a", OrderRules.idempotencyKey(" 5f0c2b8e-6d1a "));
  }

  @Test
  void fortyLinesTakeTwoTransactionsInTheCommonCaseAndTheOrdersOwnActionsAlwaysFit() {
    assertEquals(40, OrderLimits.MAX_LINES);
    // order, idempotency record, number claim, announce item: 32 reservations beside them
    assertEquals(32, OrderLimits.reservationsInOneTransaction(false, false));
    // with a cart and a promo code: 4 + 1 + 2 = 7 fixed, 31 reservations
    assertEquals(31, OrderLimits.reservationsInOneTransaction(true, true));
    int common = OrderLimits.MAX_LINES - OrderLimits.reservationsInOneTransaction(true, true);
    // the reservations written ahead (one warehouse per line) fit one transaction with the announce item
    assertTrue(common * OrderLimits.ACTIONS_PER_RESERVATION + 1 <= OrderLimits.TRANSACTION_LIMIT);
    assertThrows(IllegalArgumentException.class, () -> new OrderLimits(OrderLimits.MAX_LINES + 1, 99));
  }
}
