package dev.storeops.supplierinbox.core;

import dev.storeops.catalog.suppliers.SupplierDirectory;
import dev.storeops.catalog.suppliers.IntakeFiles;
import dev.storeops.catalog.suppliers.IncomingKeys;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.storeops.platform.errors.Busy;
import dev.storeops.platform.json.Json;
import dev.storeops.platform.log.Log;
import dev.storeops.platform.log.Pii;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Use case: a supplier's e-mail, stored raw by SES under {@code inbox/}, becomes files under {@code
 * incoming/<supplierId>/} (one per spreadsheet attachment), where the normal import takes them; the raw
 * message moves to {@code processed/inbox/}. A mail that is not readable, not trusted
 * ({@link SenderAuthenticity}), from an unknown sender ({@link SupplierBySender}) or without a usable
 * attachment ({@link SpreadsheetAttachments}) moves to {@code quarantine/inbox/} with a JSON report beside
 * it, and nothing is imported. Once per message (by Message-ID, else by its inbox key), so a repeated
 * event or the same message received twice writes the same keys once.
 */
public final class ReceiveSupplierMail {
  private static final Log LOG = Log.get(ReceiveSupplierMail.class);
  public static final String DELIVERED = "delivered";
  public static final String QUARANTINED = "quarantined";
  public static final String DUPLICATE = "duplicate";
  /** The object SES writes under the action's prefix when a receipt rule with an S3 action is created. */
  static final String SES_SETUP_NOTIFICATION = "AMAZON_SES_SETUP_NOTIFICATION";

  private final IntakeFiles files;
  private final SupplierDirectory directory;
  private final MailLedger ledger;
  private final Clock clock;

  public ReceiveSupplierMail(IntakeFiles files, SupplierDirectory directory, MailLedger ledger, Clock clock) {
    this.files = files;
    this.directory = directory;
    this.ledger = ledger;
    this.clock = clock;
  }

  /** What became of one message. */
  public record Outcome(String inboxKey, String status, String supplierId, List<String> files, String reason,
      String movedTo) {}

  /** Handles the raw message at {@code inboxKey}; empty when it is gone (handled by an earlier delivery). */
  public Optional<Outcome> receive(String inboxKey) {
    if (inboxKey.endsWith(SES_SETUP_NOTIFICATION)) {
      // SES writes this object once when the receipt rule is created, to check it may write: not a mail
      files.move(inboxKey, IncomingKeys.PROCESSED_INBOX + IncomingKeys.inboxName(inboxKey));
      LOG.info("SES set-up notification put aside", "key", inboxKey);
      return Optional.empty();
    }
    Optional<byte[]> raw = files.read(inboxKey);
    if (raw.isEmpty()) {
      LOG.info("inbox message already handled (gone)", "key", inboxKey);
      return Optional.empty();
    }
    Instant now = clock.instant();
    SupplierMail mail;
    try {
      mail = SupplierMail.parse(new ByteArrayInputStream(raw.get()));
    } catch (BadMailException e) {
      return Optional.of(quarantine(inboxKey, inboxKey, null, null, e.getMessage(), List.of(), now, false));
    }
    String mailId = mail.messageId() != null && !mail.messageId().isBlank() ? mail.messageId().trim() : inboxKey;
    MailLedger.Claim claim = ledger.claim(mailId, inboxKey, now);
    if (claim == MailLedger.Claim.BUSY) {
      throw new Busy("message " + mailId + " is being handled by another delivery; retry later");
    }
    if (claim == MailLedger.Claim.DONE) {
      String to = IncomingKeys.PROCESSED_INBOX + IncomingKeys.inboxName(inboxKey);
      files.move(inboxKey, to);
      LOG.info("inbox message handled before (same Message-ID)", "key", inboxKey);
      return Optional.of(new Outcome(inboxKey, DUPLICATE, null, List.of(), "handled before", to));
    }
    try {
      return Optional.of(deliver(inboxKey, mailId, mail, now));
    } catch (RuntimeException e) {
      ledger.release(mailId);
      throw e;
    }
  }

