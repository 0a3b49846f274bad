package dev.storeops.messaging;

import java.util.List;

/** Where producers put mail to be sent (the e-mail queue in AWS). */
public interface MailOutbox {
  void send(List<MailIntent> intents);

  default void send(MailIntent intent) {
    send(List.of(intent));
  }
}
