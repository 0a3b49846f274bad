package dev.storeops.stockimport.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Zip-bomb limits for XLSX files, checked before the workbook is opened: every entry is inflated
 * once and counted (declared sizes can lie), against a total, a per-entry and a ratio limit.
 *
 * <p>In the same pass, a part that declares a document type ({@code <!DOCTYPE}, in UTF-8 or UTF-16)
 * refuses the file: an XLSX never needs one, and a DTD is how an XML external entity ({@code <!ENTITY e
 * SYSTEM "file:///etc/passwd">}) or an entity-expansion bomb gets in. The XML reader (fastexcel on aalto)
 * has DTDs and external entities switched off as well; this check does not depend on it.
 */
public final class ZipGuard {
  public record Limits(int maxEntries, long maxTotalBytes, long maxSharedStringsBytes, long ratioCheckAbove,
      int maxRatio) {
  }

  /** 1 GiB inflated in all, 256 MiB of shared strings, at most 100:1 for entries above 50 MiB. */
  public static final Limits DEFAULT = new Limits(10_000, 1L << 30, 256L << 20, 50L << 20, 100);

  private ZipGuard() {}

  private static final List<byte[]> DOCTYPE = List.of(
      "<!DOCTYPE".getBytes(StandardCharsets.UTF_8),
      "<!DOCTYPE".getBytes(StandardCharsets.UTF_16LE),
      "<!DOCTYPE".getBytes(StandardCharsets.UTF_16BE));
  private static final int KEEP = DOCTYPE.stream().mapToInt(b -> b.length).max().orElseThrow() - 1;

  /**
   * Refuses the part if {@code <!DOCTYPE} occurs in {@code tail + buffer[0..n)}; returns the new tail
   * (the last bytes, so a declaration split across two reads is found too).
   */
  private static byte[] checkNoDoctype(String part, byte[] tail, byte[] buffer, int n) {
    byte[] window = new byte[tail.length + n];
    System.arraycopy(tail, 0, window, 0, tail.length);
    System.arraycopy(buffer, 0, window, tail.length, n);
    for (byte[] pattern : DOCTYPE) {
      if (indexOf(window, pattern) >= 0) {
        throw new BadInputException("XLSX part " + part + " declares a DOCTYPE (DTDs and external entities are"
            + " not allowed in a workbook)");
      }
    }
    int keep = Math.min(KEEP, window.length);
    return Arrays.copyOfRange(window, window.length - keep, window.length);
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  public static void check(Path file, Limits limits) {
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    try (ZipFile zip = new ZipFile(file.toFile())) {
      Enumeration<? extends ZipEntry> all = zip.entries();
      while (all.hasMoreElements()) {
        ZipEntry entry = all.nextElement();
        if (++entries > limits.maxEntries()) {
          throw new BadInputException("XLSX has more than " + limits.maxEntries() + " parts");
        }
        long compressed = Math.max(1, entry.getCompressedSize());
        long inflated = 0;
        byte[] tail = new byte[0];
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
            tail = checkNoDoctype(entry.getName(), tail, buffer, n);
            inflated += n;
            total += n;
            if (total > limits.maxTotalBytes()) {
              throw new BadInputException("XLSX expands to more than " + (limits.maxTotalBytes() >> 20)
                  + " MiB (zip bomb?)");
            }
            if (inflated > limits.ratioCheckAbove() && inflated / compressed > limits.maxRatio()) {
              throw new BadInputException("XLSX part " + entry.getName() + " expands more than "
                  + limits.maxRatio() + ":1 (zip bomb?)");
            }
            if (entry.getName().endsWith("sharedStrings.xml") && inflated > limits.maxSharedStringsBytes()) {
              throw new BadInputException("XLSX shared strings exceed " + (limits.maxSharedStringsBytes() >> 20)
                  + " MiB");
            }
          }
        }
      }
    } catch (ZipException e) {
      throw new BadInputException("not a readable XLSX (ZIP) file: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new BadInputException("not a readable XLSX (ZIP) file: " + e.getMessage(), e);
    }
    if (entries == 0) {
      throw new BadInputException("not a readable XLSX file: the ZIP is empty");
    }
  }
}