  private Outcome deliver(String inboxKey, String mailId, SupplierMail mail, Instant now) {
    List<SpreadsheetAttachments.Verdict> verdicts = SpreadsheetAttachments.judge(mail.parts());
    Optional<String> distrust = SenderAuthenticity.distrust(mail);
    if (distrust.isPresent()) {
      return quarantine(inboxKey, mailId, mail, null, distrust.get(), verdicts, now, true);
    }
    SupplierBySender.Match match = SupplierBySender.find(mail.from(), directory.all());
    if (match.supplierId().isEmpty()) {
      return quarantine(inboxKey, mailId, mail, null, match.reason(), verdicts, now, true);
    }
    String supplierId = match.supplierId().get();
    List<SpreadsheetAttachments.Verdict> taken = verdicts.stream().filter(SpreadsheetAttachments.Verdict::taken).toList();
    if (taken.isEmpty()) {
      return quarantine(inboxKey, mailId, mail, supplierId, verdicts.isEmpty() ? "the mail has no attachment"
          : "no attachment is a spreadsheet (.csv, .xlsx, .xls)", verdicts, now, true);
    }
    List<String> keys = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (SpreadsheetAttachments.Verdict v : taken) {
      int n = seen.merge(IncomingKeys.safeName(v.fileName()), 1, Integer::sum);
      String key = IncomingKeys.mailFile(supplierId, mailId, v.fileName(), n);
      files.put(key, v.part().content(), v.part().contentType().isEmpty() ? "application/octet-stream"
          : v.part().contentType());
      keys.add(key);
    }
    String to = IncomingKeys.PROCESSED_INBOX + IncomingKeys.inboxName(inboxKey);
    ledger.finish(mailId, DELIVERED, keys, now);
    files.move(inboxKey, to);
    LOG.info("supplier mail delivered", "supplierId", supplierId, "files", keys.size(), "key", inboxKey);
    return new Outcome(inboxKey, DELIVERED, supplierId, keys, null, to);
  }

  private Outcome quarantine(String inboxKey, String mailId, SupplierMail mail, String supplierId, String reason,
      List<SpreadsheetAttachments.Verdict> verdicts, Instant now, boolean claimed) {
    String to = IncomingKeys.QUARANTINE_INBOX + IncomingKeys.inboxName(inboxKey);
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("status", QUARANTINED);
    report.put("reason", reason);
    report.put("inboxKey", inboxKey);
    report.put("quarantinedAt", now.toString());
    if (mail != null) {
      report.put("from", mail.from());
      report.put("messageId", mail.messageId());
      report.put("subject", mail.subject());
    }
    if (supplierId != null) {
      report.put("supplierId", supplierId);
    }
    List<Map<String, Object>> attachments = new ArrayList<>();
    for (SpreadsheetAttachments.Verdict v : verdicts) {
      Map<String, Object> a = new LinkedHashMap<>();
      a.put("fileName", v.part().fileName());
      a.put("contentType", v.part().contentType());
      a.put("bytes", v.part().content().length);
      a.put("usable", v.taken());
      if (!v.taken()) {
        a.put("why", v.notTakenBecause());
      }
      attachments.add(a);
    }
    report.put("attachments", attachments);
    report.put("movedTo", to);
    report.put("imported", List.of());
    try {
      files.put(to + ".json", Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsBytes(report),
          "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    if (claimed) {
      ledger.finish(mailId, QUARANTINED, List.of(), now);
    }
    files.move(inboxKey, to);
    LOG.warn("supplier mail quarantined", "reason", Pii.mask(reason), "key", inboxKey);
    return new Outcome(inboxKey, QUARANTINED, supplierId, List.of(), reason, to);
  }
}
