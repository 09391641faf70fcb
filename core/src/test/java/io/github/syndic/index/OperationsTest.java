package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The index under real operations: re-runs, limits, odd times, settings, failed saves. */
class OperationsTest {
  private static final Instant T0 = Instant.parse("2025-05-01T08:00:00Z");
  private static final IndexConfig AT_T0 = IndexConfig.builder()
      .clock(Clock.fixed(T0.plus(Duration.ofDays(40)), ZoneOffset.UTC)).build();

  @TempDir Path dir;

  /**
   * Saved snapshots and template models get the permissions of any new file (the umask), as the
   * CLI's outputs do, not the owner-only mode of {@code Files.createTempFile}.
   */
  @Test
  void savedFilesGetTheUsualPermissionsOfANewFile() throws Exception {
    org.junit.jupiter.api.Assumptions.assumeTrue(
        dir.getFileSystem().supportedFileAttributeViews().contains("posix"), "POSIX permissions");
    var usual = Files.getPosixFilePermissions(Files.createFile(dir.resolve("plain.txt")));
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("a", TestTexts.story(1, 3, 30), T0, "site");
    ix.save(dir.resolve("index.syndic"));
    assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("index.syndic")));
    io.github.syndic.boilerplate.TemplateModel.builder().build().save(dir.resolve("m.tmpl"));
    assertEquals(usual, Files.getPosixFilePermissions(dir.resolve("m.tmpl")));
  }

  @Test
  void addIfAbsentReturnsTheIndexedDocumentsCluster() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    String story = TestTexts.story(11, 6, 40);
    Match a = ix.add("a", story, T0, "wire");
    Match b = ix.addIfAbsent(new Doc("b", TestTexts.edit(story, 3, 40), T0.plusSeconds(60), "x"));
    assertTrue(b.added());
    assertEquals(a.clusterId(), b.clusterId());
    Match again = ix.addIfAbsent(new Doc("b", "whatever text now", T0, "x"));
    assertFalse(again.added());
    assertEquals(b.clusterId(), again.clusterId());
    assertEquals("a", again.canonicalId());
    assertEquals(2, ix.size());
    assertEquals(again, ix.lookup("b"));
    assertNull(ix.lookup("nope"));
    assertThrows(IllegalArgumentException.class, () -> ix.add("b", story, T0, null));
  }

  @Test
  void overLongIdsAndSourcesAreRefusedAndTheIndexStaysSaveable() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("ok", TestTexts.story(1, 3, 30), T0, "site");
    String longId = "x".repeat(IndexLimits.MAX_ID_BYTES + 1);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ix.add(longId, "text", T0, null));
    assertTrue(e.getMessage().contains(String.valueOf(IndexLimits.MAX_ID_BYTES)));
    String longSource = "\u0645".repeat(IndexLimits.MAX_SOURCE_BYTES); // 2 bytes each
    assertThrows(IllegalArgumentException.class, () -> ix.add("s", "text", T0, longSource));
    ix.add("edge", "text", T0, "\u0645".repeat(IndexLimits.MAX_SOURCE_BYTES / 2));
    assertEquals(2, ix.size());
    Path f = dir.resolve("index.syndic");
    ix.save(f);
    assertEquals(List.of("edge", "ok"), NearDuplicateIndex.load(f, AT_T0).ids());
  }

  @Test
  void aFarFutureTimeIsRefusedInsteadOfEvictingEverything() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("a", TestTexts.story(1, 3, 30), T0, null);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ix.add("future", TestTexts.story(2, 3, 30), Instant.parse("2105-01-01T00:00:00Z"),
            null));
    assertTrue(e.getMessage().contains("2105-01-01T00:00:00Z"), e.getMessage());
    assertEquals(List.of("a"), ix.ids());
  }

  @Test
  void aTimeBefore1990IsRefusedInsteadOfBeingEvictedSilently() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("a", TestTexts.story(1, 3, 30), T0, null);
    // epoch seconds read as milliseconds: January 1970
    Instant misread = Instant.ofEpochMilli(T0.getEpochSecond());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ix.add("misread", TestTexts.story(2, 3, 30), misread, null));
    assertTrue(e.getMessage().contains(misread.toString())
        && e.getMessage().contains(IndexLimits.EARLIEST.toString()), e.getMessage());
    assertEquals(List.of("a"), ix.ids());
    ix.add("edge", TestTexts.story(3, 3, 30), IndexLimits.EARLIEST, null); // the limit itself
    // without a window, times decide nothing but the canonical order: none is refused
    NearDuplicateIndex noWindow = NearDuplicateIndex.create(AT_T0.toBuilder().window(null).build());
    noWindow.add("old", TestTexts.story(4, 3, 30), misread, null);
    assertEquals(List.of("old"), noWindow.ids());
  }

  @Test
  void timeArithmeticSaturates() {
    IndexConfig huge = AT_T0.toBuilder().window(Duration.ofDays(1_000_000_000_000L)).build();
    NearDuplicateIndex ix = NearDuplicateIndex.create(huge); // window beyond a long of ms
    ix.add("a", TestTexts.story(1, 3, 30), T0, null);
    ix.add("b", TestTexts.story(2, 3, 30), T0.plus(Duration.ofDays(30)), null);
    assertEquals(2, ix.size());
    // A time near Long.MIN_VALUE ms is refused; it must not disable eviction for good.
    NearDuplicateIndex week = NearDuplicateIndex.create(AT_T0);
    assertThrows(IllegalArgumentException.class, () -> week.add("ancient",
        TestTexts.story(3, 3, 30), Instant.ofEpochMilli(Long.MIN_VALUE + 5), null));
    week.add("t0", TestTexts.story(4, 3, 30), T0, null);
    week.add("t30", TestTexts.story(5, 3, 30), T0.plus(Duration.ofDays(30)), null);
    assertEquals(List.of("t30"), week.ids());
  }

  @Test
  void settingsThatShapeTheSnapshotMustMatchAndTheWindowMayBeReconfigured() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("a", TestTexts.story(1, 3, 30), T0, null);
    Path f = dir.resolve("index.syndic");
    ix.save(f);
    SnapshotException e = assertThrows(SnapshotException.class,
        () -> NearDuplicateIndex.load(f, AT_T0.toBuilder().threshold(0.9).build()));
    assertTrue(e.getMessage().contains("threshold=0.8") && e.getMessage().contains("threshold=0.9"),
        e.getMessage());
    e = assertThrows(SnapshotException.class,
        () -> NearDuplicateIndex.load(f, AT_T0.toBuilder().clean(false).build()));
    assertTrue(e.getMessage().contains("clean=true") && e.getMessage().contains("clean=false"));
    assertThrows(SnapshotException.class,
        () -> NearDuplicateIndex.load(f, AT_T0.toBuilder().sourceTemplates(false).build()));
    IndexConfig threeDays = AT_T0.toBuilder().window(Duration.ofDays(3)).build();
    e = assertThrows(SnapshotException.class, () -> NearDuplicateIndex.load(f, threeDays));
    assertTrue(e.getMessage().contains("window=PT168H") && e.getMessage().contains("PT72H"),
        e.getMessage());
    NearDuplicateIndex re = NearDuplicateIndex.loadReconfigured(f, threeDays);
    assertEquals(Duration.ofDays(3), re.config().window());
    assertEquals(List.of("a"), re.ids());
    NearDuplicateIndex kept = NearDuplicateIndex.loadWithStoredWindow(f, threeDays);
    assertEquals(AT_T0.window(), kept.config().window());
    assertEquals(List.of("a"), kept.ids());
    assertThrows(SnapshotException.class, () -> NearDuplicateIndex.loadWithStoredWindow(f,
        threeDays.toBuilder().threshold(0.9).build()), "only the window may differ");
  }

  @Test
  void failedSavesLeaveNoTemporaryFilesAndUnwritableDirectoriesAreFoundFirst() throws Exception {
    NearDuplicateIndex ix = NearDuplicateIndex.create(AT_T0);
    ix.add("a", TestTexts.story(1, 3, 30), T0, null);
    Path f = dir.resolve("index.syndic");
    assertThrows(UncheckedIOException.class, () -> ix.save(f, 100));
    try (Stream<Path> s = Files.list(dir)) {
      assertEquals(List.of(), s.toList());
    }
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> NearDuplicateIndex.checkWritable(file.resolve("index")));
    assertTrue(e.getMessage().contains("plain-file"), e.getMessage());
    NearDuplicateIndex.checkWritable(dir.resolve("new-index"));
    try (Stream<Path> s = Files.list(dir.resolve("new-index"))) {
      assertEquals(0, s.count(), "the probe is removed");
    }
  }
}
