package dev.storeops.staff;

import dev.storeops.platform.errors.FieldError;
import dev.storeops.platform.errors.Forbidden;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may call which staff route — the one permission table of the shop (docs/permissions.md is its
 * copy for people; a template check fails when a {@code /staff} route of template.yaml has no entry
 * here, or an entry has no route). The staff routers enforce the roles of each entry before the route
 * runs (403 naming the roles needed).
 *
 * <p>The own-work rule: a role listed under {@code own} reaches only the caller's own orders and tasks
 * — a manager sees and acts on the orders assigned to them and the tasks assigned to them, and on the
 * customers of those orders; a role listed under {@code any} reaches all of them. So the owner sees
 * everything, and a manager who asks for another manager's order or task gets a 403 and nothing changes.
 */
public final class StaffPermissions {
  /**
   * The roles allowed on one route.
   *
   * @param any roles that may act on any item of the route
   * @param own roles that may act only on their own items (orders or tasks assigned to them)
   */
  public record Access(Set<StaffRole> any, Set<StaffRole> own) {
    public Access {
      any = Collections.unmodifiableSet(any.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(any));
      own = Collections.unmodifiableSet(own.isEmpty() ? EnumSet.noneOf(StaffRole.class) : EnumSet.copyOf(own));
    }

    /** Every role that may call the route at all. */
    public Set<StaffRole> roles() {
      Set<StaffRole> all = EnumSet.noneOf(StaffRole.class);
      all.addAll(any);
      all.addAll(own);
      return all;
    }

    /** The caller may act on every item (not only their own). */
    public boolean reachesAll(Set<StaffRole> caller) {
      return caller.stream().anyMatch(any::contains);
    }

    /** The caller may act on an item held by {@code holderId} (the order's manager, the task's assignee). */
    public boolean permits(String callerId, Set<StaffRole> caller, String holderId) {
      return reachesAll(caller) || caller.stream().anyMatch(own::contains) && callerId.equals(holderId);
    }
  }

  private static final Set<StaffRole> ALL_ROLES = EnumSet.allOf(StaffRole.class);
  private static final Map<String, Access> TABLE = new LinkedHashMap<>();

