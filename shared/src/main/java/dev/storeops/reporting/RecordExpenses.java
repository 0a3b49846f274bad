package dev.storeops.reporting;

import dev.storeops.platform.errors.Invalid;
import dev.storeops.platform.errors.Validation;
import dev.storeops.platform.ids.Ids;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * The owner records expenses: one ({@link #record}) or a CSV such as a bank statement export
 * ({@link #importCsv}). An imported row's id is derived from its content and its occurrence in the file,
 * so importing the same file again records nothing twice.
 */
public final class RecordExpenses {
  /** Where expenses are kept, by month. */
  public interface Store {
    /** Stores the expense; false when one with its id exists (nothing changed). */
    boolean put(Expense expense);

    List<Expense> month(YearMonth month);
  }

  public record Imported(int recorded, int alreadyRecorded, int rows) {}

  private final Store store;
  private final Clock clock;
  private final ZoneId zone;

  public RecordExpenses(Store store, Clock clock, ZoneId zone) {
    this.store = store;
    this.clock = clock;
    this.zone = zone;
  }

  public Expense record(ExpenseRules.Request r, String staffId) {
    Validation v = new Validation();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    LocalDate date = ExpenseRules.date(r == null ? null : r.date(), "date", v, today);
    String category = ExpenseRules.category(r == null ? null : r.category(), "category", v);
    Long amount = ExpenseRules.amountMinor(r == null ? null : r.amountMinor(), "amountMinor", v);
    String note = ExpenseRules.note(r == null ? null : r.note(), "note", v);
    v.throwIfInvalid();
    Expense e = new Expense(Ids.newId("exp", clock), date, category, amount, note, "manual", staffId, clock.instant());
    store.put(e);
    return e;
  }

  /**
   * CSV with the columns {@code date,category,amount,note} (amount in roubles), comma or semicolon
   * separated, an optional header line; every bad row is named ({@code rows[n].field}, n from 1) and
   * nothing is recorded then.
   */
  public Imported importCsv(String text, String staffId) {
    if (text == null || text.isBlank()) {
      throw Invalid.field("body", "is empty: send the CSV (date,category,amount,note)");
    }
    String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n");
    char sep = lines[0].contains(";") ? ';' : ',';
    Validation v = new Validation();
    LocalDate today = LocalDate.now(clock.withZone(zone));
    List<Expense> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    int n = 0;
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      List<String> cells = cells(lines[i], sep);
      if (i == 0 && cells.get(0).strip().equalsIgnoreCase("date")) {
        continue; // header
      }
      n++;
      String at = "rows[" + n + "].";
      if (cells.size() < 3) {
        v.error("rows[" + n + "]", "needs date, category, amount and an optional note");
        continue;
      }
      LocalDate date = ExpenseRules.date(cells.get(0), at + "date", v, today);
      String category = ExpenseRules.category(cells.get(1), at + "category", v);
      Long amount = ExpenseRules.roubles(cells.get(2), at + "amount", v);
      String note = ExpenseRules.note(cells.size() > 3 ? cells.get(3) : null, at + "note", v);
      if (date == null || category == null || amount == null) {
        continue;
      }
      String content = date + "|" + category + "|" + amount + "|" + (note == null ? "" : note);
      int occurrence = seen.merge(content, 1, Integer::sum);
      rows.add(new Expense("exp_" + sha256(content + "|" + occurrence).substring(0, 26), date, category, amount, note,
          "import", staffId, clock.instant()));
    }
    if (n > 5000) {
      v.error("body", "at most 5000 rows per import");
    }
    v.throwIfInvalid();
    int recorded = 0;
    for (Expense e : rows) {
      if (store.put(e)) {
        recorded++;
      }
    }
    return new Imported(recorded, rows.size() - recorded, rows.size());
  }

  /** One CSV line's cells: quotes (RFC 4180) respected. */
  static List<String> cells(String line, char sep) {
    List<String> out = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          cell.append(c);
        }
      } else if (c == '"') {
        quoted = true;
      } else if (c == sep) {
        out.add(cell.toString());
        cell.setLength(0);
      } else {
        cell.append(c);
      }
    }
    out.add(cell.toString());
    return out;
  }

  private static String sha256(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
