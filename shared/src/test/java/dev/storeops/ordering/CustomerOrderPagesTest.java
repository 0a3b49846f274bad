package dev.storeops.ordering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A customer's orders a page at a time (docs/api.md#lists): each order once, newest first, bad input is a 400. */
class CustomerOrderPagesTest {
  private static Map<String, Object> order(String id, String createdAt) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", id);
    view.put("createdAt", Instant.parse(createdAt));
    return view;
  }

  // the dossier's order: newest first, two orders of one instant by id
  private static final List<Map<String, Object>> ORDERS = List.of(
      order("ord_e", "2026-11-05T10:00:00Z"), order("ord_c", "2026-11-04T10:00:00Z"),
      order("ord_d", "2026-11-04T10:00:00Z"), order("ord_b", "2026-11-03T10:00:00Z"),
      order("ord_a", "2026-11-01T10:00:00Z"));

  @Test
  void pagingThroughShowsEachOrderOnceInTheDossiersOrder() {
    List<Object> seen = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      CustomerOrderPages.Page page = CustomerOrderPages.page(ORDERS, "2", cursor);
      page.orders().forEach(o -> seen.add(o.get("id")));
      cursor = page.nextCursor();
      pages++;
    } while (cursor != null);
    assertEquals(3, pages);
    assertEquals(List.of("ord_e", "ord_c", "ord_d", "ord_b", "ord_a"), seen);
    CustomerOrderPages.Page all = CustomerOrderPages.page(ORDERS, null, null);
    assertEquals(5, all.orders().size());
    assertNull(all.nextCursor(), "the default page (20) holds them all");
  }

  @Test
  void anOrderPlacedBetweenTwoPagesIsNotSeenTwice() {
    CustomerOrderPages.Page first = CustomerOrderPages.page(ORDERS, "2", null);
    List<Map<String, Object>> withNewer = new ArrayList<>();
    withNewer.add(order("ord_f", "2026-11-06T10:00:00Z"));
    withNewer.addAll(ORDERS);
    CustomerOrderPages.Page second = CustomerOrderPages.page(withNewer, "2", first.nextCursor());
    assertEquals(List.of("ord_d", "ord_b"), second.orders().stream().map(o -> o.get("id")).toList());
  }

  @Test
  void aBadLimitOrCursorNamesTheField() {
    for (String limit : List.of("0", "101", "ten", "2.5")) {
      Invalid e = assertThrows(Invalid.class, () -> CustomerOrderPages.page(ORDERS, limit, null));
      assertEquals("limit", e.errors().get(0).field());
    }
    String otherList = PageCursor.encodePosition(Map.of("shift", "1", "name", "a", "id", "x"));
    String badTime = PageCursor.encodePosition(Map.of("createdAt", "yesterday", "id", "ord_a"));
    for (String cursor : List.of("not-a-cursor", "e30", otherList, badTime)) {
      Invalid e = assertThrows(Invalid.class, () -> CustomerOrderPages.page(ORDERS, "2", cursor));
      assertEquals("cursor", e.errors().get(0).field());
    }
  }
}
