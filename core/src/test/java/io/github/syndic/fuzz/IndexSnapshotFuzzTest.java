package io.github.syndic.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.SnapshotException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Fuzzes the index snapshot reader {@link NearDuplicateIndex#load(Path, IndexConfig)}: any file
 * either loads, and the loaded index answers ({@code size() >= 0}, {@code ids()} has that many
 * distinct ids, a query and an add work), or the reader throws {@link SnapshotException}; any
 * other exception or error (an {@link OutOfMemoryError} from a huge count, a hang) is a finding.
 *
 * <p>The checksum is checked after the body is parsed, so raw bytes reach every field; but a
 * loaded snapshot needs a valid CRC-32C, which raw bytes almost never have. So the first input
 * byte picks a mode: odd (a real snapshot starts with {@code 'S'}) = the bytes as they are; even
 * = the rest of the input with its last 4 bytes replaced by the CRC-32C of the bytes before them,
 * which lets the fuzzer build damaged bodies that pass the checksum and load.
 *
 * <p>The bytes go to one temporary file per JVM (rewritten for each input; in {@code /dev/shm}
 * when it exists), read with {@link
 * IndexConfig#defaults()}, the configuration of the seed snapshot in {@code
 * IndexSnapshotFuzzTestInputs/snapshotLoadsOrFails/}.
 */
class IndexSnapshotFuzzTest {
  private static final IndexConfig CONFIG = IndexConfig.defaults();
  private static final String PROBE =
      "The council approved the new budget for schools and roads on Tuesday evening.\n"
          + "Opposition members said the plan leaves rural districts behind.\n";
  /** After the seed's times, so adding it runs the time-window eviction over stored times. */
  private static final Instant PROBE_TIME = Instant.parse("2024-05-09T08:00:00Z");
  private static final String PROBE_ID = "fuzz-probe";
  private static final Path FILE = tempFile();

  private static Path tempFile() {
    try {
      // A RAM disk when there is one: writing to it is ~20x faster than to /tmp on ext4 here.
      Path shm = Path.of("/dev/shm");
      Path f = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempFile(shm, "syndic-snapshot-fuzz", ".snap")
          : Files.createTempFile("syndic-snapshot-fuzz", ".snap");
      f.toFile().deleteOnExit();
      return f;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void snapshotLoadsOrFails(byte[] data) throws IOException {
    byte[] bytes = data.length == 0 || (data[0] & 1) == 1 ? data : withChecksum(data);
    Files.write(FILE, bytes);
    NearDuplicateIndex ix;
    try {
      ix = NearDuplicateIndex.load(FILE, CONFIG);
    } catch (SnapshotException expected) {
      return;
    }
    int size = ix.size();
    List<String> ids = ix.ids();
    if (size < 0 || ids.size() != size || ids.stream().distinct().count() != size) {
      throw new AssertionError("loaded index of size " + size + " lists " + ids.size() + " ids");
    }
    for (String id : ids) {
      if (!ix.contains(id)) {
        throw new AssertionError("listed id not contained: " + id);
      }
      ix.clusterOf(id);
      ix.canonicalOf(id);
    }
    Match q = ix.query(PROBE_ID, PROBE, PROBE_TIME, null);
    if (q == null) {
      throw new AssertionError("query returned null");
    }
    if (ix.contains(PROBE_ID)) {
      return;
    }
    ix.add(PROBE_ID, PROBE, PROBE_TIME, "fuzz-source");
    if (ix.size() > size + 1 || !ix.contains(PROBE_ID)) {
      throw new AssertionError("add did not add: size " + size + " -> " + ix.size());
    }
  }

  /** The input after its first byte, its last 4 bytes set to the CRC-32C of the rest. */
  private static byte[] withChecksum(byte[] data) {
    byte[] out = Arrays.copyOfRange(data, 1, data.length);
    if (out.length >= 4) {
      CRC32C crc = new CRC32C();
      crc.update(out, 0, out.length - 4);
      ByteBuffer.wrap(out, out.length - 4, 4).putInt((int) crc.getValue());
    }
    return out;
  }
}
