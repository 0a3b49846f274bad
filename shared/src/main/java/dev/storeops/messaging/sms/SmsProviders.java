package dev.storeops.messaging.sms;

import java.util.Locale;

/** The providers a shop can choose with the template parameter {@code SmsProvider}. */
public enum SmsProviders {
  /** Amazon SNS {@code Publish} to a phone number. */
  SNS,
  /** SMS.ru's HTTP API. */
  SMSRU,
  /** Local mode: SMS recorded and shown at {@code GET /_local/sms}. */
  LOCAL,
  /** No SMS at all: every intent is skipped by the sender. */
  NONE;

  public static SmsProviders parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
