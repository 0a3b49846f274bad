package dev.storeops.stockimport.core;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Zip-bomb limits for XLSX files, checked before the workbook is opened: every entry is inflated
 * once and counted (declared sizes can lie), against a total, a per-entry and a ratio limit.
 */
public final class ZipGuard {
  public record Limits(int maxEntries, long maxTotalBytes, long maxSharedStringsBytes, long ratioCheckAbove,
      int maxRatio) {
  }

  /** 1 GiB inflated in all, 256 MiB of shared strings, at most 100:1 for entries above 50 MiB. */
  public static final Limits DEFAULT = new Limits(10_000, 1L << 30, 256L << 20, 50L << 20, 100);

  private ZipGuard() {}

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
        try (InputStream in = zip.getInputStream(entry)) {
          int n;
          while ((n = in.read(buffer)) > 0) {
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
