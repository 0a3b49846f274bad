package dev.storeops.ordering;

import dev.storeops.platform.dynamo.PageCursor;
import dev.storeops.platform.errors.Invalid;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer's orders a page at a time, as every list pages (docs/api.md#lists): the dossier carries the
 * first page ({@code GET /staff/customers/{id}}, with {@code ordersNextCursor}), {@code GET
 * /staff/customers/{id}/orders?limit&cursor} the next ones. Order: newest first, then by id (the dossier's
 * order, {@link Dossier}); the cursor is the position (created, id) of the page's last order
 * ({@link PageCursor#encodePosition}), so an order placed between two pages shows on no later page and
 * none is seen twice.
 */
public final class CustomerOrderPages {
  /** The page size without {@code limit}. */
  public static final int DEFAULT_LIMIT = 20;
  /** The largest page. */
  public static final int MAX_LIMIT = 100;
  private static final List<String> POSITION = List.of("createdAt", "id");

  /** The dossier's order: newest first, then by id. */
  static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::createdAt,
      Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(Order::id);

  private CustomerOrderPages() {}

  /**
   * One page of a customer's orders.
   *
   * @param orders the orders of this page (the staff view), newest first
   * @param nextCursor the cursor of the next page; null on the last
   */
  public record Page(List<Map<String, Object>> orders, String nextCursor) {}

  /**
   * The page after {@code cursor} (null: the first) of {@code newestFirst} — the staff views of a customer's
   * orders in the dossier's order; {@code limit} 1..{@value #MAX_LIMIT}, default {@value #DEFAULT_LIMIT}.
   */
  public static Page page(List<Map<String, Object>> newestFirst, String limitParam, String cursor) {
    int limit = PageCursor.limit(limitParam, DEFAULT_LIMIT, MAX_LIMIT);
    Position after = cursor == null || cursor.isBlank() ? null : Position.of(cursor);
    List<Map<String, Object>> rest = after == null ? newestFirst
        : newestFirst.stream().filter(o -> Position.ORDER.compare(Position.of(o), after) > 0).toList();
    List<Map<String, Object>> page = rest.subList(0, Math.min(limit, rest.size()));
    String next = rest.size() > page.size() ? Position.of(page.get(page.size() - 1)).cursor() : null;
    return new Page(page, next);
  }

  private record Position(Instant createdAt, String id) {
    static final Comparator<Position> ORDER = Comparator.comparing(Position::createdAt,
        Comparator.nullsLast(Comparator.<Instant>reverseOrder())).thenComparing(Position::id);

    static Position of(Map<String, Object> view) {
      Object at = view.get("createdAt");
      return new Position(at == null ? null : at instanceof Instant i ? i : Instant.parse(at.toString()),
          String.valueOf(view.get("id")));
    }

    static Position of(String cursor) {
      Map<String, String> p = PageCursor.decodePosition(cursor, POSITION);
      try {
        return new Position(p.get("createdAt").isEmpty() ? null : Instant.parse(p.get("createdAt")), p.get("id"));
      } catch (DateTimeParseException e) {
        throw Invalid.field("cursor", "is not a cursor this API returned");
      }
    }

    String cursor() {
      Map<String, String> p = new LinkedHashMap<>();
      p.put("createdAt", createdAt == null ? "" : createdAt.toString());
      p.put("id", id);
      return PageCursor.encodePosition(p);
    }
  }
}
