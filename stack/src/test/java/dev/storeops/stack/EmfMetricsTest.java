package dev.storeops.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.platform.metrics.Metrics;
import dev.storeops.platform.metrics.ShopMetrics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What local mode and the tests make of the EMF lines the functions print. */
class EmfMetricsTest {

  @Test
  void readsTheLinesTheFunctionsPrintAndTotalsThemByNameAndDimensions() {
    Metrics metrics = new Metrics("local", Clock.systemUTC());
    ShopMetrics shop = new ShopMetrics(metrics);
    shop.orderPlaced("site");
    shop.orderPlaced("phone");
    shop.orderPlaced("phone");
    shop.mailSent();
    EmfMetrics totals = new EmfMetrics();
    List<String> lines = metrics.drain();
    lines.forEach(totals::accept);
    assertEquals(0, totals.accept("{\"level\":\"INFO\",\"message\":\"not a metric\"}").size());
    assertEquals(0, totals.accept("{\"_aws\": broken").size());

    assertEquals(3, totals.lines());
    assertEquals(3, totals.total("OrdersPlaced"));
    assertEquals(2, totals.total("OrdersPlaced", Map.of("Channel", "phone")));
    assertEquals(0, totals.total("OrdersPlaced", Map.of("Channel", "email")));
    assertEquals(3, totals.total("OrdersPlaced", Map.of("Stage", "local")));
    assertEquals(0, totals.total("Orders"));
    assertEquals(Map.of("MailsSent", 1L, "OrdersPlaced{Channel=phone}", 2L, "OrdersPlaced{Channel=site}", 1L),
        totals.totals());
    totals.reset();
    assertEquals(Map.of(), totals.totals());
  }

  @Test
  void watchingStandardOutputSeesFlushedMetricsPerInvocationAndPassesEverythingOn() {
    PrintStream before = System.out;
    ByteArrayOutputStream passed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(passed, true, StandardCharsets.UTF_8));
    try (EmfMetrics watching = EmfMetrics.watchStandardOutput()) {
      dev.storeops.platform.log.LambdaLogContext.enter(null);
      Metrics metrics = new Metrics("local", Clock.systemUTC());
      new ShopMetrics(metrics).importOutcome("refused");
      metrics.flush();
      System.out.println("an ordinary line");

      assertEquals(1, watching.total("ImportsRefused"));
      assertEquals("ImportsRefused=1", EmfMetrics.summary(EmfMetrics.parse(
          passed.toString(StandardCharsets.UTF_8).lines().filter(l -> l.contains("_aws")).findFirst().orElseThrow())));
      assertTrue(passed.toString(StandardCharsets.UTF_8).contains("an ordinary line"));
    } finally {
      System.setOut(before);
    }
  }
}
