package dev.storeops.platform.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Who calls a JWT-authorized route: the staff id (the JWT's {@code sub}) and the roles (the Cognito
 * user-pool groups of the {@code cognito:groups} claim).
 *
 * <p>API Gateway HTTP APIs (payload 2.0) hand every claim to the function as a string; an array claim
 * such as {@code cognito:groups} arrives as {@code "[owner manager]"} (brackets, space-separated).
 * {@link #groups(String)} also reads a JSON array ({@code ["owner","manager"]}), a comma-separated list
 * and a single name, so the same code works behind API Gateway, local mode and hand-made test events.
 */
public record StaffPrincipal(String id, Set<String> roles) {
  /** The claim that carries the user-pool groups. */
  public static final String GROUPS_CLAIM = "cognito:groups";

  public StaffPrincipal {
    roles = Set.copyOf(roles);
  }

  /** The caller of a JWT-authorized request; 401 when there is no {@code sub} claim. */
  public static StaffPrincipal of(HttpRequest request) {
    return fromClaims(request.jwtClaims());
  }

  /** From the authorizer's claims (every value a string, as API Gateway passes them). */
  public static StaffPrincipal fromClaims(Map<String, String> claims) {
    String sub = claims.get("sub");
    if (sub == null || sub.isBlank()) {
      throw ApiException.unauthorized("A staff JWT with a sub claim is required.");
    }
    return new StaffPrincipal(sub, groups(claims.get(GROUPS_CLAIM)));
  }

  /** The group names of a {@code cognito:groups} claim value in any of the forms it arrives in. */
  public static Set<String> groups(String claim) {
    Set<String> out = new LinkedHashSet<>();
    if (claim == null || claim.isBlank()) {
      return out;
    }
    String v = claim.strip();
    if (v.startsWith("[") && v.contains("\"")) {
      try {
        JsonNode array = Json.mapper().readTree(v);
        if (array.isArray()) {
          array.forEach(n -> add(out, n.asText()));
          return out;
        }
      } catch (java.io.IOException notJson) {
        // fall through: read it as API Gateway's bracketed form
      }
    }
    if (v.startsWith("[") && v.endsWith("]")) {
      v = v.substring(1, v.length() - 1);
    }
    for (String part : v.split("[\\s,]+")) {
      add(out, part);
    }
    return out;
  }

  private static void add(Set<String> out, String name) {
    String n = name.strip();
    if (n.startsWith("\"") && n.endsWith("\"") && n.length() >= 2) {
      n = n.substring(1, n.length() - 1);
    }
    if (!n.isEmpty()) {
      out.add(n);
    }
  }

  public boolean hasRole(String role) {
    return roles.contains(role);
  }

  public boolean hasAnyRole(Collection<String> wanted) {
    return wanted.stream().anyMatch(roles::contains);
  }
}
