package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Issue 14, test 5: a manager does not see the owner's pages, and the API refuses a forged request. */
class RolesTest {
  private static final List<String> OWNER_PAGES = List.of("reports", "team", "stock", "campaigns");
  private static LocalShop shop;
  private static ConsoleBrowser browser;

  @BeforeAll
  static void start() {
    shop = LocalShop.get();
    browser = new ConsoleBrowser(shop);
  }

  @AfterAll
  static void stop() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void aManagerSeesNoOwnerPageAndAForgedOwnerRequestGets403() {
    browser.signIn("owner-elena", "[data-page='tasks'] h1");
    List<String> ownerNav = browser.all("nav [data-nav]").stream().map(e -> e.getAttribute("data-nav")).toList();
    assertTrue(ownerNav.containsAll(OWNER_PAGES), ownerNav.toString());

    browser.signIn("mgr-olga", "[data-page='tasks'] h1");
    List<String> nav = browser.all("nav [data-nav]").stream().map(e -> e.getAttribute("data-nav")).toList();
    for (String page : OWNER_PAGES) {
      assertFalse(nav.contains(page), page + " in the manager's navigation " + nav);
    }
    // typing an owner page's address shows no owner data, only the refusal
    browser.go("team");
    assertEquals("forbidden", browser.find("[data-page]").getAttribute("data-page"));
    browser.screenshot("manager-forbidden");

    // a forged request from the console page, with the manager's own session token, to owner routes
    @SuppressWarnings("unchecked")
    Map<String, Object> answers = (Map<String, Object>) browser.driver.executeAsyncScript("""
        const done = arguments[arguments.length - 1];
        const token = JSON.parse(sessionStorage.getItem('storeops.session')).token;
        const base = location.pathname.substring(0, location.pathname.indexOf('/console'));
        const call = (method, path, body) => fetch(base + path, { method,
            headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
            body: body && JSON.stringify(body) }).then(async r => ({ status: r.status, type: r.headers.get('content-type'), body: await r.text() }));
        Promise.all([
          call('GET', '/staff/reports/sales'),
          call('PUT', '/staff/managers/mgr-olga', { name: 'Ольга', onShift: true }),
        ]).then(([sales, shift]) => done({ sales, shift }));
        """);
    for (String name : List.of("sales", "shift")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> answer = (Map<String, Object>) answers.get(name);
      assertEquals(403L, ((Number) answer.get("status")).longValue(), name + ": " + answer);
      assertTrue(String.valueOf(answer.get("type")).startsWith("application/problem+json"), name + ": " + answer);
      assertTrue(String.valueOf(answer.get("body")).contains("owner"), name + ": " + answer);
    }
  }
}
