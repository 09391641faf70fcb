package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index directory lock across two real processes. */
class IndexLockTest {
  @Test
  void takingTheLockDeletesTheTemporarySnapshotsOfAKilledSaveAndNothingElse(@TempDir Path dir)
      throws Exception {
    Path killed = Files.writeString(dir.resolve("index.syndic.8446744073709551615.tmp"), "part");
    Path custom = Files.writeString(dir.resolve("feed.idx.42.tmp"), "part");
    Path hidden = Files.writeString(dir.resolve(".clusters.tsv.7.tmp"), "cli output");
    Path plain = Files.writeString(dir.resolve("notes.tmp"), "user file");
    Path snapshot = Files.writeString(dir.resolve("index.syndic"), "snapshot");
    try (IndexLock lock = IndexLock.tryAcquire(dir)) {
      assertFalse(Files.exists(killed));
      assertFalse(Files.exists(custom));
      assertTrue(Files.exists(hidden) && Files.exists(plain) && Files.exists(snapshot));
      Files.writeString(killed, "again");
      assertEquals(1, lock.removeTemporarySnapshots());
      lock.close();
      Files.writeString(killed, "after release");
      assertEquals(0, lock.removeTemporarySnapshots(), "only the holder may sweep");
    }
  }

  @Test
  void temporaryNamesAreThoseOfCreateTempFileWithTheSnapshotsPrefix() {
    assertTrue(IndexSnapshot.isTemporaryName("index.syndic.123.tmp"));
    assertTrue(IndexSnapshot.isTemporaryName("a.0.tmp"));
    assertFalse(IndexSnapshot.isTemporaryName(".index.syndic.123.tmp"));
    assertFalse(IndexSnapshot.isTemporaryName("index.syndic.tmp"));
    assertFalse(IndexSnapshot.isTemporaryName(".123.tmp"));
    assertFalse(IndexSnapshot.isTemporaryName("index.syndic.12a.tmp"));
    assertFalse(IndexSnapshot.isTemporaryName("index.syndic.\u0661\u0662.tmp"));
  }

  @Test
  void aSecondProcessIsRefusedWithTheHoldersPidAndSigkillReleasesTheLock(@TempDir Path dir)
      throws Exception {
    Process holder = new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp", System.getProperty("java.class.path"), LockHolder.class.getName(),
            dir.toString())
        .redirectErrorStream(true)
        .start();
    try {
      BufferedReader out = new BufferedReader(
          new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      String line = out.readLine();
      assertTrue(line != null && line.startsWith("locked "), "holder said: " + line);
      long pid = Long.parseLong(line.substring(7).trim());
      assertEquals(holder.pid(), pid);

      IndexLockedException e =
          assertThrows(IndexLockedException.class, () -> IndexLock.tryAcquire(dir));
      assertEquals(pid, e.pid());
      assertTrue(e.getMessage().contains("pid " + pid) && e.getMessage().contains("host "),
          e.getMessage());
      long t0 = System.nanoTime();
      assertThrows(IndexLockedException.class,
          () -> IndexLock.acquire(dir, Duration.ofMillis(300)));
      assertTrue(System.nanoTime() - t0 >= 250_000_000L, "acquire waited for its timeout");

      holder.destroyForcibly(); // SIGKILL: no chance to release anything
      assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
      try (IndexLock lock = IndexLock.acquire(dir, Duration.ofSeconds(10))) {
        assertEquals(dir, lock.directory());
        // within one JVM the lock is exclusive too
        assertThrows(IndexLockedException.class, () -> IndexLock.tryAcquire(dir));
      }
      IndexLock.tryAcquire(dir).close(); // released by close
    } finally {
      holder.destroyForcibly();
    }
  }
}
