package io.github.syndic.internal;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Temporary files for atomic writes (a temporary file in the target's folder, then a rename over
 * the target). Unlike {@link Files#createTempFile}, which makes the file owner-only (0600), the
 * file gets the process's usual permissions (the umask), so a saved snapshot or model is as
 * readable as any other file the user writes, and as the CLI's outputs are. Stateless and
 * thread-safe.
 */
public final class TempFiles {
  private TempFiles() {}

  /**
   * Creates the empty file {@code dir/PREFIX<digits>.tmp} (a fresh random number until the name
   * is free) and returns it.
   */
  public static Path create(Path dir, String prefix) throws IOException {
    while (true) {
      long n = ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE;
      try {
        return Files.createFile(dir.resolve(prefix + n + ".tmp"));
      } catch (FileAlreadyExistsException e) {
        // another writer's file: draw again
      }
    }
  }
}
