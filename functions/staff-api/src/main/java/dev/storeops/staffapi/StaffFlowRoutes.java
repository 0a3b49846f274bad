package dev.storeops.staffapi;

import dev.storeops.catalog.Identifiers;
import dev.storeops.fulfilment.CancelOrder;
import dev.storeops.fulfilment.LogCall;
import dev.storeops.fulfilment.ShipOrder;
import dev.storeops.platform.http.ApiException;
import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.fulfilment.OrderFlow;
import dev.storeops.staff.StaffTask;
import dev.storeops.staff.TaskService;
import dev.storeops.platform.ids.Ids;
import java.time.Clock;
import java.util.Locale;
import java.util.Map;

/**
 * The staff routes of the payment and follow-up rules: calls, cancel, ship, deliver, and staff tasks.
 * Thin: parse → {@link OrderFlow} / {@link TaskService} → the order's staff view. A manager calls about
 * and cancels only their own orders, and everybody but the owner sees and completes only their own
 * tasks ({@code staff/StaffPermissions}): the item is read and checked before anything is written.
 */
final class StaffFlowRoutes {
  private final OrderFlow flow;
  private final TaskService tasks;
  private final Clock clock;
  private final java.util.function.Consumer<dev.storeops.fulfilment.OrderFile> onDelivered;
  private final java.util.function.Consumer<StaffTask> onTaskDone;

  /** With what follows a delivery (the review-request mail flow); it must be idempotent: a repeated deliver calls it again. */
  StaffFlowRoutes(OrderFlow flow, TaskService tasks, Clock clock,
      java.util.function.Consumer<dev.storeops.fulfilment.OrderFile> onDelivered) {
    this(flow, tasks, clock, onDelivered, task -> {});
  }

  /**
   * @param onTaskDone what follows a task done (a hand refund recorded on its return, docs/returns.md); it
   *     gets the task as stored after every done call, also a repeated one, so it must be idempotent
   */
  StaffFlowRoutes(OrderFlow flow, TaskService tasks, Clock clock,
      java.util.function.Consumer<dev.storeops.fulfilment.OrderFile> onDelivered,
      java.util.function.Consumer<StaffTask> onTaskDone) {
    this.onDelivered = onDelivered;
    this.onTaskDone = onTaskDone;
    this.flow = flow;
    this.tasks = tasks;
    this.clock = clock;
  }

  void register(Router router) {
    router
        .on("POST /staff/orders/{id}/calls", request -> {
          String by = StaffRequests.staffId(request);
          requireOwnOrder(request);
          String callId = request.header("Idempotency-Key").map(String::strip)
              .filter(k -> k.matches("[A-Za-z0-9_.:-]{1,100}")).orElseGet(() -> Ids.newId("call", clock));
          return HttpResponse.json(200, flow.logCall(request.pathParameter("id"), by, callId,
              request.bodyAs(LogCall.Request.class)).view());
        })
        .on("POST /staff/orders/{id}/cancel", request -> {
          requireOwnOrder(request);
          return HttpResponse.json(200, flow.cancel(request.pathParameter("id"),
              StaffRequests.staffId(request), request.bodyAs(CancelOrder.Request.class)).view());
        })
        .on("POST /staff/orders/{id}/ship", request -> HttpResponse.json(200, flow.ship(request.pathParameter("id"),
            StaffRequests.staffId(request), request.bodyAs(ShipOrder.Request.class)).view()))
        .on("POST /staff/orders/{id}/deliver", request -> {
          var delivered = flow.deliver(request.pathParameter("id"), StaffRequests.staffId(request));
          onDelivered.accept(delivered);
          return HttpResponse.json(200, delivered.view());
        })
        .on("GET /staff/tasks", request -> {
          String me = StaffRequests.staffId(request);
          String assignee = request.query("assignee").map(String::strip).orElse("me");
          if (assignee.equals("me")) {
            assignee = me;
          } else if (!Identifiers.validId(assignee)) {
            throw ApiException.badRequest("assignee", "must be me or a staff id");
          } else if (StaffRequests.onlyOwn(request)) {
            StaffRequests.requireOwn(request, assignee, "The task list of " + assignee);
          }
          String rawStatus = request.query("status").map(String::strip).orElse("open").toUpperCase(Locale.ROOT);
          StaffTask.Status status;
          try {
            status = StaffTask.Status.valueOf(rawStatus);
          } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("status", "must be open or done");
          }
          // the API's one paging convention (docs/api.md): limit + cursor -> nextCursor
          var page = tasks.page(assignee, status, request.query("limit").orElse(null),
              request.query("cursor").orElse(null));
          Map<String, Object> body = new java.util.LinkedHashMap<>();
          body.put("assignee", assignee);
          body.put("status", status);
          body.put("tasks", page.tasks());
          body.put("nextCursor", page.nextCursor());
          return HttpResponse.json(200, body);
        })
        .on("POST /staff/tasks/{id}/done", request -> {
          String by = StaffRequests.staffId(request);
          TaskDone body = request.bodyAs(TaskDone.class);
          StaffTask task = tasks.get(request.pathParameter("id"));
          StaffRequests.requireOwn(request, task.assigneeId(), "Task " + task.id());
          StaffTask done = tasks.complete(request.pathParameter("id"), by, body.comment());
          onTaskDone.accept(done); // after the task is stored DONE: a failure here is retried by repeating done
          return HttpResponse.json(200, done);
        });
  }

  /** The own-work rule on the order in the path (read before anything is written). */
  private void requireOwnOrder(dev.storeops.platform.http.HttpRequest request) {
    var order = flow.get(request.pathParameter("id")).order();
    StaffRequests.requireOwn(request, order.managerId(), "Order " + order.id());
  }

  /** The body of {@code POST /staff/tasks/{id}/done}. */
  public record TaskDone(String comment) {}
}
