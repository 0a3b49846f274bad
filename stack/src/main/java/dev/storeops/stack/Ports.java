package dev.storeops.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.function.IntFunction;

/** Loopback ports. */
public final class Ports {
  private Ports() {}

  /** A port free on 127.0.0.1 right now. */
  public static int free() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code preferred} when it is above 0, else a free port. */
  public static int pick(int preferred) {
    return preferred > 0 ? preferred : free();
  }

  /** A server started by {@link #startOn}, and the port it listens on. */
  public record Started<T>(T server, int port) {}

  /**
   * Starts a server on {@code preferred}, or (when {@code preferred} is 0) on a free port, trying again on
   * another free port when the one picked was taken between its pick and the server's bind (an outgoing
   * connection's local port, or another server starting at the same time: the CI met it once, "Failed to
   * bind to /127.0.0.1:34271"). A fixed port is tried once.
   */
  public static <T> Started<T> startOn(int preferred, IntFunction<T> start) {
    int attempts = preferred > 0 ? 1 : 5;
    RuntimeException last = null;
    for (int i = 0; i < attempts; i++) {
      int port = pick(preferred);
      try {
        return new Started<>(start.apply(port), port);
      } catch (RuntimeException e) {
        if (!bindFailure(e)) {
          throw e;
        }
        last = e;
      }
    }
    throw last;
  }

  /** Whether {@code e} (or a cause) says the port was already taken. */
  static boolean bindFailure(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      String message = String.valueOf(t.getMessage());
      if (t instanceof java.net.BindException || message.contains("Failed to bind")
          || message.contains("Address already in use")) {
        return true;
      }
    }
    return false;
  }

  public static void awaitOpen(int port, Duration timeout, String what) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(25);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted waiting for " + what, ie);
        }
      }
    }
    throw new IllegalStateException(what + " did not open port " + port + " within " + timeout);
  }
}
