package dev.storeops.it;

import dev.storeops.messaging.StaffMails;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.storeops.platform.dynamo.DueWorkStore;
import dev.storeops.platform.errors.DomainException;
import dev.storeops.platform.http.Problems;
import dev.storeops.platform.json.Json;
import dev.storeops.messaging.sqs.SqsMailOutbox;
import dev.storeops.stack.junit.MovableClock;
import dev.storeops.staff.dynamo.DynamoTaskStore;
import dev.storeops.staff.OverdueTaskEscalationPolicy;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.stack.AwsStack;
import dev.storeops.stack.junit.WithAwsStack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Staff tasks on DynamoDB Local and ElasticMQ, with a clock the test moves. */
@WithAwsStack
class TaskServiceTest {
  private static final Instant T0 = Instant.parse("2026-11-23T09:00:00Z");

  private record Setup(TaskService service, MovableClock clock, List<TaskService.ManagerLoad> roster) {}

  private static Setup setup(AwsStack stack, TaskService.EscalationPolicy policy) {
    MovableClock clock = new MovableClock(T0);
    List<TaskService.ManagerLoad> roster = new ArrayList<>();
    String table = stack.tableName("StoreTable");
    DynamoTaskStore store = new DynamoTaskStore(stack.dynamoDb(), table, new DueWorkStore(stack.dynamoDb(), table, clock));
    TaskService service = new TaskService(store, () -> List.copyOf(roster),
        StaffMails.overdueTaskToLead(new SqsMailOutbox(stack.sqs(), stack.queueUrl("EmailQueue")), "lead@example.com"),
        clock, policy, Duration.ofHours(2));
    return new Setup(service, clock, roster);
  }

