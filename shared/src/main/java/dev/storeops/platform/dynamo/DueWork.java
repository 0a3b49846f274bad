package dev.storeops.platform.dynamo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Keys of the sparse due-work index. An item that must be handled at a time carries {@code duePk =
 * DUE#<kind>#<yyyy-MM-dd>} (the UTC day of the due time) and {@code dueSk = <instant>#<id>}, where
 * the instant is always written with milliseconds so that its text order is its time order.
 */
public final class DueWork {
  private static final DateTimeFormatter INSTANT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private DueWork() {}

  public static String partition(String kind, LocalDate day) {
    return TableKeys.due(kind, day);
  }

  public static String partition(String kind, Instant at) {
    return partition(kind, day(at));
  }

  public static String sortKey(Instant at, String id) {
    return INSTANT.format(at) + "#" + id;
  }

  /** The greatest sort key due at {@code now}: every key of an item due at or before it sorts below. */
  public static String upTo(Instant now) {
    return INSTANT.format(now) + "#\uffff";
  }

  public static LocalDate day(Instant at) {
    return LocalDate.ofInstant(at, ZoneOffset.UTC);
  }

  /** The kind a due partition ({@code DUE#<kind>#<yyyy-MM-dd>}) belongs to. */
  public static String kindOf(String partition) {
    return partition.substring(partition.indexOf('#') + 1, partition.lastIndexOf('#'));
  }

  /** The instant part of a sort key. */
  public static Instant instantOf(String sortKey) {
    return Instant.parse(sortKey.substring(0, sortKey.indexOf('#')));
  }
}
