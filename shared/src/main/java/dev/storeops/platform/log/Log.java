package dev.storeops.platform.log;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.storeops.platform.json.Json;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Structured logging: one JSON object per line on standard output, which Lambda ships to CloudWatch
 * as is. Fields are key/value pairs; never pass secrets or whole personal data (see {@link Pii}).
 */
public final class Log {
  private final String logger;

  private Log(String logger) {
    this.logger = logger;
  }

  public static Log get(Class<?> type) {
    return new Log(type.getSimpleName());
  }

  public void info(String message, Object... fields) {
    write("INFO", message, null, fields);
  }

  public void warn(String message, Object... fields) {
    write("WARN", message, null, fields);
  }

  public void error(String message, Throwable error, Object... fields) {
    write("ERROR", message, error, fields);
  }

  private void write(String level, String message, Throwable error, Object[] fields) {
    raw(line(level, message, error, fields));
  }

  /**
   * Writes one ready-made JSON line (an Embedded Metric Format record of {@code platform/metrics}) on
   * the same stream as the log lines. The stream is standard output as it is now (read at each write,
   * so local mode and tests can watch it).
   */
  public static void raw(String jsonLine) {
    PrintStream out = System.out;
    synchronized (out) {
      out.println(jsonLine);
    }
  }

  /** The JSON line of one entry. */
  String line(String level, String message, Throwable error, Object[] fields) {
    StringWriter out = new StringWriter(256);
    try (JsonGenerator json = Json.mapper().getFactory().createGenerator(out)) {
      json.writeStartObject();
      json.writeStringField("timestamp", Instant.now().toString());
      json.writeStringField("level", level);
      json.writeStringField("logger", logger);
      json.writeStringField("message", message);
      LambdaLogContext.Fields invocation = LambdaLogContext.current();
      if (invocation != null) {
        // a field the caller passes itself wins (no key twice in one object)
        if (invocation.requestId() != null && !named("requestId", fields)) {
          json.writeStringField("requestId", invocation.requestId());
        }
        if (invocation.functionName() != null && !named("function", fields)) {
          json.writeStringField("function", invocation.functionName());
        }
        if (!named("coldStart", fields)) {
          json.writeBooleanField("coldStart", invocation.coldStart());
        }
      }
      for (int i = 0; i + 1 < fields.length; i += 2) {
        json.writeFieldName(String.valueOf(fields[i]));
        Object value = fields[i + 1];
        if (value == null || value instanceof Number || value instanceof Boolean || value instanceof CharSequence) {
          json.writeObject(value);
        } else {
          json.writeString(String.valueOf(value));
        }
      }
      if (error != null) {
        json.writeStringField("errorType", error.getClass().getName());
        json.writeStringField("errorMessage", String.valueOf(error.getMessage()));
        StackTraceElement[] trace = error.getStackTrace();
        if (trace.length > 0) {
          json.writeStringField("errorAt", trace[0].toString());
        }
        json.writeStringField("stackTrace", stackTrace(error));
      }
      json.writeEndObject();
    } catch (IOException e) {
      out = new StringWriter();
      out.write("{\"level\":\"ERROR\",\"message\":\"log write failed\"}");
    }
    return out.toString();
  }

  private static boolean named(String key, Object[] fields) {
    for (int i = 0; i + 1 < fields.length; i += 2) {
      if (key.equals(String.valueOf(fields[i]))) {
        return true;
      }
    }
    return false;
  }

  /** The whole trace: every frame, every cause and suppressed exception (as {@code printStackTrace} prints it). */
  static String stackTrace(Throwable error) {
    StringWriter trace = new StringWriter(1024);
    error.printStackTrace(new java.io.PrintWriter(trace));
    return trace.toString();
  }
}
