package dev.storeops.staffapi;

import static dev.storeops.staffapi.StaffRequests.csv;
import static dev.storeops.staffapi.StaffRequests.staffId;
import static dev.storeops.staffapi.StaffRequests.wantsCsv;

import dev.storeops.platform.http.HttpResponse;
import dev.storeops.platform.http.Router;
import dev.storeops.reporting.CashReport;
import dev.storeops.reporting.Expense;
import dev.storeops.reporting.ExpenseRules;
import dev.storeops.reporting.ProfitAndLoss;
import dev.storeops.reporting.RecordExpenses;
import dev.storeops.reporting.ReportService;
import java.util.Map;

/** The owner's expenses and the monthly profit and loss (docs/money.md). */
final class StaffExpenseRoutes {
  private final RecordExpenses expenses;
  private final RecordExpenses.Store store;
  private final ReportService reports;

  StaffExpenseRoutes(RecordExpenses expenses, RecordExpenses.Store store, ReportService reports) {
    this.expenses = expenses;
    this.store = store;
    this.reports = reports;
  }

  void register(Router router) {
    router
        .on("POST /staff/expenses", request -> {
          Expense e = expenses.record(request.bodyAs(ExpenseRules.Request.class), staffId(request));
          return HttpResponse.json(201, e, Map.of("Location", "/staff/expenses/" + e.id()));
        })
        .on("POST /staff/expenses/import", request ->
            HttpResponse.json(200, expenses.importCsv(request.bodyText(), staffId(request))))
        .on("GET /staff/reports/cash", request -> {
          CashReport.Result r = reports.cash(request.query("from").orElse(null), request.query("to").orElse(null), store);
          return wantsCsv(request) ? csv("cash-" + r.from() + "-" + r.to() + ".csv", CashReport.csv(r))
              : HttpResponse.json(200, r);
        })
        .on("GET /staff/reports/pnl", request -> {
          ProfitAndLoss.Result r = reports.profitAndLoss(request.query("month").orElse(null), store);
          return wantsCsv(request) ? csv("pnl-" + r.month() + ".csv", ProfitAndLoss.csv(r)) : HttpResponse.json(200, r);
        });
  }
}
