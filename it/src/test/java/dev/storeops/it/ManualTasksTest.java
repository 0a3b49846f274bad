package dev.storeops.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.storeops.catalog.dynamo.DynamoCatalog;
import dev.storeops.customers.dynamo.DynamoCustomerStore;
import dev.storeops.messaging.MailIntent;
import dev.storeops.messaging.StaffMails;
import dev.storeops.messaging.dynamo.DynamoFrequencyCap;
import dev.storeops.messaging.dynamo.DynamoMailFigures;
import dev.storeops.messaging.dynamo.DynamoSendLog;
import dev.storeops.messaging.dynamo.DynamoSuppressionList;
import dev.storeops.messaging.sending.EmailService;
import dev.storeops.messaging.sending.MailPolicy;
import dev.storeops.messaging.sending.MailTemplates;
import dev.storeops.messaging.sending.UnsubscribeTokens;
import dev.storeops.messaging.ses.SesMailSender;
import dev.storeops.platform.config.Env;
import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Unprocessable;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.SentMail;
import dev.storeops.stack.junit.WithAwsStack;
import dev.storeops.staff.CreateTask;
import dev.storeops.staff.ReadTaskReport;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskFigures;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Tasks by hand on the AWS stack (docs/tasks.md): a task given to a colleague is in their list, its mail
 * is rendered and sent through SES (read back from the emulator), an overdue manual task is escalated as
 * a rule's task is, and the task report counts it.
 */
@WithAwsStack
class ManualTasksTest {
  private static final ZoneId SHOP_ZONE = ZoneId.of("Europe/Moscow");

  private record Setup(FlowWorld w, CreateTask create, ReadTaskReport report, List<MailIntent> outbox, EmailService email) {}

  private static Setup setup(AwsStack stack) {
    FlowWorld w = new FlowWorld(stack);
    DynamoCatalog catalog = new DynamoCatalog(stack.dynamoDb(), w.table, w.clock);
    List<MailIntent> outbox = new CopyOnWriteArrayList<>();
    CreateTask create = new CreateTask(w.c.taskStore(), catalog::manager,
        StaffMails.taskToAssignee(outbox::addAll, catalog::manager), w.clock);
    Env senderEnv = stack.functionEnv("EmailSenderFunction");
    var dynamo = stack.dynamoDb();
    EmailService email = new EmailService(new MailTemplates(), MailPolicy.from(senderEnv),
        new DynamoCustomerStore(dynamo, w.table)::find, new DynamoSuppressionList(dynamo, w.table),
        new DynamoSendLog(dynamo, w.table), new DynamoFrequencyCap(dynamo, w.table), new DynamoMailFigures(dynamo, w.table),
        new SesMailSender(stack.ses()), new UnsubscribeTokens(senderEnv.required("UNSUBSCRIBE_SECRET")),
        new EmailService.Settings(senderEnv.required("SENDER_EMAIL"), null, senderEnv.required("UNSUBSCRIBE_URL"),
            senderEnv.required("PUBLIC_BASE_URL"), SHOP_ZONE, UnsubscribeTokens.DEFAULT_VALIDITY,
            senderEnv.required("CONSENT_CONFIRM_URL")), w.clock);
    return new Setup(w, create, new ReadTaskReport(w.c.taskStore(), catalog::managers, w.clock, SHOP_ZONE), outbox, email);
  }

  /** Sends what the outbox holds through the real sender (templates, send log, SES); the outcomes in order. */
  private static List<EmailService.Kind> sendMail(Setup s) {
    List<MailIntent> intents = new ArrayList<>(s.outbox());
    s.outbox().clear();
    return intents.stream().map(i -> s.email().handle(i, 1, 3).kind()).toList();
  }

  private static String inHours(Setup s, long hours) {
    return s.w().clock.instant().plus(Duration.ofHours(hours)).atZone(SHOP_ZONE).toOffsetDateTime().toString();
  }

