package dev.storeops.local;

/**
 * A background loop that delivers events to one function (an SQS queue's or a stream's poller): a
 * virtual thread that runs while {@link #running}, and stops within a few seconds on close.
 */
abstract class DeliveryLoop implements AutoCloseable {
  protected volatile boolean running = true;
  private final java.util.List<Thread> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** Starts {@link #run()} on a virtual thread; call at the end of the subclass's constructor. */
  protected final void start(String name) {
    start(name, 1);
  }

  /** Starts {@code count} copies of {@link #run()}, each on its own virtual thread (pollers working side by side). */
  protected final void start(String name, int count) {
    for (int i = 0; i < count; i++) {
      threads.add(Thread.ofVirtual().name(count == 1 ? name : name + "-" + (i + 1)).start(this::run));
    }
  }

  protected abstract void run();

  protected static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    running = false;
    long until = System.nanoTime() + 3_000_000_000L;
    for (Thread thread : threads) {
      try {
        thread.join(Math.max(1, (until - System.nanoTime()) / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