  static {
    // staff-api: orders
    allow("POST /staff/orders", any(StaffRole.OWNER, StaffRole.MANAGER), none());
    allow("GET /staff/orders", any(StaffRole.OWNER, StaffRole.WAREHOUSE), own(StaffRole.MANAGER));
    allow("GET /staff/orders/{id}", any(StaffRole.OWNER, StaffRole.WAREHOUSE), own(StaffRole.MANAGER));
    allow("GET /staff/orders/{id}/invoice", any(StaffRole.OWNER, StaffRole.WAREHOUSE), own(StaffRole.MANAGER));
    allow("PUT /staff/orders/{id}/manager", any(StaffRole.OWNER), none());
    allow("POST /staff/orders/{id}/calls", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("POST /staff/orders/{id}/cancel", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("POST /staff/orders/{id}/ship", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("POST /staff/orders/{id}/deliver", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    // returns and refused parcels (docs/returns.md)
    allow("POST /staff/orders/{id}/refusal", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("POST /staff/orders/{id}/returned-parcel", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("POST /staff/orders/{id}/returns", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/orders/{id}/returns", any(StaffRole.OWNER, StaffRole.WAREHOUSE), own(StaffRole.MANAGER));
    // staff-api: customers
    allow("GET /staff/customers/{id}", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("GET /staff/customers/{id}/orders", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("GET /staff/customers/{id}/history", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("GET /staff/customers", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("GET /staff/customers/{id}/export", any(StaffRole.OWNER), none());
    allow("POST /staff/customers/{id}/erase", any(StaffRole.OWNER), none());
    // the dossier's notes are personal data: whoever may read the dossier (the owner, the customer's manager) writes them
    allow("POST /staff/customers/{id}/notes", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    allow("POST /staff/customers/search-index/rebuild", any(StaffRole.OWNER), none());
    // the customer's SMS choice, set as they asked: whoever may read the dossier (the owner, the customer's manager)
    allow("PUT /staff/customers/{id}/sms-consent", any(StaffRole.OWNER), own(StaffRole.MANAGER));
    // a SKU's purchase / retail prices per supplier over time: the shop's margin, the owner's
    allow("GET /staff/stock/{sku}/prices", any(StaffRole.OWNER), none());
    // staff-api: catalogue, roster, stock
    allow("PUT /staff/products/{sku}", any(StaffRole.OWNER), none());
    allow("PUT /staff/managers/{id}", any(StaffRole.OWNER), none());
    allow("PUT /staff/warehouses/{id}", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("PUT /staff/stock/{sku}/{warehouse}", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/stock/{sku}/movements", any(StaffRole.OWNER, StaffRole.MANAGER, StaffRole.WAREHOUSE), none());
    allow("POST /staff/stock/repair", any(StaffRole.OWNER), none());
    allow("GET /staff/stock/{sku}", any(StaffRole.OWNER, StaffRole.MANAGER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/imports", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/imports/{supplier}/{id}", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("POST /staff/suppliers/{id}/uploads", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/team", any(StaffRole.OWNER), none());
    // staff-api: reports
    allow("GET /staff/reports/sales", any(StaffRole.OWNER), none());
    allow("GET /staff/reports/products", any(StaffRole.OWNER), none());
    allow("GET /staff/reports/cancellations", any(StaffRole.OWNER), none());
    allow("GET /staff/reports/pnl", any(StaffRole.OWNER), none());
    allow("GET /staff/reports/cash", any(StaffRole.OWNER), none());
    // staff-api: expenses (docs/money.md)
    allow("POST /staff/expenses", any(StaffRole.OWNER), none());
    allow("POST /staff/expenses/import", any(StaffRole.OWNER), none());
    allow("GET /staff/reports/expiring", any(StaffRole.OWNER, StaffRole.MANAGER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/reports/purchase-list", any(StaffRole.OWNER, StaffRole.WAREHOUSE), none());
    // staff-api: tasks (everybody has their own; the owner sees and completes anyone's)
    allow("POST /staff/points/{id}/sales", any(StaffRole.OWNER, StaffRole.MANAGER, StaffRole.WAREHOUSE), none());
    allow("GET /staff/tasks", any(StaffRole.OWNER), ALL_ROLES);
    allow("POST /staff/tasks", any(StaffRole.OWNER, StaffRole.MANAGER), ALL_ROLES);
    allow("GET /staff/reports/tasks", any(StaffRole.OWNER), ALL_ROLES);
    allow("POST /staff/tasks/{id}/done", any(StaffRole.OWNER), ALL_ROLES);
    // campaigns (scheduling also follows CampaignFourEyesPolicy)
    allow("POST /staff/campaigns", any(StaffRole.OWNER, StaffRole.MARKETING), none());
    allow("POST /staff/campaigns/{id}/schedule", any(StaffRole.OWNER, StaffRole.MARKETING), none());
    allow("GET /staff/campaigns/{id}", any(StaffRole.OWNER, StaffRole.MARKETING), none());
  }

  private StaffPermissions() {}

  private static void allow(String routeKey, Set<StaffRole> any, Set<StaffRole> own) {
    TABLE.put(routeKey, new Access(any, own));
  }

  private static Set<StaffRole> any(StaffRole... roles) {
    return EnumSet.copyOf(List.of(roles));
  }

  private static Set<StaffRole> own(StaffRole... roles) {
    return EnumSet.copyOf(List.of(roles));
  }

  private static Set<StaffRole> none() {
    return EnumSet.noneOf(StaffRole.class);
  }

  /** The whole table, route key → access, in the order of docs/permissions.md. */
  public static Map<String, Access> table() {
    return Collections.unmodifiableMap(TABLE);
  }

  /** The access of one route; a route without an entry is a programming error. */
  public static Access of(String routeKey) {
    Access a = TABLE.get(routeKey);
    if (a == null) {
      throw new IllegalArgumentException("no permission entry for " + routeKey);
    }
    return a;
  }

  /** Route key → the group names allowed, for a staff router ({@code platform/http/Router}). */
  public static Map<String, Set<String>> groupsByRoute() {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    TABLE.forEach((k, a) -> out.put(k, a.roles().stream().map(StaffRole::group)
        .collect(Collectors.toUnmodifiableSet())));
    return out;
  }

  /**
   * The own-work rule for one item: passes when the caller reaches every item of the route, or the item
   * is theirs ({@code holderId}: the order's manager, the task's assignee); else a 403 {@link Forbidden}.
   *
   * @param what the item in words, e.g. {@code "Order ord_1"}
   */
  public static void requireOwn(String routeKey, String callerId, Collection<String> groups, String holderId,
      String what) {
    Access access = of(routeKey);
    Set<StaffRole> roles = StaffRole.of(groups);
    if (!access.permits(callerId, roles, holderId)) {
      throw notYours(access, what);
    }
  }

  /** The caller sees only their own items on this route (a list is filtered to them). */
  public static boolean onlyOwn(String routeKey, Collection<String> groups) {
    return !of(routeKey).reachesAll(StaffRole.of(groups));
  }

  /** The 403 of an item that is not the caller's. */
  public static Forbidden notYours(Access access, String what) {
    String roles = access.any().stream().map(StaffRole::group).sorted().collect(Collectors.joining(" or "));
    String limited = access.own().stream().filter(r -> !access.any().contains(r)).map(StaffRole::group).sorted()
        .collect(Collectors.joining("/"));
    return new Forbidden("not-yours", what + " is not yours: a " + limited + " acts only on their own; the role "
        + roles + " acts on all.", List.of(new FieldError("role", roles + " is required for another person's item")));
  }
}
