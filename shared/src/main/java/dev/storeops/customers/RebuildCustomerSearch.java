package dev.storeops.customers;

import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.log.Log;

/**
 * Files every customer under the staff search ({@link CustomerSearchTerms}), for the customers
 * registered before the search entries existed ({@code POST /staff/customers/search-index/rebuild},
 * owner only). Paged: each call reads one page of the table and answers the cursor of the next, so a
 * shop of any size is rebuilt call by call within the function's timeout. Idempotent: an entry is put
 * under the same key each time, so running it again (or over customers who have their entries) changes
 * nothing.
 */
public final class RebuildCustomerSearch {
  private static final Log LOG = Log.get(RebuildCustomerSearch.class);
  public static final int DEFAULT_PAGE = 200;
  public static final int MAX_PAGE = 1000;
  private final CustomerSearchBackfill backfill;

  public RebuildCustomerSearch(CustomerSearchBackfill backfill) {
    this.backfill = backfill;
  }

  /** The request body: {@code cursor} from the last answer (none: from the start), {@code limit} items read. */
  public record Request(String cursor, Integer limit) {}

  /** What one page did; {@code nextCursor} null means the rebuild is complete. */
  public record Result(int customers, int entries, String nextCursor, boolean done) {}

  public Result rebuild(Request request, String by) {
    Validation v = new Validation();
    int limit = request == null || request.limit() == null ? DEFAULT_PAGE : request.limit();
    if (limit < 1 || limit > MAX_PAGE) {
      v.error("limit", "must be 1.." + MAX_PAGE);
    }
    v.throwIfInvalid();
    String cursor = request == null || request.cursor() == null || request.cursor().isBlank() ? null : request.cursor();
    CustomerSearchBackfill.Page page = backfill.profiles(cursor, limit);
    int entries = 0;
    for (Customer c : page.customers()) {
      entries += backfill.fileUnderSearch(c);
    }
    LOG.info("customer search entries rebuilt", "customers", page.customers().size(), "entries", entries,
        "itemsRead", page.itemsRead(), "more", page.nextCursor() != null, "by", by);
    return new Result(page.customers().size(), entries, page.nextCursor(), page.nextCursor() == null);
  }
}
