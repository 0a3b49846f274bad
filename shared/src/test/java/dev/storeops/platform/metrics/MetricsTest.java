package dev.storeops.platform.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.json.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
  private static final Instant NOW = Instant.parse("2026-11-30T08:00:00Z");
  private final Metrics metrics = new Metrics("prod", Clock.fixed(NOW, ZoneOffset.UTC));
  private final ShopMetrics shop = new ShopMetrics(metrics);

  @Test
  void oneEmfLinePerDimensionSetWithNamespaceDimensionsAndSummedValues() throws Exception {
    shop.orderPlaced("SITE");
    shop.orderPlaced("site");
    shop.orderPlaced("PHONE");
    shop.orderShort();
    shop.importOutcome("quarantined");

    List<JsonNode> lines = parse(metrics.drain());

    assertEquals(3, lines.size(), lines.toString());
    JsonNode site = byDimension(lines, "Channel", "site");
    JsonNode directive = site.path("_aws").path("CloudWatchMetrics").get(0);
    assertEquals(NOW.toEpochMilli(), site.path("_aws").path("Timestamp").asLong());
    assertEquals("storeops", directive.path("Namespace").asText());
    assertEquals("[[\"Channel\",\"Stage\"]]", directive.path("Dimensions").toString());
    assertEquals("[{\"Name\":\"OrdersPlaced\",\"Unit\":\"Count\"}]", directive.path("Metrics").toString());
    assertEquals("prod", site.path("Stage").asText());
    assertEquals(2, site.path("OrdersPlaced").asLong());
    assertEquals(1, byDimension(lines, "Channel", "phone").path("OrdersPlaced").asLong());

    // metrics with the same dimensions share one line, each named in the directive
    JsonNode stageOnly = lines.stream().filter(l -> !l.has("Channel")).findFirst().orElseThrow();
    assertEquals("[[\"Stage\"]]", stageOnly.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString());
    List<String> names = new ArrayList<>();
    stageOnly.path("_aws").path("CloudWatchMetrics").get(0).path("Metrics").forEach(m -> names.add(m.path("Name").asText()));
    assertEquals(List.of("ImportsQuarantined", "OrdersShort"), names);
    assertEquals(1, stageOnly.path("OrdersShort").asLong());
    assertEquals(1, stageOnly.path("ImportsQuarantined").asLong());
  }

  @Test
  void drainingStartsFromZeroAndZeroCountsWriteNothing() {
    shop.mailSent();
    assertEquals(1, metrics.drain().size());
    assertEquals(List.of(), metrics.drain());
    shop.ordersShort(0);
    shop.tasksOverdue(0);
    metrics.batchItemFailures(SQSBatchResponse.builder().withBatchItemFailures(List.of()).build());
    assertEquals(List.of(), metrics.drain());
  }

  @Test
  void batchItemFailuresAreCountedPerFunction() throws Exception {
    SQSBatchResponse response = SQSBatchResponse.builder().withBatchItemFailures(List.of(
        new SQSBatchResponse.BatchItemFailure("m1"), new SQSBatchResponse.BatchItemFailure("m2"))).build();
    assertTrue(response == metrics.batchItemFailures(response));
    JsonNode line = parse(metrics.drain()).get(0);
    assertEquals(2, line.path("BatchItemFailures").asLong());
    assertEquals("[[\"Function\",\"Stage\"]]",
        line.path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").toString());
  }

  @Test
  void flushWritesTheLinesOnStandardOutputAfterTheWorkEvenWhenItFails() throws Exception {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream original = System.out;
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      assertThrows(IllegalStateException.class, () -> metrics.flushAfter(() -> {
        shop.mailFailed();
        throw new IllegalStateException("boom");
      }));
    } finally {
      System.setOut(original);
    }
    List<String> written = captured.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> l.contains("\"_aws\"")).toList();
    assertEquals(1, written.size(), captured.toString(StandardCharsets.UTF_8));
    assertEquals(1, Json.mapper().readTree(written.get(0)).path("MailsFailed").asLong());
    assertEquals(List.of(), metrics.drain());
  }

  @Test
  void anUnknownImportOutcomeIsNotCountedAndANamelessMetricIsAnError() {
    shop.importOutcome("maybe");
    assertEquals(List.of(), metrics.drain());
    assertThrows(IllegalArgumentException.class, () -> metrics.count(" ", 1, Map.of()));
  }

  private static List<JsonNode> parse(List<String> lines) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String l : lines) {
      out.add(Json.mapper().readTree(l));
    }
    return out;
  }

  private static JsonNode byDimension(List<JsonNode> lines, String name, String value) {
    return lines.stream().filter(l -> value.equals(l.path(name).asText())).findFirst().orElseThrow();
  }
}
