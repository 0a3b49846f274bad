package dev.storeops.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortsTest {
  /** Binds {@code port} for real, as a server does: fails with the JDK's BindException when it is taken. */
  private static ServerSocket bind(int port) {
    try {
      ServerSocket socket = new ServerSocket();
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      return socket;
    } catch (IOException e) {
      throw new IllegalStateException("server did not start on port " + port, e);
    }
  }

  @Test
  void aPortTakenBetweenItsPickAndTheBindIsPickedAgain() throws IOException {
    List<Integer> tried = new ArrayList<>();
    try (ServerSocket thief = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      Ports.Started<ServerSocket> started = Ports.startOn(0, port -> {
        tried.add(port);
        // the first pick is taken by another socket meanwhile (the thief's port stands for it)
        return bind(tried.size() == 1 ? thief.getLocalPort() : port);
      });
      try (ServerSocket server = started.server()) {
        assertEquals(2, tried.size(), "tried again after the bind failure");
        assertEquals(server.getLocalPort(), started.port(), "the port the server listens on is the one returned");
        assertNotEquals(thief.getLocalPort(), started.port());
      }
    }
  }

  @Test
  void aFixedPortIsTriedOnceAndOtherFailuresAreNotRetried() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      List<Integer> tried = new ArrayList<>();
      assertThrows(IllegalStateException.class, () -> Ports.startOn(taken.getLocalPort(), port -> {
        tried.add(port);
        return bind(port);
      }));
      assertEquals(List.of(taken.getLocalPort()), tried, "a port the user asked for is not swapped for another");
    }
    int[] calls = {0};
    assertThrows(IllegalArgumentException.class, () -> Ports.startOn(0, port -> {
      calls[0]++;
      throw new IllegalArgumentException("bad configuration");
    }));
    assertEquals(1, calls[0], "only a taken port is tried again");
  }
}
