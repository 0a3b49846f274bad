package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.customers.ConsentEvent;
import dev.storeops.customers.ContactHistory;
import dev.storeops.customers.Customer;
import dev.storeops.customers.CustomerNote;
import dev.storeops.customers.MessageStatus;
import dev.storeops.customers.dynamo.DynamoContactHistory;
import dev.storeops.customers.dynamo.DynamoCustomerNotes;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.messaging.dynamo.DynamoMailFeedback;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSmsConsents;
import dev.storeops.messaging.sms.SmsService;
import dev.storeops.ordering.Order;
import dev.storeops.ordering.PaymentMethod;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * A customer's contact history on DynamoDB Local, written by the real writers (a call logged on their
 * order, mails and an SMS in the send log, staff notes, an SMS consent step) and paged by {@link
 * DynamoContactHistory}: every kind merged newest first, each entry once across the pages, and one page is
 * one Query of {@code limit + 1} history entries (newest first, from the cursor's key) plus one BatchGetItem
 * of what the page shows: calls counted on the client as the other call-counting tests do (a proxy of the
 * real client).
 */
@WithAwsStack
class ContactHistoryPagesTest {

  @Test
  void everyKindIsMergedNewestFirstAndOnePageIsOneQuery(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(5);
    Order order = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 1);
    String customerId = order.customerId();
    Instant t0 = w.clock.instant();
    DynamoSendLog log = new DynamoSendLog(stack.dynamoDb(), w.table);
    DynamoCustomerNotes notes = new DynamoCustomerNotes(stack.dynamoDb(), w.table);
    DynamoCustomerStore customers = new DynamoCustomerStore(stack.dynamoDb(), w.table);
    List<String> expected = new ArrayList<>(); // what each minute brings, oldest first

    LogCall.Request noAnswer = new LogCall.Request("NO_ANSWER", null);
    for (int minute = 1; minute <= 12; minute++) {
      Instant at = t0.plus(Duration.ofMinutes(minute));
      w.clock.set(at);
      switch (minute % 4) {
        case 1 -> {
          w.c.flow().logCall(order.id(), w.manager, "call-" + minute, noAnswer);
          expected.add("call@" + at);
        }
        case 2 -> {
          String key = "news:" + customerId + ":" + minute;
          assertTrue(log.reserve(key, "a" + minute, "news", "news", customerId, at, at.minusSeconds(60)));
          log.complete(key, "a" + minute, "SENT", "ses-" + key, at);
          expected.add("mail@" + at);
        }
        case 3 -> {
          String key = SmsService.KEY_PREFIX + "reminder#" + customerId + "#" + minute;
          assertTrue(log.reserve(key, "s" + minute, "sms:reminder", "reminder", customerId, at, at.minusSeconds(60)));
          expected.add("sms@" + at);
        }
        default -> {
          notes.add(new CustomerNote("note_" + customerId + "_" + minute, customerId, "note " + minute, w.manager, at));
          expected.add("note@" + at);
        }
      }
    }
    Instant stepAt = t0.plus(Duration.ofMinutes(13));
    assertTrue(new DynamoSmsConsents(stack.dynamoDb(), w.table).set(customerId, true,
        new ConsentEvent(ConsentEvent.Kind.WITHDRAWN, stepAt, "phone-call", "req-1", null, ConsentEvent.SMS, w.manager)));
    expected.add("consent@" + stepAt);
    List<String> newestFirst = new ArrayList<>(expected.reversed());
    // the second mail bounces after it was sent: the page shows the status of today
    String bouncedKey = "news:" + customerId + ":6";
    assertTrue(new DynamoMailFeedback(stack.dynamoDb(), w.table, email -> Optional.of(customerId))
        .record(customerId + "@example.com", "BOUNCED", "bounce:Permanent/General", null, bouncedKey,
            t0.plus(Duration.ofMinutes(20))));

    Customer customer = customers.find(customerId).orElseThrow();
    Map<String, Long> calls = new TreeMap<>();
    List<QueryRequest> queries = new ArrayList<>();
    DynamoContactHistory history = new DynamoContactHistory(counting(stack.dynamoDb(), calls, queries), w.table);

    List<String> seen = new ArrayList<>();
    List<ContactHistory.Entry> entries = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      Map<String, Long> before = new TreeMap<>(calls);
      ContactHistory page = history.page(customer, 4, cursor);
      pages++;
      assertEquals(before.getOrDefault("query", 0L) + 1, calls.get("query"), "one Query per page: " + calls);
      assertEquals(before.getOrDefault("batchGetItem", 0L) + 1, calls.get("batchGetItem"),
          "one read of what the page shows: " + calls);
      QueryRequest q = queries.get(queries.size() - 1);
      assertEquals(5, q.limit(), "the page and one more, to know whether there is more");
      assertFalse(q.scanIndexForward(), "newest first");
      assertEquals("GSI1", q.indexName());
      assertEquals(cursor != null, q.hasExclusiveStartKey() && !q.exclusiveStartKey().isEmpty(),
          "the next pages start after the cursor's entry");
      assertTrue(page.entries().size() <= 4);
      for (ContactHistory.Entry e : page.entries()) {
        seen.add(e.kind() + "@" + e.at());
        entries.add(e);
      }
      cursor = page.nextCursor();
      assertTrue(pages < 20, "the cursor does not move on");
    } while (cursor != null);

    assertEquals(newestFirst, seen, "every kind, newest first, each once");
    assertEquals(4, pages, "13 entries in pages of 4; the last page has no cursor");
    assertEquals(seen.size(), new HashSet<>(seen).size());
    assertEquals(Map.of("batchGetItem", 4L, "query", 4L), calls, "no other read: " + calls);

    ContactHistory.Entry bounced = entries.stream()
        .filter(e -> "mail".equals(e.kind()) && e.at().equals(t0.plus(Duration.ofMinutes(6)))).findFirst().orElseThrow();
    assertEquals(MessageStatus.BOUNCED, bounced.message().status());
    assertEquals("bounce:Permanent/General", bounced.message().detail());
    ContactHistory.Entry call = entries.stream().filter(e -> "call".equals(e.kind())).findFirst().orElseThrow();
    assertEquals(order.id(), call.call().orderId());
    assertEquals("NO_ANSWER", call.call().outcome());
    assertEquals(w.manager, call.call().by());
    ContactHistory.Entry sms = entries.stream().filter(e -> "sms".equals(e.kind())).findFirst().orElseThrow();
    assertEquals("reminder", sms.message().template());
    assertEquals("SMS", sms.message().channel());
    assertEquals(MessageStatus.PENDING, sms.message().status(), "reserved, not sent yet");
    ContactHistory.Entry note = entries.stream().filter(e -> "note".equals(e.kind())).findFirst().orElseThrow();
    assertEquals("note 12", note.note().text());
    assertEquals("consent", entries.get(0).kind());
    assertEquals(ConsentEvent.SMS, entries.get(0).consent().channel());

    // one page of them all: the same list, no cursor
    ContactHistory all = history.page(customer, 100, null);
    assertEquals(newestFirst, all.entries().stream().map(e -> e.kind() + "@" + e.at()).toList());
    assertNull(all.nextCursor());
  }

  @Test
  void theCustomersOrdersCartsAndTasksAreNotReadAndACursorOfAnotherCustomerIsRefused(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    String sku = w.stock(5);
    Order first = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 1);
    Order second = w.order(PaymentMethod.CASH_ON_DELIVERY, sku, 1);
    DynamoCustomerNotes notes = new DynamoCustomerNotes(stack.dynamoDb(), w.table);
    for (int i = 0; i < 3; i++) {
      Instant at = w.clock.instant().plusSeconds(i);
      notes.add(new CustomerNote("note_" + first.customerId() + "_" + i, first.customerId(), "n" + i, w.manager, at));
      notes.add(new CustomerNote("note_" + second.customerId() + "_" + i, second.customerId(), "n" + i, w.manager, at));
    }
    // the order's confirm-by-phone task is filed under the customer too (TASK#…): no history entry
    w.c.flow().orderPlaced(first.id());
    DynamoCustomerStore customers = new DynamoCustomerStore(stack.dynamoDb(), w.table);
    Customer one = customers.find(first.customerId()).orElseThrow();
    Customer other = customers.find(second.customerId()).orElseThrow();
    Map<String, Long> calls = new TreeMap<>();
    List<QueryRequest> queries = new ArrayList<>();
    DynamoContactHistory history = new DynamoContactHistory(counting(stack.dynamoDb(), calls, queries), w.table);

    ContactHistory page = history.page(one, 2, null);
    assertEquals(List.of("note", "note"), page.entries().stream().map(ContactHistory.Entry::kind).toList());
    assertNotNull(page.nextCursor());
    ContactHistory last = history.page(one, 2, page.nextCursor());
    assertEquals(1, last.entries().size(), "only the history entries are counted: " + last);
    assertNull(last.nextCursor());

    Invalid foreign = assertThrows(Invalid.class, () -> history.page(other, 2, page.nextCursor()));
    assertEquals("cursor", foreign.errors().get(0).field());
    Invalid garbage = assertThrows(Invalid.class, () -> history.page(one, 2, "not-a-cursor"));
    assertEquals("cursor", garbage.errors().get(0).field());
    assertEquals(2L, calls.get("query"), "a refused cursor reads nothing: " + calls);
  }

  /** The real client, counting its calls by method name and keeping the Query requests. */
  private static DynamoDbClient counting(DynamoDbClient real, Map<String, Long> calls, List<QueryRequest> queries) {
    return (DynamoDbClient) Proxy.newProxyInstance(DynamoDbClient.class.getClassLoader(),
        new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
          if (!method.getName().equals("serviceName") && !method.getName().equals("close")) {
            calls.merge(method.getName(), 1L, Long::sum);
          }
          if (method.getName().equals("query") && args != null && args.length == 1) {
            // the reader builds its Query with a consumer: the request as the real client gets it
            @SuppressWarnings("unchecked")
            QueryRequest q = args[0] instanceof QueryRequest r ? r : QueryRequest.builder()
                .applyMutation((java.util.function.Consumer<QueryRequest.Builder>) args[0]).build();
            queries.add(q);
            return real.query(q);
          }
          try {
            return method.invoke(real, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }
}
