package dev.storeops.sim.invariants;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.sim.ShopState;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped-notices invariant holds on a shop whose shipped and delivered order told its customer once
 * by mail and once by SMS, and fails on deliberately broken ones: a notice missing, sent twice, sent for an
 * order never shipped, an SMS to another phone or to a customer who opted out (docs/simulation.md).
 */
class ShippedNoticesInvariantTest {
  private final ShippedNoticesInvariant invariant = new ShippedNoticesInvariant();

  /** The healthy shop's states plus its notices: ord_2 (cus_2, delivered) was told twice, ord_1 (ready) never. */
  private static final class Told {
    final States s = States.healthy();
    final Map<String, String> sendLog = new HashMap<>(Map.of(
        "order-shipped#ord_2", "SENT", "sms#order-shipped#ord_2", "SENT",
        "order-delivered#ord_2", "SENT", "sms#order-delivered#ord_2", "SENT"));
    final List<ShopState.Sms> sms = new ArrayList<>(List.of(
        new ShopState.Sms("local-1", "+79161112233", "Заказ 260304-BBBBBB отправлен: CDEK, трек TRK1"),
        new ShopState.Sms("local-2", "+79161112233", "Заказ 260304-BBBBBB доставлен. Спасибо за покупку!")));
    final Map<String, ShopState.Contact> customers = new HashMap<>(Map.of(
        "cus_1", new ShopState.Contact("a@example.com", "+79031112233", false),
        "cus_2", new ShopState.Contact("b@example.com", "8 (916) 111-22-33", false)));
    boolean lossless = true;

    Told() {
      s.mails.add(new ShopState.Mail("m4", "b@example.com", "Отправлен", "order-shipped#ord_2", false, 1));
      s.mails.add(new ShopState.Mail("m5", "b@example.com", "Доставлен", "order-delivered#ord_2", false, 1));
    }

    ShopState state() {
      ShopState b = s.state();
      return new ShopState(b.at(), b.stock(), b.journal(), b.orders(), b.holds(), b.tasks(), b.managers(), b.mails(),
          b.deadLetters(), b.report(), b.metrics(), b.facts(), b.pointSales(), b.money(),
          new ShopState.Notices(sendLog, sms, Map.of("ord_1", "260305-AAAAAA", "ord_2", "260304-BBBBBB"), customers,
              lossless));
    }
  }

  private void breaks(Told t, String expected) {
    List<String> found = invariant.check(t.state());
    assertTrue(found.stream().anyMatch(f -> f.contains(expected)), "should report '" + expected + "': " + found);
  }

  @Test
  void holdsWhenEachShippedAndDeliveredOrderWasToldOnceByMailAndSms() {
    assertEquals(List.of(), invariant.check(new Told().state()));
    Told english = new Told(); // the English texts count the same
    english.sms.set(0, new ShopState.Sms("local-1", "+79161112233", "Order 260304-BBBBBB shipped: CDEK, tracking TRK1"));
    assertEquals(List.of(), invariant.check(english.state()));
  }

  @Test
  void failsWhenANoticeIsMissing() {
    Told noSms = new Told(); // the SMS never left
    noSms.sms.remove(0);
    noSms.sendLog.remove("sms#order-shipped#ord_2");
    breaks(noSms, "ord_2 order-shipped SMS: never sent (send log has no entry)");
    Told noMail = new Told();
    noMail.s.mails.removeIf(m -> "order-delivered#ord_2".equals(m.key()));
    breaks(noMail, "ord_2 order-delivered mail: never sent (send log SENT)");
  }

  @Test
  void underFaultsALostNoticeIsAllowedButNeverTwoNorOneTheLogCallsSentAndMissing() {
    Told lost = new Told(); // a crash after the provider's answer: the key stays SENDING, nothing sent again
    lost.lossless = false;
    lost.sms.remove(0);
    lost.sendLog.put("sms#order-shipped#ord_2", "SENDING");
    assertEquals(List.of(), invariant.check(lost.state()));
    Told twice = new Told();
    twice.lossless = false;
    twice.sms.add(new ShopState.Sms("local-3", "+79161112233", "Заказ 260304-BBBBBB отправлен: CDEK, трек TRK1"));
    breaks(twice, "ord_2 order-shipped SMS: sent 2 times");
    Told missing = new Told();
    missing.lossless = false;
    missing.s.mails.removeIf(m -> "order-shipped#ord_2".equals(m.key()));
    breaks(missing, "ord_2 order-shipped mail: never sent (send log SENT)");
  }

  @Test
  void failsWhenSentTwiceOrForAnOrderNeverShipped() {
    Told twice = new Told(); // the shipped event delivered twice and the dedupe failed
    twice.s.mails.add(new ShopState.Mail("m6", "b@example.com", "Отправлен", "order-shipped#ord_2", false, 2));
    breaks(twice, "ord_2 order-shipped mail: sent 2 times");
    Told early = new Told(); // ord_1 is READY_TO_SHIP: nothing may tell its customer it left
    early.sms.add(new ShopState.Sms("local-4", "+79031112233", "Заказ 260305-AAAAAA отправлен: CDEK, трек TRK2"));
    breaks(early, "ord_1 (READY_TO_SHIP, never SHIPPED): 0 mail(s) and 1 SMS order-shipped");
  }

  @Test
  void failsWhenAnSmsGoesToAnotherPhoneOrToACustomerWhoOptedOut() {
    Told wrongPhone = new Told();
    wrongPhone.sms.set(1, new ShopState.Sms("local-2", "+79990000000", "Заказ 260304-BBBBBB доставлен. Спасибо!"));
    breaks(wrongPhone, "ord_2 order-delivered SMS local-2 went to +79990000000");
    Told optedOut = new Told();
    optedOut.customers.put("cus_2", new ShopState.Contact("b@example.com", "+79161112233", true));
    breaks(optedOut, "ord_2 order-shipped: 1 SMS to a customer without a phone or who opted out");
  }

  @Test
  void aNoticeIsJudgedAnHourAfterTheMove() {
    Told fresh = new Told(); // delivered at 10:00, checked at 12:00: judged; the same at 10:30 would not be
    fresh.sms.remove(1);
    fresh.sendLog.remove("sms#order-delivered#ord_2");
    breaks(fresh, "ord_2 order-delivered SMS: never sent");
    Told justNow = new Told();
    justNow.sms.remove(1);
    justNow.sendLog.remove("sms#order-delivered#ord_2");
    ShopState.OrderRow o = justNow.s.orders.get(1);
    List<ShopState.Change> history = new ArrayList<>(o.history());
    history.set(history.size() - 1, new ShopState.Change(States.NOW.minusSeconds(600), "DELIVERED", "mgr-1"));
    justNow.s.orders.set(1, States.withStatus(o, "DELIVERED", history));
    assertEquals(List.of(), invariant.check(justNow.state()), "ten minutes after delivery the SMS may be on its way");
  }
}
