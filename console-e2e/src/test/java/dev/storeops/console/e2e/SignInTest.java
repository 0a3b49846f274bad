package dev.storeops.console.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The console served by its function in local mode, the local sign-in page and the shell. */
class SignInTest {
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
  void theConsoleIsServedWithCacheHeadersAndCompressed() {
    HttpResponse<String> shell = shop.send("GET", "/console/", null, null);
    assertEquals(200, shell.statusCode());
    assertEquals("no-cache", shell.headers().firstValue("Cache-Control").orElse(""));
    assertTrue(shell.body().contains("&quot;signIn&quot;:&quot;local&quot;"), shell.body());
    assertTrue(shell.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
    String js = shell.body().replaceAll("(?s).*src=\"\\./(assets/[^\"]+\\.js)\".*", "$1");
    assertTrue(js.startsWith("assets/"), js);
    HttpResponse<String> asset = shop.send("GET", "/console/" + js, null, null);
    assertEquals(200, asset.statusCode());
    assertEquals("public, max-age=31536000, immutable", asset.headers().firstValue("Cache-Control").orElse(""));
    assertEquals(404, shop.send("GET", "/console/assets/nothing-here.js", null, null).statusCode());
  }

  @Test
  void aManagerSignsInAndSeesHerTasksWithinASecond() {
    long ms = browser.signIn("mgr-olga", "[data-page='tasks'] h1");
    System.out.println("console-e2e: task list visible " + ms + " ms after the sign-in click");
    browser.screenshot("sign-in-then-tasks");
    assertTrue(ms < 1000, "the task list took " + ms + " ms to appear");
    assertEquals("Мои задачи", browser.find("[data-page='tasks'] h1").getText());
    List<String> nav = browser.all("nav [data-nav]").stream().map(e -> e.getAttribute("data-nav")).toList();
    assertTrue(nav.contains("orders"), nav.toString());
    assertFalse(nav.contains("team"), nav.toString());
    assertFalse(nav.contains("reports"), nav.toString());
    WebElement who = browser.find(".who");
    assertEquals("mgr-olga", who.getAttribute("data-staff"));
  }

  @Test
  void theSignInPageListsTheDemoStaff() {
    browser.open();
    browser.screenshot("sign-in");
    List<String> staff = browser.all("button[data-staff]").stream().map(e -> e.getAttribute("data-staff")).toList();
    assertTrue(staff.containsAll(List.of("owner-elena", "mgr-olga", "wh-sergey", "mkt-daria")), staff.toString());
  }
}
