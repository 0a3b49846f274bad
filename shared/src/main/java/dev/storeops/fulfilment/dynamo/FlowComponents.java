package dev.storeops.fulfilment.dynamo;

import dev.storeops.messaging.StaffMails;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.messaging.MailOutbox;
import dev.storeops.messaging.sms.SmsOutbox;
import dev.storeops.staff.Manager;
import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.fulfilment.FlagShortOrders;
import dev.storeops.fulfilment.FlowSettings;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.staff.dynamo.DynamoTaskStore;
import dev.storeops.staff.TaskService;
import java.time.Clock;
import java.time.Duration;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The payment/follow-up rules and staff tasks wired to DynamoDB; built once per container by the handlers. */
public record FlowComponents(OrderFlow flow, TaskService tasks, DynamoTaskStore taskStore, DynamoOrderFlowStore store,
    DueWorkStore due) {

  /** How overdue tasks are escalated (only the scheduler escalates; others may pass {@link #noEscalation}). */
  public record Escalation(TaskService.EscalationPolicy policy, Duration window, String leadEmail) {}

  public static Escalation noEscalation() {
    return new Escalation(TaskService.EscalationPolicy.REPORT, Duration.ofHours(1), null);
  }

  public static FlowComponents build(DynamoDbClient dynamo, String table, MailOutbox mail, FlowSettings settings,
      Clock clock, String publicBaseUrl, Escalation escalation) {
    return build(dynamo, table, mail, SmsOutbox.NONE, settings, clock, publicBaseUrl, escalation);
  }

  /** With the SMS queue ({@code SMS_QUEUE_URL}): customer notices go by mail and by SMS. */
  public static FlowComponents build(DynamoDbClient dynamo, String table, MailOutbox mail, SmsOutbox sms,
      FlowSettings settings, Clock clock, String publicBaseUrl, Escalation escalation) {
    DueWorkStore due = new DueWorkStore(dynamo, table, clock);
    DynamoTaskStore taskStore = new DynamoTaskStore(dynamo, table, due);
    DynamoCatalog catalog = new DynamoCatalog(dynamo, table, clock);
    TaskService tasks = new TaskService(taskStore, () -> catalog.managers().stream().filter(Manager::onShift)
        .map(m -> new TaskService.ManagerLoad(m.id(), (int) m.openOrders())).toList(),
        StaffMails.overdueTaskToLead(mail, escalation.leadEmail()), clock, escalation.policy(), escalation.window());
    DynamoOrderFlowStore store = new DynamoOrderFlowStore(dynamo, table, due, clock,
        new FlagShortOrders(new DynamoShortStock(dynamo, table, clock), tasks));
    OrderFlow flow = new OrderFlow(store, tasks, taskStore, new DynamoCustomerStore(dynamo, table), mail, sms, settings,
        clock, publicBaseUrl);
    return new FlowComponents(flow, tasks, taskStore, store, due);
  }
}
