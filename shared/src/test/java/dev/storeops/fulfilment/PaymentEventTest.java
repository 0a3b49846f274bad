package dev.storeops.fulfilment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import dev.storeops.platform.http.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaymentEventTest {
  private static PaymentEvent parse(String json) {
    return PaymentEvent.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static List<String> fields(String json) {
    DomainException e = assertThrows(DomainException.class, () -> parse(json));
    assertEquals(400, Problems.of(e).status());
    return Problems.of(e).errors().stream().map(Problem.FieldError::field).toList();
  }

  @Test
  void aWellFormedEventIsRead() {
    PaymentEvent e = parse("{\"eventId\":\"evt_1\",\"type\":\"Succeeded\",\"orderId\":\"ord_1\",\"paymentId\":\"pay-1\","
        + "\"amountMinor\":359000,\"currency\":\"RUB\",\"extra\":true}");
    assertEquals(new PaymentEvent("evt_1", PaymentEvent.Type.SUCCEEDED, "ord_1", "pay-1", 359000, "RUB"), e);
  }

  @Test
  void malformedEventsNameTheirFields() {
    assertEquals(List.of("body"), fields("not json"));
    assertEquals(List.of("body"), fields("[1,2]"));
    assertEquals(List.of("eventId", "orderId", "paymentId", "type", "amountMinor", "currency"), fields("{}"));
    assertEquals(List.of("eventId", "type", "amountMinor", "currency"), fields("{\"eventId\":\"a b\",\"type\":\"captured\","
        + "\"orderId\":\"ord_1\",\"paymentId\":\"p\",\"amountMinor\":1.5,\"currency\":\"rubles\"}"));
    assertEquals(List.of("amountMinor"), fields("{\"eventId\":\"e\",\"type\":\"failed\",\"orderId\":\"o\","
        + "\"paymentId\":\"p\",\"amountMinor\":-1,\"currency\":\"RUB\"}"));
  }

  @Test
  void settingsDefaultsAreTheSeedArticlesTimings() {
    FlowSettings d = FlowSettings.defaults();
    assertEquals(Duration.ofDays(3), d.paymentReminderAfter());
    assertEquals(Duration.ofDays(2), d.paymentGrace());
    assertEquals(3, d.maxNoAnswerCalls());
    assertThrows(IllegalArgumentException.class, () -> new FlowSettings(d.paymentReminderAfter(), d.paymentGrace(), 0,
        d.taskDue(), d.urgentTaskDue()));
  }
}