  private static String unique(String prefix) {
    return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void openingTheSameTaskTwiceKeepsOne(AwsStack stack) {
    Setup s = setup(stack, TaskService.EscalationPolicy.REASSIGN);
    String manager = unique("mgr");
    String id = unique("confirm-by-phone");
    StaffTask first = s.service().open(id, "CONFIRM_BY_PHONE", "Confirm order by phone", "ord_1", "cus_1",
        manager, Duration.ofHours(4), "rule:cash-on-delivery");
    s.clock().advance(Duration.ofMinutes(5));
    StaffTask again = s.service().open(id, "CONFIRM_BY_PHONE", "Confirm order by phone", "ord_1", "cus_1",
        manager, Duration.ofHours(4), "rule:cash-on-delivery");
    assertEquals(first.dueAt(), again.dueAt());
    assertEquals(1, s.service().list(manager, StaffTask.Status.OPEN, 50).size());
  }

  @Test
  void myOpenTasksAreSortedByDueTimeAndDoneNeedsAComment(AwsStack stack) {
    Setup s = setup(stack, TaskService.EscalationPolicy.REASSIGN);
    String manager = unique("mgr");
    String late = unique("t");
    String soon = unique("t");
    s.service().open(late, "CALL_ABOUT_PAYMENT", "Call about payment", "ord_2", null, manager, Duration.ofHours(8), "rule");
    s.service().open(soon, "CALL_FAILED_PAYMENT", "Call about the failed payment", "ord_3", null, manager, Duration.ofHours(1), "rule");
    assertEquals(List.of(soon, late), s.service().list(manager, StaffTask.Status.OPEN, 50).stream().map(StaffTask::id).toList());

    DomainException blank = assertThrows(DomainException.class, () -> s.service().complete(soon, manager, " "));
    assertEquals(400, Problems.of(blank).status());
    assertEquals(404, Problems.of(assertThrows(DomainException.class, () -> s.service().complete("nope", manager, "x"))).status());

    StaffTask done = s.service().complete(soon, manager, "Customer will pay today");
    assertEquals(StaffTask.Status.DONE, done.status());
    assertEquals("Customer will pay today", done.comment());
    StaffTask twice = s.service().complete(soon, "someone-else", "again");
    assertEquals("Customer will pay today", twice.comment());
    assertEquals(manager, twice.doneBy());
    assertEquals(List.of(late), s.service().list(manager, StaffTask.Status.OPEN, 50).stream().map(StaffTask::id).toList());
    assertEquals(List.of(soon), s.service().list(manager, StaffTask.Status.DONE, 50).stream().map(StaffTask::id).toList());
  }

  @Test
  void aListPagesWithLimitAndCursorSoonestDueFirst(AwsStack stack) {
    Setup s = setup(stack, TaskService.EscalationPolicy.REASSIGN);
    String manager = unique("mgr");
    List<String> ids = List.of(unique("t1"), unique("t2"), unique("t3"));
    for (int i = 0; i < ids.size(); i++) {
      // due in ten years: the other tests' escalation runs (same table, their own clocks) never see them
      s.service().open(ids.get(i), "CALL_ABOUT_PAYMENT", "Call", "ord_" + i, null, manager, Duration.ofDays(3650 + i), "rule");
    }
    var first = s.service().page(manager, StaffTask.Status.OPEN, "2", null);
    assertEquals(ids.subList(0, 2), first.tasks().stream().map(StaffTask::id).toList());
    assertNotNull(first.nextCursor());
    var second = s.service().page(manager, StaffTask.Status.OPEN, "2", first.nextCursor());
    assertEquals(ids.subList(2, 3), second.tasks().stream().map(StaffTask::id).toList());
    assertNull(second.nextCursor(), "the last page has no cursor");
    assertEquals(ids, s.service().page(manager, StaffTask.Status.OPEN, null, null).tasks().stream().map(StaffTask::id).toList());

    DomainException badLimit = assertThrows(DomainException.class, () -> s.service().page(manager, StaffTask.Status.OPEN, "101", null));
    assertEquals("limit", Problems.of(badLimit).errors().get(0).field());
    DomainException badCursor = assertThrows(DomainException.class,
        () -> s.service().page(manager, StaffTask.Status.OPEN, "2", "bm90LWEtY3Vyc29y"));
    assertEquals(400, Problems.of(badCursor).status());
    assertEquals("cursor", Problems.of(badCursor).errors().get(0).field());
  }

  @Test
  void anOverdueTaskGoesToTheLeastLoadedOtherManagerOnShiftOnce(AwsStack stack) {
    Setup s = setup(stack, TaskService.EscalationPolicy.REASSIGN);
    String anna = unique("anna");
    String boris = unique("boris");
    String vera = unique("vera");
    s.roster().addAll(List.of(new TaskService.ManagerLoad(anna, 1), new TaskService.ManagerLoad(boris, 5),
        new TaskService.ManagerLoad(vera, 2)));
    String id = unique("t");
    s.service().open(id, "CALL_ABOUT_PAYMENT", "Call about payment", "ord_4", null, anna, Duration.ofHours(1), "rule");

    s.clock().advance(Duration.ofMinutes(59));
    assertEquals(0, s.service().escalateOverdue(100).reassigned(), "not overdue yet");

    s.clock().advance(Duration.ofMinutes(2));
    assertEquals(1, s.service().escalateOverdue(100).reassigned());
    assertEquals(0, s.service().escalateOverdue(100).reassigned(), "a second run changes nothing");
    StaffTask moved = s.service().list(vera, StaffTask.Status.OPEN, 10).get(0);
    assertEquals(id, moved.id());
    assertEquals(1, moved.escalations());
    assertEquals(T0.plus(Duration.ofMinutes(61)).plus(Duration.ofHours(2)), moved.dueAt());
    assertEquals(List.of(), s.service().list(anna, StaffTask.Status.OPEN, 10));

    // vera lets it pass too: it goes to a second manager (anna is the least loaded other than vera)
    s.clock().advance(Duration.ofHours(2).plusMinutes(1));
    s.service().escalateOverdue(100);
    StaffTask second = s.service().list(anna, StaffTask.Status.OPEN, 10).get(0);
    assertEquals(id, second.id());
    assertEquals(OverdueTaskEscalationPolicy.MAX_REASSIGNMENTS, second.escalations());

    // overdue again after two reassignments: reported to the lead, stays with anna, escalated no more
    s.clock().advance(Duration.ofHours(2).plusMinutes(1));
    s.service().escalateOverdue(100);
    StaffTask reported = s.service().list(anna, StaffTask.Status.OPEN, 10).get(0);
    assertEquals(id, reported.id(), "not sent round the team again");
    assertEquals(OverdueTaskEscalationPolicy.MAX_REASSIGNMENTS + 1, reported.escalations(), "reported once");
    s.clock().advance(Duration.ofHours(5));
    s.service().escalateOverdue(100);
    assertEquals(reported, s.service().list(anna, StaffTask.Status.OPEN, 10).get(0), "left alone after the report");
    assertTrue(s.service().list(vera, StaffTask.Status.OPEN, 10).stream().noneMatch(t -> t.id().equals(id)));
  }

  @Test
  void withNobodyElseOnShiftTheLeadGetsOneMail(AwsStack stack) throws Exception {
    Setup s = setup(stack, TaskService.EscalationPolicy.REASSIGN);
    String anna = unique("anna");
    s.roster().add(new TaskService.ManagerLoad(anna, 0));
    String id = unique("t");
    s.service().open(id, "CONFIRM_BY_PHONE", "Confirm by phone", "ord_5", null, anna, Duration.ofHours(1), "rule");
    s.clock().advance(Duration.ofHours(2));

    assertEquals(new TaskService.Escalation(0, 1), s.service().escalateOverdue(100));
    assertEquals(new TaskService.Escalation(0, 0), s.service().escalateOverdue(100));

    JsonNode intent = null;
    for (int i = 0; i < 5 && intent == null; i++) {
      for (var m : stack.sqs().receiveMessage(b -> b.queueUrl(stack.queueUrl("EmailQueue"))
          .maxNumberOfMessages(10).waitTimeSeconds(1)).messages()) {
        JsonNode body = Json.mapper().readTree(m.body());
        if (body.path("dedupeKey").asText().startsWith("task-overdue#" + id)) {
          intent = body;
        }
      }
    }
    assertNotNull(intent, "overdue mail on the e-mail queue");
    assertEquals("lead@example.com", intent.path("to").asText());
    assertEquals("STAFF", intent.path("category").asText());
    assertEquals(id, intent.path("data").path("taskId").asText());
  }
}
