package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.lsh.LshParams;
import io.github.syndic.shingle.ShingleSpec;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  @TempDir Path dir;

  private static NearDuplicateIndex sample(int stories) {
    NearDuplicateIndex ix =
        NearDuplicateIndex.create(IndexConfig.builder().preferredSources(List.of("wire")).build());
    for (int s = 0; s < stories; s++) {
      String story = TestTexts.story(500 + s, 4, 35);
      ix.add("s" + s + "-wire", story, T0.plusSeconds(s), "wire");
      ix.add("s" + s + "-paper", TestTexts.edit(story, s, 30), T0.plusSeconds(s), "paper");
    }
    ix.remove("s0-paper");
    return ix;
  }

  @Test
  void roundTripKeepsDocumentsClustersAndAnswers() throws Exception {
    NearDuplicateIndex ix = sample(20);
    Path f = dir.resolve("feed.snap");
    ix.save(f);
    NearDuplicateIndex back = NearDuplicateIndex.load(f, ix.config());
    assertEquals(ix.ids(), back.ids());
    assertEquals(ix.size(), back.size());
    for (String id : ix.ids()) {
      assertEquals(ix.clusterOf(id), back.clusterOf(id), id);
      assertEquals(ix.canonicalOf(id), back.canonicalOf(id), id);
    }
    String probe = TestTexts.edit(TestTexts.story(505, 4, 35), 99, 40);
    assertEquals(ix.query("p", probe, T0, null), back.query("p", probe, T0, null));
    // Both go on identically.
    String next = TestTexts.story(507, 4, 35);
    assertEquals(ix.add("n", next, T0, "x"), back.add("n", next, T0, "x"));
    // Saving again replaces the snapshot, and no temporary file is left.
    back.save(f);
    assertEquals(back.ids(), NearDuplicateIndex.load(f, ix.config()).ids());
    assertEquals(List.of(f), list(dir));
  }

  @Test
  void anotherSpecIsRefusedNamingBoth() {
    NearDuplicateIndex ix = sample(3);
    Path f = dir.resolve("feed.snap");
    ix.save(f);
    IndexConfig words =
        IndexConfig.builder().spec(IndexConfig.defaults().spec().withShingles(ShingleSpec.words(3))).build();
    var e = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(f, words));
    assertTrue(e.getMessage().contains("shingles=c5") && e.getMessage().contains("shingles=w3"),
        e.getMessage());
    IndexConfig seed = IndexConfig.builder().spec(IndexConfig.defaults().spec().withSeed(1)).build();
    assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(f, seed));
    IndexConfig bands = IndexConfig.builder().lsh(new LshParams(16, 8)).build();
    var e2 = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(f, bands));
    assertTrue(e2.getMessage().contains("bands=16"), e2.getMessage());
  }

  @Test
  void damagedOrTruncatedFileIsRefused() throws Exception {
    NearDuplicateIndex ix = sample(5);
    Path f = dir.resolve("feed.snap");
    ix.save(f);
    byte[] good = Files.readAllBytes(f);
    for (int pos : new int[] {good.length / 2, good.length - 5, 60}) {
      byte[] bad = good.clone();
      bad[pos] ^= 0x10;
      Path d = dir.resolve("flip" + pos);
      Files.write(d, bad);
      var e = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(d, ix.config()));
      assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("truncated"),
          e.getMessage());
    }
    Path t = dir.resolve("trunc");
    Files.write(t, java.util.Arrays.copyOf(good, good.length / 3));
    assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(t, ix.config()));
    Path junk = dir.resolve("junk");
    Files.writeString(junk, "not a snapshot at all");
    var e = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(junk, ix.config()));
    assertTrue(e.getMessage().contains("not a syndic index snapshot"), e.getMessage());
    assertThrows(UncheckedIOException.class,
        () -> NearDuplicateIndex.load(dir.resolve("missing"), ix.config()));
  }

  @Test
  void documentCountBeyondTheFileIsRefusedBeforeAllocating() throws Exception {
    NearDuplicateIndex ix = sample(2);
    Path f = dir.resolve("feed.snap");
    ix.save(f);
    byte[] good = Files.readAllBytes(f);
    // The count follows magic, version, the 5 spec bytes, k, seed, fingerprint, bands and rows,
    // then (version 2) the settings: 3 doubles, 4 bytes, the window.
    int countAt = 4 + 4 + 5 + 4 + 8 + 8 + 4 + 4 + 3 * 8 + 4 + 8;
    assertEquals(ix.size(), java.nio.ByteBuffer.wrap(good, countAt, 4).getInt());
    // 10^7 documents of k = 128 values once made the reader allocate ~2.5 GB (OutOfMemoryError).
    for (int count : new int[] {ix.size() + 1, 10_000_000, Integer.MAX_VALUE}) {
      byte[] bad = good.clone();
      java.nio.ByteBuffer.wrap(bad, countAt, 4).putInt(count);
      Path d = dir.resolve("count" + count);
      Files.write(d, bad);
      var e = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(d, ix.config()));
      assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("truncated"),
          e.getMessage());
      if (count > good.length) {
        assertTrue(e.getMessage().contains(count + " documents cannot fit"), e.getMessage());
      }
    }
  }

  @Test
  void writerKilledMidSaveLeavesPreviousSnapshotLoadable() throws Exception {
    NearDuplicateIndex first = sample(5);
    Path f = dir.resolve("feed.snap");
    first.save(f);
    byte[] before = Files.readAllBytes(f);
    NearDuplicateIndex bigger = sample(30);
    Path full = dir.resolve("full.snap");
    bigger.save(full);
    long n = Files.size(full);
    Files.delete(full);
    for (long cut : new long[] {0, 10, n / 2, n - 1}) {
      assertThrows(UncheckedIOException.class, () -> bigger.save(f, cut));
      assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(f)), "snapshot untouched");
      NearDuplicateIndex loaded = NearDuplicateIndex.load(f, first.config());
      assertEquals(first.ids(), loaded.ids());
    }
    // A failed save removes its temporary file: no litter (a full disk stays usable).
    assertEquals(List.of(f), list(dir));
    bigger.save(f);
    assertEquals(bigger.ids(), NearDuplicateIndex.load(f, first.config()).ids());
  }

  private static List<Path> list(Path d) throws Exception {
    try (Stream<Path> s = Files.list(d)) {
      return s.sorted().toList();
    }
  }
}
