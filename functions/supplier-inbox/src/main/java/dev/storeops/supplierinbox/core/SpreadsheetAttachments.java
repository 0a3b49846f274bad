package dev.storeops.supplierinbox.core;

import dev.storeops.catalog.suppliers.IncomingKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Rule: which parts of a supplier's mail are stock files. A part is taken when its (decoded) file name
 * ends in {@code .csv}, {@code .xlsx} or {@code .xls}, or — without such a name — its content type is
 * one of CSV, XLSX or XLS (the file then gets that extension). Empty parts and anything else (pictures,
 * signatures, PDFs) are not taken; the import itself decides by content whether a file is readable.
 */
public final class SpreadsheetAttachments {
  private SpreadsheetAttachments() {}

  /** A part and whether it is taken (with its file name) or why not. */
  public record Verdict(SupplierMail.Part part, String fileName, String notTakenBecause) {
    public boolean taken() {
      return notTakenBecause == null;
    }
  }

  public static List<Verdict> judge(List<SupplierMail.Part> parts) {
    List<Verdict> out = new ArrayList<>();
    for (SupplierMail.Part p : parts) {
      out.add(judge(p));
    }
    return out;
  }

  static Verdict judge(SupplierMail.Part p) {
    String name = p.fileName() == null ? "" : p.fileName().trim();
    String type = p.contentType() == null ? "" : p.contentType().toLowerCase(Locale.ROOT);
    String fileName;
    if (IncomingKeys.isSpreadsheetName(name)) {
      fileName = name;
    } else if (!IncomingKeys.extensionOf(type).isEmpty()) {
      fileName = (name.isEmpty() ? "attachment" : name) + IncomingKeys.extensionOf(type);
    } else {
      return new Verdict(p, name, "not a spreadsheet (" + (name.isEmpty() ? "no name" : name) + ", " + type
          + "): only .csv, .xlsx and .xls are imported");
    }
    if (p.content().length == 0) {
      return new Verdict(p, fileName, "the attachment is empty (0 bytes)");
    }
    return new Verdict(p, fileName, null);
  }
}
