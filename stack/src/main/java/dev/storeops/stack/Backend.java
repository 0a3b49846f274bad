package dev.storeops.stack;

import java.util.List;

/** A running set of AWS service emulators. */
public interface Backend extends AutoCloseable {
  String name();

  Endpoints endpoints();

  /** Mail accepted by the SES emulator, oldest first. */
  List<SentMail> sentMail();

  /** Forgets the sent mail (not the rest of the state). */
  void clearSentMail();

  @Override
  void close();
}
