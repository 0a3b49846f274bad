package dev.storeops.local;

import dev.storeops.platform.schedule.ScheduleExpression;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.storeops.platform.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The template's Schedule (EventBridge rule) and ScheduleV2 (EventBridge Scheduler) events: each
 * fires its function at the times of its rate or cron expression (cron in its
 * ScheduleExpressionTimezone), with the event's Input when set, else a Scheduled Event. A {@code
 * speed} above 1 runs the schedules' clock faster than real time, for demos; {@link #fireNow} fires
 * one at once.
 */
public final class Schedules implements AutoCloseable {

  private final class Entry {
    final LocalTemplate.ScheduleSource source;
    final LocalFunction function;
    final ScheduleExpression expression;
    Instant next;

    Entry(LocalTemplate.ScheduleSource source, LocalFunction function, Instant origin) {
      this.source = source;
      this.function = function;
      this.expression = ScheduleExpression.parse(source.expression(), ZoneId.of(source.timezone()), origin);
      this.next = expression.next(origin).orElse(null);
    }
  }

  private final List<Entry> entries = new ArrayList<>();
  private final String region;
  private final String stackName;
  private final Instant realStart;
  private final double speed;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Thread ticker;
  private final java.time.Clock clock;
  private volatile boolean running = true;

  public Schedules(Map<LocalTemplate.ScheduleSource, LocalFunction> schedules, double speed, String region,
      String stackName) {
    this.region = region;
    this.stackName = stackName;
    this.speed = speed;
    this.clock = null;
    this.realStart = Instant.now();
    schedules.forEach((source, function) -> entries.add(new Entry(source, function, realStart)));
    this.ticker = Thread.ofVirtual().name("schedules").start(this::tick);
  }

  /**
   * Driven by a movable clock (the simulation): no ticker; {@link #fireDue()} fires, on the caller's
   * thread, every schedule whose time has come on that clock.
   */
  public Schedules(Map<LocalTemplate.ScheduleSource, LocalFunction> schedules, java.time.Clock clock, String region,
      String stackName) {
    this.region = region;
    this.stackName = stackName;
    this.speed = 1;
    this.clock = clock;
    this.realStart = clock.instant();
    schedules.forEach((source, function) -> entries.add(new Entry(source, function, realStart)));
    this.ticker = null;
  }

  /** Driven mode: fires each enabled schedule whose next time is not after the clock's now (once, however late); the count. */
  public int fireDue() {
    Instant now = now();
    List<Map.Entry<Entry, Instant>> due = new ArrayList<>();
    synchronized (this) {
      for (Entry e : entries) {
        if (e.source.enabled() && e.next != null && !e.next.isAfter(now)) {
          due.add(Map.entry(e, e.next));
          e.next = e.expression.next(now).orElse(null);
        }
      }
    }
    due.forEach(d -> fire(d.getKey(), d.getValue(), "schedule"));
    return due.size();
  }

  /** The schedules' clock: real time, or faster from start-up when {@code speed > 1}; the given clock when driven. */
  public Instant now() {
    if (clock != null) {
      return clock.instant();
    }
    long realMillis = Duration.between(realStart, Instant.now()).toMillis();
    return realStart.plusMillis((long) (realMillis * speed));
  }

  /** Next firing time of each schedule, {@code Function/Event} → instant (schedule clock). */
  public synchronized Map<String, String> nextFirings() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Entry e : entries) {
      out.put(e.source.functionId() + "/" + e.source.event(), !e.source.enabled() ? "disabled"
          : e.next == null ? "never" : e.next.toString());
    }
    return out;
  }

  private void tick() {
    while (running) {
      Instant now = now();
      synchronized (this) {
        for (Entry e : entries) {
          if (e.source.enabled() && e.next != null && !e.next.isAfter(now)) {
            Instant at = e.next;
            executor.submit(() -> fire(e, at, "schedule"));
            e.next = e.expression.next(now).orElse(null);
          }
        }
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException ex) {
        return;
      }
    }
  }

  /** Fires the schedules of a function now (all of them, or the one named {@code event}); empty if it has none. */
  public Optional<List<Map<String, Object>>> fireNow(String functionId, String event) {
    List<Entry> selected;
    synchronized (this) {
      selected = entries.stream().filter(e -> e.source.functionId().equals(functionId)
          && (event == null || e.source.event().equals(event))).toList();
    }
    if (selected.isEmpty()) {
      return Optional.empty();
    }
    List<Map<String, Object>> results = new ArrayList<>();
    for (Entry e : selected) {
      LocalFunction.Result r = fire(e, now(), "manual");
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("function", functionId);
      out.put("event", e.source.event());
      out.put("requestId", r.requestId());
      out.put("outcome", r.ok() ? "ok" : "error");
      out.put("durationMs", r.durationMs());
      if (!r.ok()) {
        out.put("error", r.error().getClass().getSimpleName() + ": " + r.error().getMessage());
      }
      results.add(out);
    }
    return Optional.of(results);
  }

  private LocalFunction.Result fire(Entry e, Instant at, String how) {
    byte[] payload = payload(e, at);
    return e.function.invoke(payload, "schedule " + e.source.event() + " (" + how + ")", r -> "ok");
  }

  private byte[] payload(Entry e, Instant at) {
    if (e.source.input() != null) {
      return e.source.input().getBytes(StandardCharsets.UTF_8);
    }
    ObjectNode event = Json.mapper().createObjectNode();
    event.put("version", "0");
    event.put("id", UUID.randomUUID().toString());
    event.put("detail-type", "Scheduled Event");
    event.put("source", e.source.v2() ? "aws.scheduler" : "aws.events");
    event.put("account", "000000000000");
    event.put("time", at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
    event.put("region", region);
    String name = stackName + "-" + e.source.functionId() + "-" + e.source.event();
    event.putArray("resources").add(e.source.v2()
        ? "arn:aws:scheduler:" + region + ":000000000000:schedule/default/" + name
        : "arn:aws:events:" + region + ":000000000000:rule/" + name);
    event.putObject("detail");
    return Json.write(event).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    running = false;
    if (ticker != null) {
      ticker.interrupt();
    }
    executor.shutdownNow();
  }
}
