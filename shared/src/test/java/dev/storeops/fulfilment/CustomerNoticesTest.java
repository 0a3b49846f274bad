package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.sms.SmsIntent;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStatus;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.ordering.StatusChange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The notices on the order's way: which mail and SMS each change makes, keyed once per order and kind. */
class CustomerNoticesTest {
  private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
  private final List<MailIntent> mail = new ArrayList<>();
  private final List<SmsIntent> sms = new ArrayList<>();
  private String phone = "+79031112233";
  private final CustomerStore customers = new CustomerStore() {
    @Override
    public void create(Customer customer, Secrets secrets) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<Customer> find(String id) {
      return Optional.of(new Customer(id, "anna@example.com", "Anna", phone, null, false, null, "ru", T0, "mgr-1"));
    }

    @Override
    public Optional<Customer> findWithAccessToken(String id, String token) {
      throw new UnsupportedOperationException();
    }

    @Override
    public Optional<String> findIdByEmail(String email) {
      return Optional.empty();
    }

    @Override
    public Optional<String> confirmConsent(String linkHash, ConsentEvent confirmation) {
      throw new UnsupportedOperationException();
    }
  };
  private final CustomerNotices notices = new CustomerNotices(customers, mail::addAll, sms::addAll,
      "https://shop.example.com");

  private static Order order(OrderStatus status, DeliveryMethod method) {
    Delivery d = method == DeliveryMethod.PICKUP
        ? new Delivery("PICKUP", method, "shop", "Москва", null, "msk-1", 0)
        : new Delivery("PARCEL_CDEK", method, "cdek", "Казань", "ул. Баумана, 1", null, 35000);
    return new Order("ord_1", "261130-000001", "cus_1", Channel.SITE, "customer",
        List.of(new OrderLine("A1", "Tea", 1, 1000, 1000)), 1000, 0, 1000, "RUB", d, PaymentMethod.CASH_ON_DELIVERY,
        status, List.of(new StatusChange(T0, status, "mgr-1", "asked by the customer")), "mgr-1", null, "h", List.of(), T0, T0);
  }

  @Test
  void shippedTellsCarrierTrackingNumberAndTheCarriersLinkByMailAndSms() {
    notices.afterChange(order(OrderStatus.SHIPPED, DeliveryMethod.PARCEL),
        Map.of("carrier", "CDEK", "trackingNumber", "1234567890"));
    assertEquals(1, mail.size());
    MailIntent m = mail.get(0);
    assertEquals("order-shipped#ord_1", m.dedupeKey());
    assertEquals(MailIntent.Category.TRANSACTIONAL, m.category());
    assertEquals("https://www.cdek.ru/ru/tracking?order_id=1234567890", m.data().get("trackingUrl"));
    assertEquals("1234567890", m.data().get("trackingNumber"));
    assertEquals(1, sms.size());
    SmsIntent s = sms.get(0);
    assertEquals("order-shipped#ord_1", s.dedupeKey());
    assertEquals("+79031112233", s.phone());
    assertEquals(Map.of("orderNumber", "261130-000001", "carrier", "CDEK", "trackingNumber", "1234567890"), s.params());
  }

  @Test
  void anUnknownCarrierShipsWithoutALink() {
    notices.afterChange(order(OrderStatus.SHIPPED, DeliveryMethod.PARCEL),
        Map.of("carrier", "own courier", "trackingNumber", "7"));
    assertFalse(mail.get(0).data().containsKey("trackingUrl"));
  }

  @Test
  void aPickupOrderReadyToShipIsReadyForPickupACourierOrderHearsNothingYet() {
    notices.afterChange(order(OrderStatus.READY_TO_SHIP, DeliveryMethod.PARCEL), null);
    assertTrue(mail.isEmpty());
    assertTrue(sms.isEmpty());
    notices.afterChange(order(OrderStatus.READY_TO_SHIP, DeliveryMethod.PICKUP), null);
    assertEquals("ready-for-pickup#ord_1", mail.get(0).dedupeKey());
    assertEquals("msk-1, Москва", mail.get(0).data().get("pickupPoint"));
    assertEquals("ready-for-pickup", sms.get(0).template());
  }

  @Test
  void deliveredAndCancelledGoByMailAndSms() {
    notices.afterChange(order(OrderStatus.DELIVERED, DeliveryMethod.PARCEL), Map.of("carrier", "CDEK",
        "trackingNumber", "1"));
    notices.orderCancelled(order(OrderStatus.CANCELLED, DeliveryMethod.PARCEL));
    assertEquals(List.of("order-delivered#ord_1", "order-cancelled#ord_1"), mail.stream().map(MailIntent::dedupeKey).toList());
    assertEquals(List.of("order-delivered#ord_1", "order-cancelled#ord_1"), sms.stream().map(SmsIntent::dedupeKey).toList());
  }

  @Test
  void aRefundIsKeyedByItsRefundIdSoTwoRefundsOfOneOrderAreTwoNotices() {
    Order o = order(OrderStatus.DELIVERED, DeliveryMethod.PARCEL);
    notices.refundMade(o, 125000, "rf_1");
    notices.refundMade(o, 5000, "rf_2");
    assertEquals(List.of("refund-made#rf_1", "refund-made#rf_2"), mail.stream().map(MailIntent::dedupeKey).toList());
    assertEquals(dev.storeops.catalog.Money.rub(125000), mail.get(0).data().get("amountText"));
    assertEquals(dev.storeops.catalog.Money.rub(125000), sms.get(0).params().get("amount"));
  }

  @Test
  void aCustomerWithoutAPhoneGetsTheMailOnly() {
    phone = null;
    notices.orderDelivered(order(OrderStatus.DELIVERED, DeliveryMethod.PARCEL));
    assertEquals(1, mail.size());
    assertTrue(sms.isEmpty());
  }
}
