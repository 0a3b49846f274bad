package dev.storeops.supplierfeeds.core;

import dev.storeops.catalog.suppliers.SupplierContact;
import dev.storeops.catalog.suppliers.SupplierDirectory;
import dev.storeops.catalog.suppliers.IntakeFiles;
import dev.storeops.catalog.suppliers.IncomingKeys;

import dev.storeops.platform.log.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Use case: every supplier whose profile has a {@code feed} gets its file fetched when due
 * ({@link FeedDuePolicy}) and stored under {@code incoming/<supplierId>/}, where the normal import takes
 * it. An unchanged file — HTTP 304 to the conditional request, or the same SHA-256 as the last stored
 * file — writes nothing. Each feed runs on its own: one that fails (bad URL or schedule, HTTP error,
 * timeout, over the size limit) is counted and logged, and the others go on.
 */
public final class FetchSupplierFeeds {
  private static final Log LOG = Log.get(FetchSupplierFeeds.class);
  public static final String STORED = "stored";
  public static final String UNCHANGED = "unchanged";
  public static final String FAILED = "failed";

  private final SupplierDirectory directory;
  private final FeedStates states;
  private final FeedClient client;
  private final IntakeFiles files;
  private final Clock clock;
  private final ZoneId zone;

  public FetchSupplierFeeds(SupplierDirectory directory, FeedStates states, FeedClient client, IntakeFiles files,
      Clock clock, ZoneId zone) {
    this.directory = directory;
    this.states = states;
    this.client = client;
    this.files = files;
    this.clock = clock;
    this.zone = zone;
  }

  /** One feed's outcome in a run. */
  public record FeedRun(String supplierId, String status, String key, String reason) {}

  /** The run: figures ({@code due}, {@code stored}, {@code unchanged}, {@code failed}) and each due feed's outcome. */
  public record Run(int feeds, List<FeedRun> runs) {
    public long count(String status) {
      return runs.stream().filter(r -> r.status().equals(status)).count();
    }

    public Map<String, Object> figures() {
      Map<String, Object> out = new LinkedHashMap<>();
      out.put("feeds", feeds);
      out.put("due", runs.size());
      out.put(STORED, count(STORED));
      out.put(UNCHANGED, count(UNCHANGED));
      out.put(FAILED, count(FAILED));
      out.put("runs", runs);
      return out;
    }
  }

  public Run run() {
    List<FeedRun> runs = new ArrayList<>();
    int feeds = 0;
    for (SupplierContact s : directory.all()) {
      if (s.feed() == null) {
        continue;
      }
      feeds++;
      Instant now = clock.instant();
      FeedState state = states.get(s.supplierId());
      boolean due;
      try {
        due = FeedDuePolicy.due(s.feed().schedule(), zone, state.lastAttemptAt(), now);
      } catch (IllegalArgumentException e) {
        runs.add(failed(s.supplierId(), "feed.schedule: " + e.getMessage()));
        continue;
      }
      if (!due) {
        continue;
      }
      if (!states.claim(s.supplierId(), state.lastAttemptAt(), now)) {
        continue; // another run has it
      }
      runs.add(fetch(s, state, now));
    }
    return new Run(feeds, runs);
  }

  private FeedRun fetch(SupplierContact s, FeedState state, Instant now) {
    String url = s.feed().url();
    if (url == null || url.isBlank()) {
      return failedAndSaved(s, state, now, "feed.url is required");
    }
    // a new URL starts afresh: the old validators and hash describe another file
    FeedState known = url.equals(state.url()) ? state : FeedState.none(s.supplierId());
    Path tmp;
    try {
      tmp = Files.createTempFile("feed-", ".bin");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      FeedClient.Response r = client.fetch(url, known.etag(), known.lastModified(), tmp);
      switch (r.status()) {
        case FeedClient.Response.NOT_MODIFIED -> {
          states.save(new FeedState(s.supplierId(), url, now, r.etag(), r.lastModified(), known.sha256(), UNCHANGED,
              known.lastKey()));
          return new FeedRun(s.supplierId(), UNCHANGED, null, "HTTP 304");
        }
        case FeedClient.Response.FETCHED -> {
          if (r.sha256().equals(known.sha256())) {
            states.save(new FeedState(s.supplierId(), url, now, r.etag(), r.lastModified(), r.sha256(), UNCHANGED,
                known.lastKey()));
            return new FeedRun(s.supplierId(), UNCHANGED, null, "same content as the last file");
          }
          if (r.bytes() == 0) {
            return failedAndSaved(s, known, now, "the feed answered with an empty file");
          }
          String key = IncomingKeys.feedFile(s.supplierId(), now, withExtension(r.fileName(), r.contentType()));
          files.put(key, r.file(), r.contentType());
          states.save(new FeedState(s.supplierId(), url, now, r.etag(), r.lastModified(), r.sha256(), STORED, key));
          LOG.info("supplier feed stored", "supplierId", s.supplierId(), "key", key, "bytes", r.bytes());
          return new FeedRun(s.supplierId(), STORED, key, null);
        }
        default -> {
          return failedAndSaved(s, known, now, r.reason());
        }
      }
    } finally {
      try {
        Files.deleteIfExists(tmp);
      } catch (IOException e) {
        LOG.warn("temporary feed file not deleted", "file", tmp.toString());
      }
    }
  }

  private FeedRun failedAndSaved(SupplierContact s, FeedState known, Instant now, String reason) {
    states.save(new FeedState(s.supplierId(), s.feed().url(), now, known.etag(), known.lastModified(), known.sha256(),
        FAILED, known.lastKey()));
    return failed(s.supplierId(), reason);
  }

  private static FeedRun failed(String supplierId, String reason) {
    LOG.warn("supplier feed failed", "supplierId", supplierId, "reason", reason);
    return new FeedRun(supplierId, FAILED, null, reason);
  }

  /** The file name with an extension the import knows, from the content type when the name has none. */
  static String withExtension(String name, String contentType) {
    String n = name == null || name.isBlank() ? "feed" : name;
    return IncomingKeys.isSpreadsheetName(n) ? n : n + IncomingKeys.extensionOf(contentType);
  }
}
