package io.github.syndic.index;

import java.nio.file.Path;

/** A second process for {@link IndexLockTest}: takes the lock of {@code args[0]} and waits. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    IndexLock lock = IndexLock.tryAcquire(Path.of(args[0]));
    System.out.println("locked " + ProcessHandle.current().pid());
    System.out.flush();
    Thread.sleep(120_000); // killed by the test long before
    lock.close();
  }
}
