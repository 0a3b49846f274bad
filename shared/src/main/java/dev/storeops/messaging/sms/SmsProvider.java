package dev.storeops.messaging.sms;

/**
 * Hands one SMS to a provider (Amazon SNS, SMS.ru, or local mode's recorder).
 */
public interface SmsProvider {
  /** Sends {@code text} to {@code phone} (+7…) from {@code sender}; returns the provider's message id. */
  String send(String phone, String text, String sender) throws SmsProviderException;
}
