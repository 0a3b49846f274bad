package dev.storeops.staffapi;

import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.staff.CreateTask;
import dev.storeops.staff.ReadTaskReport;

/**
 * Tasks by hand and their figures (docs/tasks.md): {@code POST /staff/tasks} — anyone for themselves, the
 * owner and managers for a colleague too; {@code GET /staff/reports/tasks} — the owner for anyone, everyone
 * else their own figures.
 */
final class StaffTaskRoutes {
  private final CreateTask create;
  private final ReadTaskReport report;
  private final java.util.function.Consumer<String> orderExists;

  /** @param orderExists throws 404 for an order id that is not one of the shop's orders */
  StaffTaskRoutes(CreateTask create, ReadTaskReport report, java.util.function.Consumer<String> orderExists) {
    this.create = create;
    this.report = report;
    this.orderExists = orderExists;
  }

  void register(Router router) {
    router
        .on("POST /staff/tasks", request -> {
          String me = StaffRequests.staffId(request);
          CreateTask.Request body = request.bodyAs(CreateTask.Request.class);
          String assignee = body.assigneeId() == null || body.assigneeId().isBlank() ? "me" : body.assigneeId().strip();
          if (!assignee.equals("me")) {
            // warehouse and marketing staff give tasks only to themselves
            StaffRequests.requireOwn(request, assignee, "A task for " + assignee);
          }
          if (body.orderId() != null && !body.orderId().isBlank()) {
            orderExists.accept(body.orderId().strip());
          }
          return HttpResponse.json(201, create.create(body, me,
              request.header("Idempotency-Key").map(String::strip).orElse(null)));
        })
        .on("GET /staff/reports/tasks", request -> {
          String staffId = request.query("staffId").map(String::strip).filter(s -> !s.isEmpty()).orElse(null);
          if ("me".equals(staffId)) {
            staffId = StaffRequests.staffId(request);
          }
          if (StaffRequests.onlyOwn(request)) {
            if (staffId == null) {
              staffId = StaffRequests.staffId(request);
            }
            StaffRequests.requireOwn(request, staffId, "The task figures of " + staffId);
          }
          return HttpResponse.json(200, report.read(request.query("from").orElse(null),
              request.query("to").orElse(null), staffId));
        });
  }
}