  @Test
  void aTaskForAColleagueIsInTheirListTheirMailIsSentOnceAndTheReportCountsIt(AwsStack stack) {
    Setup s = setup(stack);
    String colleague = s.w().manager; // on the roster, with an e-mail
    StaffTask task = s.create().create(new CreateTask.Request("Позвонить поставщику про чай", colleague, null, null,
        inHours(s, 4), "high"), "owner-elena", "key-1");
    assertEquals(StaffTask.MANUAL, task.kind());
    assertEquals(StaffTask.Priority.HIGH, task.priority());
    StaffTask repeated = s.create().create(new CreateTask.Request("Позвонить поставщику про чай", colleague, null, null,
        inHours(s, 4), "high"), "owner-elena", "key-1");
    assertEquals(task.id(), repeated.id(), "the same idempotency key creates one task");
    assertEquals(List.of(task.id()), s.w().c.tasks().list(colleague, StaffTask.Status.OPEN, 50).stream()
        .map(StaffTask::id).toList());

    int before = stack.sentMail().size();
    // told twice (the request was repeated), one dedupe key: sent once
    List<EmailService.Kind> outcomes = sendMail(s);
    assertEquals(2, outcomes.size());
    assertEquals(EmailService.Kind.SENT, outcomes.get(0));
    List<SentMail> mine = stack.sentMail().subList(before, stack.sentMail().size()).stream()
        .filter(m -> m.to().contains(colleague + "@example.com")).toList();
    assertEquals(1, mine.size(), "one mail to the assignee");
    assertTrue(mine.get(0).subject().contains("Позвонить поставщику про чай"), mine.get(0).subject());
    assertTrue(mine.get(0).text().contains("owner-elena"), mine.get(0).text());

    // done in 90 minutes, on time
    s.w().clock.advance(Duration.ofMinutes(90));
    s.w().c.tasks().complete(task.id(), colleague, "Поставщик привезёт в пятницу");
    String today = s.w().clock.instant().atZone(SHOP_ZONE).toLocalDate().toString();
    TaskFigures f = s.report().read(today, today, colleague).people().get(0);
    assertEquals(new TaskFigures(colleague, 1, 1, 1, 0, 0, 90L), f);
  }

  @Test
  void anOverdueManualTaskIsEscalatedAsARulesTaskIsAndCountsOverdue(AwsStack stack) {
    Setup s = setup(stack);
    StaffTask task = s.create().create(new CreateTask.Request("Сверить кассу", null, null, null, inHours(s, 1), null),
        s.w().manager, null);
    assertEquals(s.w().manager, task.assigneeId(), "no assignee: the creator");
    s.w().clock.advance(Duration.ofHours(2));
    // FlowWorld's shop reports overdue tasks to the lead
    s.w().c.tasks().escalateOverdue(10_000);
    assertEquals(1, s.w().c.tasks().get(task.id()).escalations());
    assertTrue(s.w().mail.stream().anyMatch(m -> m.dedupeKey().equals("task-overdue#" + task.id() + "#0")),
        "the lead is told, as for a rule's task");
    String today = s.w().clock.instant().atZone(SHOP_ZONE).toLocalDate().toString();
    TaskFigures f = s.report().read(today, today, s.w().manager).people().get(0);
    assertEquals(1, f.overdue());
    assertEquals(1, f.open());
    assertEquals(null, f.medianMinutesToDone());
  }

  @Test
  void aColleagueMustBeOnTheRosterAndTheDeadlineInTheFuture(AwsStack stack) {
    Setup s = setup(stack);
    assertEquals("unknown-assignee", assertThrows(Unprocessable.class, () -> s.create().create(
        new CreateTask.Request("x", "nobody-" + FlowWorld.unique("n"), null, null, inHours(s, 1), null), "owner-elena", null))
        .code());
    Invalid past = assertThrows(Invalid.class, () -> s.create().create(
        new CreateTask.Request("", s.w().manager, null, null, inHours(s, -1), "urgent"), "owner-elena", null));
    assertEquals(List.of("title", "deadline", "priority"), past.errors().stream().map(e -> e.field()).toList());
  }
}
