package dev.storeops.scheduler;

import dev.storeops.platform.Job;

import dev.storeops.platform.config.Env;
import dev.storeops.platform.metrics.ShopMetrics;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.fulfilment.dynamo.FlowComponents;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The payment and follow-up jobs: {@code {"job":"payment-timeouts"}} (payment deadlines from the
 * due-work index, {@link OrderFlow#paymentTimeouts}) and {@code {"job":"task-escalation"}} (overdue
 * staff tasks, {@link TaskService#escalateOverdue}; each escalated task counts in TasksOverdue). Both read
 * only due items and are idempotent.
 */
final class PaymentJobs {
  static final String PAYMENT_TIMEOUTS = "payment-timeouts";
  static final String TASK_ESCALATION = "task-escalation";
  /** Items one run handles at most; the rest wait for the next run (5-15 minutes later). */
  static final int BATCH = 200;

  private PaymentJobs() {}

  static void register(Map<String, Job> jobs, DynamoDbClient dynamo, String table, MailOutbox outbox,
      dev.storeops.messaging.sms.SmsOutbox sms, Clock clock, Env env, ShopMetrics metrics) {
    FlowSettings settings = FlowSettings.from(env);
    TaskService.EscalationPolicy policy;
    String raw = env.optional("TASK_ESCALATION", "REASSIGN").trim().toUpperCase(Locale.ROOT);
    try {
      policy = TaskService.EscalationPolicy.valueOf(raw);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("TASK_ESCALATION must be REASSIGN or REPORT, not " + raw, e);
    }
    FlowComponents.Escalation escalation = new FlowComponents.Escalation(policy,
        Duration.ofMinutes(env.optionalInt("TASK_ESCALATION_MINUTES", 60)), env.required("OPS_EMAIL"));
    FlowComponents c = FlowComponents.build(dynamo, table, outbox, sms, settings, clock, env.required("PUBLIC_BASE_URL"),
        escalation);
    // carrier status (issue 17): the CDEK parcel poll, on the same order flow
    CarrierJobs.register(jobs, c, dynamo, table, settings, clock, env, metrics);
    jobs.put(PAYMENT_TIMEOUTS, () -> c.flow().paymentTimeouts(BATCH).figures());
    jobs.put(TASK_ESCALATION, () -> {
      TaskService.Escalation result = c.tasks().escalateOverdue(BATCH);
      metrics.tasksOverdue(result.reassigned() + result.reported());
      Map<String, Object> figures = new java.util.LinkedHashMap<>();
      figures.put("reassigned", result.reassigned());
      figures.put("reported", result.reported());
      figures.put("failed", result.failed());
      figures.put("parked", result.parkedItems().size());
      figures.put("parkedItems", result.parkedItems());
      return figures;
    });
  }
}
