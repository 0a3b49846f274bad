package dev.storeops.stack;

import java.util.List;
import java.util.Map;

/** A mail the SES emulator accepted, read back from its store. */
public record SentMail(String messageId, String from, List<String> to, String subject, String text,
    String html, Map<String, String> headers) {}
