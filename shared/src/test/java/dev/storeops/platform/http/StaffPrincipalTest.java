package dev.storeops.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StaffPrincipalTest {
  @Test
  void apiGatewaysBracketedFormIsRead() {
    // how an HTTP API JWT authorizer hands an array claim to the function (payload 2.0)
    assertEquals(Set.of("owner", "manager"), StaffPrincipal.groups("[owner manager]"));
    assertEquals(Set.of("warehouse"), StaffPrincipal.groups("[warehouse]"));
    assertEquals(Set.of(), StaffPrincipal.groups("[]"));
  }

  @Test
  void aJsonArrayACommaListAndASingleNameAreReadToo() {
    assertEquals(Set.of("owner", "manager"), StaffPrincipal.groups("[\"owner\",\"manager\"]"));
    assertEquals(Set.of("owner", "manager"), StaffPrincipal.groups("[\"owner\", \"manager\"]"));
    assertEquals(Set.of("owner", "marketing"), StaffPrincipal.groups("owner,marketing"));
    assertEquals(Set.of("marketing"), StaffPrincipal.groups("marketing"));
    assertEquals(Set.of(), StaffPrincipal.groups(null));
    assertEquals(Set.of(), StaffPrincipal.groups("  "));
  }

  @Test
  void theIdIsTheSubAndNoSubIsA401() {
    StaffPrincipal p = StaffPrincipal.fromClaims(Map.of("sub", "mgr-olga", "cognito:groups", "[manager]"));
    assertEquals("mgr-olga", p.id());
    assertTrue(p.hasRole("manager"));
    assertTrue(p.hasAnyRole(List.of("owner", "manager")));
    ApiException e = assertThrows(ApiException.class, () -> StaffPrincipal.fromClaims(Map.of("cognito:groups", "[owner]")));
    assertEquals(401, e.problem().status());
  }

  @Test
  void noGroupsClaimMeansNoRole() {
    assertEquals(Set.of(), StaffPrincipal.fromClaims(Map.of("sub", "x")).roles());
  }
}
