package dev.storeops.local;

/**
 * A background loop that delivers events to one function (an SQS queue's or a stream's poller): a
 * virtual thread that runs while {@link #running}, and stops within a few seconds on close.
 */
abstract class DeliveryLoop implements AutoCloseable {
  protected volatile boolean running = true;
  private Thread thread;

  /** Starts {@link #run()} on a virtual thread; call at the end of the subclass's constructor. */
  protected final void start(String name) {
    thread = Thread.ofVirtual().name(name).start(this::run);
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
    if (thread == null) {
      return;
    }
    try {
      thread.join(3000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
