package dev.storeops.messaging.sending;

import java.util.Map;

/** Hands a rendered mail to the mail service. */
public interface MailSender {
  /** A mail ready to go. */
  record OutgoingMail(String from, String to, RenderedMail content, Map<String, String> headers,
      String configurationSet) {}

  /** Sends; returns the service's message id or throws {@link SendFailedException}. */
  String send(OutgoingMail mail);

  /** The service refused or could not take the mail. */
  final class SendFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final SendFailurePolicy.Verdict verdict;
    private final String code;
    private final boolean maybeSent;

    public SendFailedException(String code, SendFailurePolicy.Verdict verdict, String message, Throwable cause) {
      this(code, verdict, false, message, cause);
    }

    /** {@code maybeSent}: the request went out and no answer came back (a read timeout): SES may have the mail. */
    public SendFailedException(String code, SendFailurePolicy.Verdict verdict, boolean maybeSent, String message,
        Throwable cause) {
      super(message, cause);
      this.code = code;
      this.verdict = verdict;
      this.maybeSent = maybeSent;
    }

    /** What the refusal means ({@link SendFailurePolicy}). */
    public SendFailurePolicy.Verdict verdict() {
      return verdict;
    }

    /** The mail may have been accepted although the call failed: sending it again could send it twice. */
    public boolean maybeSent() {
      return maybeSent;
    }

    /** The service asked us to slow down: the rest of the batch should wait too. */
    public boolean throttled() {
      return verdict == SendFailurePolicy.Verdict.THROTTLED;
    }

    /** The service will never take this mail: record it, do not retry. */
    public boolean rejected() {
      return verdict == SendFailurePolicy.Verdict.REJECTED;
    }

    public String code() {
      return code;
    }
  }
}
