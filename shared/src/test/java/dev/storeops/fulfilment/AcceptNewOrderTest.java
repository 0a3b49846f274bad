package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.Catalog;
import dev.storeops.catalog.Delivery;
import dev.storeops.catalog.DeliveryMethod;
import dev.storeops.catalog.Reservation;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.OrderMails;
import dev.storeops.ordering.Channel;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.OrderCreated;
import dev.storeops.ordering.OrderLifecycle;
import dev.storeops.ordering.OrderLine;
import dev.storeops.ordering.OrderStore;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.staff.Manager;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@link AcceptNewOrder} on stand-in ports (plain Java, no table): which mails are queued in which call
 * and which markers written in which write, after an assignment, after a failed one, and on redelivery.
 */
class AcceptNewOrderTest {
  private static final Order ORDER = new Order("ord_1", "261201-1", "cus_1", Channel.SITE, "customer",
      List.of(new OrderLine("A1", "Tea", 2, 500, 1000)), 1000, 0, 1000, "RUB",
      new Delivery("PICKUP", DeliveryMethod.PICKUP, "shop", "Москва", null, "msk-1", 0), PaymentMethod.ONLINE_CARD,
      OrderLifecycle.initialStatus(PaymentMethod.ONLINE_CARD),
      OrderLifecycle.created(PaymentMethod.ONLINE_CARD, PolicyFixtures.T0, "customer"), null, null, "h",
      List.of(new Reservation("A1", "msk-1", 2)), PolicyFixtures.T0, PolicyFixtures.T0);
  private static final Customer CUSTOMER = new Customer("cus_1", "olga@example.com", "Ольга", "+79160000000", null,
      false, null, "ru", PolicyFixtures.T0, null);
  private static final Manager MANAGER = new Manager("mgr-1", "Анна", "anna@staff.example.com", true, 0);

  private final List<List<String>> sends = new ArrayList<>();
  private final List<Set<String>> marks = new ArrayList<>();

  private AcceptNewOrder service(Set<String> markersSet, RuntimeException assignFails) {
    OrderStore orders = stub(OrderStore.class, (name, args) -> switch (name) {
      case "findMarked" -> Optional.of(new OrderStore.Marked(ORDER, markersSet));
      case "assignManager" -> {
        if (assignFails != null) {
          throw assignFails;
        }
        yield true;
      }
      case "mark" -> {
        @SuppressWarnings("unchecked")
        Set<String> m = (Set<String>) args[1];
        marks.add(Set.copyOf(m));
        yield null;
      }
      case "markOnce" -> true;
      default -> throw new AssertionError("unexpected call " + name);
    });
    Catalog catalog = stub(Catalog.class, (name, args) -> switch (name) {
      case "managers" -> List.of(MANAGER);
      case "manager" -> Optional.of(MANAGER);
      default -> throw new AssertionError("unexpected call " + name);
    });
    CustomerStore customers = stub(CustomerStore.class, (name, args) -> switch (name) {
      case "find" -> Optional.of(CUSTOMER);
      default -> throw new AssertionError("unexpected call " + name);
    });
    return new AcceptNewOrder(orders, catalog, customers,
        intents -> sends.add(intents.stream().map(MailIntent::dedupeKey).toList()),
        new OrderMails("https://shop.example.com"), "ops@example.com");
  }

  private static final OrderCreated EVENT = new OrderCreated(OrderCreated.TYPE, "ord_1", "token", PolicyFixtures.T0);

  @Test
  void bothMailsGoInOneCallAndBothMarkersInOneWrite() {
    service(Set.of(), null).accept(EVENT);
    assertEquals(List.of(List.of("order-confirmation#ord_1", "manager-new-order#ord_1")), sends);
    assertEquals(List.of(Set.of(AcceptNewOrder.CONFIRMATION_MARKER, AcceptNewOrder.MANAGER_MARKER)), marks);
  }

  @Test
  void aFailedAssignmentStillQueuesAndMarksTheConfirmationThenFails() {
    RuntimeException tableError = new IllegalStateException("the table is throttled");
    RuntimeException thrown = assertThrows(RuntimeException.class, () -> service(Set.of(), tableError).accept(EVENT));
    assertEquals(tableError, thrown);
    assertEquals(List.of(List.of("order-confirmation#ord_1")), sends);
    assertEquals(List.of(Set.of(AcceptNewOrder.CONFIRMATION_MARKER)), marks);
  }

  @Test
  void aRedeliveryAfterTheConfirmationQueuesOnlyTheManagersMail() {
    service(Set.of(AcceptNewOrder.CONFIRMATION_MARKER), null).accept(EVENT);
    assertEquals(List.of(List.of("manager-new-order#ord_1")), sends);
    assertEquals(List.of(Set.of(AcceptNewOrder.MANAGER_MARKER)), marks);
  }

  @Test
  void aRedeliveryAfterBothQueuesAndWritesNothing() {
    service(Set.of(AcceptNewOrder.CONFIRMATION_MARKER, AcceptNewOrder.MANAGER_MARKER), null).accept(EVENT);
    assertTrue(sends.isEmpty());
    assertTrue(marks.isEmpty());
  }

  private interface Answer {
    Object answer(String method, Object[] args);
  }

  private static <T> T stub(Class<T> port, Answer answer) {
    return port.cast(Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port},
        (proxy, method, args) -> answer.answer(method.getName(), args)));
  }
}
