package dev.storeops.staff;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.errors.Forbidden;
import dev.storeops.platform.http.Problems;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffPermissionsTest {
  private static Set<String> rolesOf(String route) {
    return StaffPermissions.groupsByRoute().get(route);
  }

  @Test
  void theOwnerMayCallEveryStaffRoute() {
    StaffPermissions.table().forEach((route, access) -> assertTrue(access.any().contains(StaffRole.OWNER), route));
  }

  @Test
  void pricesProductsShiftsAndReassignmentAreTheOwnersAlone() {
    for (String route : List.of("PUT /staff/products/{sku}", "PUT /staff/managers/{id}",
        "PUT /staff/orders/{id}/manager", "GET /staff/reports/sales")) {
      assertEquals(Set.of("owner"), rolesOf(route), route);
    }
  }

  @Test
  void theWarehouseShipsAndKeepsStockButSetsNoPrice() {
    for (String route : List.of("POST /staff/orders/{id}/ship", "POST /staff/orders/{id}/deliver",
        "PUT /staff/stock/{sku}/{warehouse}", "PUT /staff/warehouses/{id}")) {
      assertTrue(rolesOf(route).contains("warehouse"), route);
    }
    assertFalse(rolesOf("PUT /staff/products/{sku}").contains("warehouse"));
    assertFalse(rolesOf("POST /staff/orders/{id}/cancel").contains("warehouse"));
  }

  @Test
  void marketingHasCampaignsOnlyAndTheirOwnTasks() {
    StaffPermissions.table().forEach((route, access) -> {
      boolean campaign = route.contains("/staff/campaigns");
      boolean task = route.contains("/staff/tasks") || route.equals("GET /staff/reports/tasks");
      assertEquals(campaign || task, access.roles().contains(StaffRole.MARKETING), route);
    });
  }

  @Test
  void anyoneGivesThemselvesATaskTheOwnerAndManagersAColleagueAndOnlyTheOwnerReadsEveryonesFigures() {
    var create = StaffPermissions.of("POST /staff/tasks");
    assertTrue(create.permits("w-anna", Set.of(StaffRole.WAREHOUSE), "w-anna"));
    assertFalse(create.permits("w-anna", Set.of(StaffRole.WAREHOUSE), "mgr-olga"));
    assertFalse(create.permits("mk-ira", Set.of(StaffRole.MARKETING), "mgr-olga"));
    assertTrue(create.permits("mgr-olga", Set.of(StaffRole.MANAGER), "mgr-pavel"));
    assertTrue(create.permits("owner-elena", Set.of(StaffRole.OWNER), "mgr-pavel"));
    var figures = StaffPermissions.of("GET /staff/reports/tasks");
    assertTrue(figures.permits("mgr-olga", Set.of(StaffRole.MANAGER), "mgr-olga"));
    assertFalse(figures.permits("mgr-olga", Set.of(StaffRole.MANAGER), "mgr-pavel"));
    assertTrue(figures.permits("owner-elena", Set.of(StaffRole.OWNER), "mgr-pavel"));
    assertFalse(rolesOf("POST /staff/points/{id}/sales").contains("marketing"));
    assertTrue(rolesOf("POST /staff/points/{id}/sales").contains("warehouse"));
  }

  @Test
  void aManagerReachesOnlyTheirOwnOrdersAndTasks() {
    Set<StaffRole> manager = Set.of(StaffRole.MANAGER);
    var cancel = StaffPermissions.of("POST /staff/orders/{id}/cancel");
    assertTrue(cancel.permits("mgr-olga", manager, "mgr-olga"));
    assertFalse(cancel.permits("mgr-olga", manager, "mgr-pavel"));
    assertFalse(cancel.permits("mgr-olga", manager, null));
    assertTrue(cancel.permits("owner-elena", Set.of(StaffRole.OWNER), "mgr-pavel"));
    assertTrue(StaffPermissions.onlyOwn("GET /staff/orders", List.of("manager")));
    assertFalse(StaffPermissions.onlyOwn("GET /staff/orders", List.of("manager", "owner")));
    assertFalse(StaffPermissions.onlyOwn("GET /staff/orders", List.of("warehouse")));
  }

  @Test
  void requireOwnIsA403NamingTheRoleThatWouldReachIt() {
    Forbidden e = assertThrows(Forbidden.class, () -> StaffPermissions.requireOwn("POST /staff/tasks/{id}/done",
        "mgr-olga", List.of("manager"), "mgr-pavel", "Task t-1"));
    assertEquals(403, Problems.of(e).status());
    assertTrue(e.detail().contains("Task t-1 is not yours"), e.detail());
    assertEquals("role", e.errors().get(0).field());
    assertTrue(e.errors().get(0).message().contains("owner"));
    assertDoesNotThrow(() -> StaffPermissions.requireOwn("POST /staff/tasks/{id}/done", "mgr-olga",
        List.of("manager"), "mgr-olga", "Task t-1"));
  }

  @Test
  void unknownGroupsGrantNothing() {
    assertEquals(Set.of(), StaffRole.of(List.of("staff", "admin")));
    assertEquals(Set.of(StaffRole.OWNER), StaffRole.of(List.of("owner", "staff")));
  }
}
