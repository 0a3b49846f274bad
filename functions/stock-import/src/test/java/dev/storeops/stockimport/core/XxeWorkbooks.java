package dev.storeops.stockimport.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * Hostile workbooks: a real XLSX (fastexcel writer) whose {@code xl/sharedStrings.xml} is rewritten to
 * declare an external entity ({@code <!DOCTYPE sst [<!ENTITY e SYSTEM "file:///etc/passwd">]>}) and use it
 * as the text of a cell.
 */
public final class XxeWorkbooks {
  public static final String MARK = "XXE-HERE";

  private XxeWorkbooks() {}

  /** Header "Артикул | Остаток", a row whose SKU cell is the entity, a plain row {@code <sku> | 7}. */
  public static byte[] sharedStringsWithExternalEntity(String plainSku, String encoding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Workbook wb = new Workbook(out, "test", "1.0");
    Worksheet ws = wb.newWorksheet("Остатки");
    ws.value(0, 0, "Артикул");
    ws.value(0, 1, "Остаток");
    ws.value(1, 0, MARK);
    ws.value(1, 1, 5);
    ws.value(2, 0, plainSku);
    ws.value(2, 1, 7);
    wb.finish();
    return rewrite(out.toByteArray(), "xl/sharedStrings.xml", xml -> {
      int afterDeclaration = xml.startsWith("<?xml") ? xml.indexOf("?>") + 2 : 0;
      return xml.substring(0, afterDeclaration) + "<!DOCTYPE sst [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
          + xml.substring(afterDeclaration).replace(MARK, "&e;");
    }, encoding);
  }

  interface Edit {
    String apply(String xml);
  }

  static byte[] rewrite(byte[] xlsx, String part, Edit edit, String encoding) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    boolean found = false;
    // through the central directory (ZipFile): the writer's local headers carry no sizes
    Path copy = Files.createTempFile("xlsx-", ".zip");
    Files.write(copy, xlsx);
    try (ZipFile in = new ZipFile(copy.toFile()); ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e : java.util.Collections.list(in.entries())) {
        byte[] body;
        try (var entry = in.getInputStream(e)) {
          body = entry.readAllBytes();
        }
        if (e.getName().equals(part)) {
          found = true;
          String xml = edit.apply(new String(body, StandardCharsets.UTF_8));
          if (!encoding.equals("UTF-8")) {
            xml = xml.replaceFirst("encoding=\"[^\"]*\"", "encoding=\"" + encoding + "\"");
          }
          body = xml.getBytes(encoding.equals("UTF-16") ? StandardCharsets.UTF_16 : StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(body);
        zip.closeEntry();
      }
    } finally {
      Files.deleteIfExists(copy);
    }
    if (!found) {
      throw new IllegalStateException("the workbook has no " + part);
    }
    return out.toByteArray();
  }
}
