package dev.storeops.messaging.sms;

import java.util.List;

/** Where producers put SMS to be sent (the SMS queue in AWS). */
public interface SmsOutbox {
  /** An outbox that sends nothing (producers wired without an SMS queue, tests of other things). */
  SmsOutbox NONE = intents -> { };

  void send(List<SmsIntent> intents);

  default void send(SmsIntent intent) {
    send(List.of(intent));
  }
}
