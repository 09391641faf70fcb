package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.Cleaner;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.shingle.ShingleSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NearDuplicateIndexTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  private static Neighbor only(Match m) {
    assertEquals(1, m.neighbors().size(), "neighbors " + m.neighbors());
    return m.neighbors().get(0);
  }

  @Test
  void editedCopyIsDuplicateAndJoinsCluster() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    String a = TestTexts.story(1, 6, 40);
    Match first = ix.add("a", a, T0, "wire");
    assertTrue(first.neighbors().isEmpty());
    assertEquals("a", first.canonicalId());
    Match second = ix.add("b", TestTexts.edit(a, 2, 40), T0.plusSeconds(60), "paper");
    Neighbor n = only(second);
    assertEquals("a", n.id());
    assertEquals(Relation.DUPLICATE, n.relation());
    assertTrue(n.jaccard() > 0.6, "jaccard " + n.jaccard());
    assertEquals(first.clusterId(), second.clusterId());
    assertEquals("a", second.canonicalId());
    assertEquals(2, ix.size());
  }

  @Test
  void unrelatedStoriesAreNotNeighbors() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    for (int i = 0; i < 50; i++) {
      Match m = ix.add("s" + i, TestTexts.story(100 + i, 5, 40), T0.plusSeconds(i), null);
      assertTrue(m.neighbors().isEmpty(), "story " + i + " " + m.neighbors());
    }
  }

  @Test
  void trimmedCopyLinksButItemInsideRoundUpIsContained() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    String wire = TestTexts.story(3, 8, 30);
    ix.add("wire", wire, T0, "agency");
    Match trimmed = ix.add("trim", TestTexts.head(wire, 0.75), T0.plusSeconds(10), "paper");
    assertEquals(Relation.TRIMMED_COPY, only(trimmed).relation());
    assertTrue(only(trimmed).containmentOfQuery() > 0.9);
    assertEquals(ix.clusterOf("wire"), trimmed.clusterId());

    String item = TestTexts.story(4, 2, 30);
    ix.add("item", item, T0.plusSeconds(20), "agency");
    String roundUp = TestTexts.story(5, 2, 30) + item + TestTexts.story(6, 1, 30);
    Match r = ix.add("roundup", roundUp, T0.plusSeconds(30), "paper");
    Neighbor n = only(r);
    assertEquals("item", n.id());
    assertEquals(Relation.CONTAINS, n.relation());
    assertTrue(n.containmentOfIndexed() > 0.85, "item inside round-up " + n);
    assertTrue(n.containmentOfQuery() < 0.5);
    assertNotEquals(ix.clusterOf("item"), r.clusterId(), "contained is not clustered by default");

    Match q = ix.query("item2", item, T0, null);
    assertEquals(Relation.CONTAINED, q.neighbors().stream().filter(x -> x.id().equals("roundup"))
        .findFirst().orElseThrow().relation());
  }

  @Test
  void allPolicyClustersContainment() {
    NearDuplicateIndex ix =
        NearDuplicateIndex.create(IndexConfig.builder().policy(ClusterPolicy.ALL).build());
    String item = TestTexts.story(4, 2, 30);
    ix.add("item", item, T0, null);
    Match r = ix.add("roundup", TestTexts.story(5, 3, 30) + item, T0, null);
    assertEquals(ix.clusterOf("item"), r.clusterId());
  }

  @Test
  void roundUpOfTwoStoriesDoesNotChainTheirClusters() {
    String a = TestTexts.story(7, 3, 30);
    String b = TestTexts.story(8, 3, 30);
    String both = a + b;
    List<Doc> docs = new ArrayList<>();
    docs.add(new Doc("a1", a, T0, "x"));
    docs.add(new Doc("a2", TestTexts.edit(a, 1, 50), T0, "y"));
    docs.add(new Doc("b1", b, T0, "x"));
    docs.add(new Doc("b2", TestTexts.edit(b, 2, 50), T0, "y"));
    docs.add(new Doc("ab", both, T0, "z"));
    Clusters c = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertEquals(c.clusterOf("a1"), c.clusterOf("a2"));
    assertEquals(c.clusterOf("b1"), c.clusterOf("b2"));
    assertNotEquals(c.clusterOf("a1"), c.clusterOf("b1"));

    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    for (Doc d : docs) {
      ix.add(d);
    }
    assertNotEquals(ix.clusterOf("a1"), ix.clusterOf("b1"));
  }

  /**
   * One story and two copies trimmed differently (its first and its last three quarters): the
   * two trimmed copies share half the story, so the story is no round-up and all three are one
   * cluster, in the batch and in the index.
   */
  @Test
  void copiesTrimmedAtEitherEndAreOneStoryNotARoundUp() {
    String story = TestTexts.story(12, 8, 30);
    List<Doc> docs = List.of(new Doc("full", story, T0, "wire"),
        new Doc("top", TestTexts.head(story, 0.75), T0.plusSeconds(10), "x"),
        new Doc("bottom", TestTexts.tail(story, 0.75), T0.plusSeconds(20), "y"));
    Clusters c = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertEquals(c.clusterOf("full"), c.clusterOf("top"));
    assertEquals(c.clusterOf("full"), c.clusterOf("bottom"));
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    for (Doc d : docs) {
      ix.add(d);
    }
    assertEquals(ix.clusterOf("full"), ix.clusterOf("top"));
    assertEquals(ix.clusterOf("full"), ix.clusterOf("bottom"));
  }

  @Test
  void queryDoesNotAddAndRemoveForgets() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    String a = TestTexts.story(9, 5, 40);
    ix.add("a", a, T0, null);
    Match q = ix.query("q", TestTexts.edit(a, 3, 30), T0, null);
    assertFalse(q.added());
    assertEquals("a", only(q).id());
    assertEquals(1, ix.size());
    assertFalse(ix.contains("q"));
    assertTrue(ix.remove("a"));
    assertFalse(ix.remove("a"));
    assertEquals(0, ix.size());
    assertTrue(ix.query("q", a, T0, null).neighbors().isEmpty());
    ix.add("a", a, T0, null); // the id can be used again
    assertEquals(1, ix.size());
  }

  @Test
  void duplicateIdAndForeignSpecAreRejected() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    ix.add("a", "some text here", T0, null);
    var e = assertThrows(IllegalArgumentException.class, () -> ix.add("a", "other", T0, null));
    assertTrue(e.getMessage().contains("'a'"));
    MinHashSpec words = IndexConfig.defaults().spec().withShingles(ShingleSpec.words(3));
    var sig = words.hasher().sign("some text here and more");
    var e2 =
        assertThrows(IllegalArgumentException.class,
            () -> ix.add(PreparedDoc.of("b", sig, 10, T0, null)));
    assertTrue(e2.getMessage().contains("w3"), e2.getMessage());
  }

  @Test
  void canonicalIsEarliestThenPreferredSourceThenLongest() {
    IndexConfig cfg = IndexConfig.builder().preferredSources(List.of("agency", "bigpaper")).build();
    String a = TestTexts.story(11, 6, 40);
    // Earliest wins even over the preferred source.
    NearDuplicateIndex ix = NearDuplicateIndex.create(cfg);
    ix.add("late-agency", a, T0.plusSeconds(100), "agency");
    Match m = ix.add("early-paper", TestTexts.edit(a, 5, 60), T0, "smallpaper");
    assertEquals("early-paper", m.canonicalId());
    // Same time: the preferred source wins, whatever the order of arrival.
    ix = NearDuplicateIndex.create(cfg);
    ix.add("p", TestTexts.edit(a, 6, 60), T0, "smallpaper");
    ix.add("b", TestTexts.edit(a, 7, 60), T0, "bigpaper");
    m = ix.add("w", a, T0, "agency");
    assertEquals("w", m.canonicalId());
    assertEquals("w", ix.canonicalOf("p"));
    // Same time, no preference: the longest.
    ix = NearDuplicateIndex.create(IndexConfig.defaults());
    ix.add("short", TestTexts.head(a, 5.0 / 6), null, null);
    m = ix.add("long", a, null, null);
    assertEquals("long", m.canonicalId());
  }

  @Test
  void windowEvictsOldDocumentsAndUnknownTimesStay() {
    IndexConfig cfg = IndexConfig.builder().window(Duration.ofDays(2)).build();
    NearDuplicateIndex ix = NearDuplicateIndex.create(cfg);
    String a = TestTexts.story(12, 5, 40);
    ix.add("old", a, T0, null);
    ix.add("timeless", TestTexts.story(13, 5, 40), null, null);
    ix.add("recent", TestTexts.story(14, 5, 40), T0.plus(Duration.ofDays(1)), null);
    assertEquals(3, ix.size());
    Match m = ix.add("copy", a, T0.plus(Duration.ofDays(3)), null);
    assertTrue(m.neighbors().isEmpty(), "the old copy was evicted: " + m.neighbors());
    assertFalse(ix.contains("old"));
    assertTrue(ix.contains("timeless"));
    assertTrue(ix.contains("recent"));
    assertEquals(1, ix.evictOlderThan(T0.plus(Duration.ofDays(2))));
    assertEquals(List.of("copy", "timeless"), ix.ids());
  }

  @Test
  void emptyDocumentsMatchNothing() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    ix.add("e1", "", T0, null);
    Match m = ix.add("e2", "  ...  ", T0, null);
    assertTrue(m.neighbors().isEmpty());
    assertEquals(2, ix.size());
  }

  @Test
  void preparedCleanResultIsSignedAsIs() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    String a = TestTexts.story(15, 5, 40);
    ix.add("a", Cleaner.news().clean(a), T0, null);
    assertEquals("a", only(ix.query("b", a, T0, null)).id());
  }

  @Test
  void batchClustersDoNotDependOnInputOrder() {
    List<Doc> docs = new ArrayList<>();
    for (int s = 0; s < 30; s++) {
      String story = TestTexts.story(200 + s, 4, 35);
      for (int c = 0; c < 1 + s % 4; c++) {
        String text = c == 0 ? story : TestTexts.edit(story, s * 10 + c, 25);
        if (c == 3) {
          text = TestTexts.head(text, 0.75);
        }
        docs.add(new Doc("d" + s + "_" + c, text, T0.plusSeconds(s * 7 + c), "site" + c));
      }
    }
    Clusters ref = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertEquals(30, ref.clusters().size(), "one cluster per story");
    Random r = new Random(42);
    for (int i = 0; i < 3; i++) {
      List<Doc> shuffled = new ArrayList<>(docs);
      Collections.shuffle(shuffled, r);
      assertEquals(ref, NearDuplicateIndex.cluster(shuffled, IndexConfig.defaults()));
    }
  }

  @Test
  void memoryPerDocumentIsReported() {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    var hasher = ix.config().spec().hasher();
    for (int i = 0; i < 2000; i++) {
      ix.add(PreparedDoc.of("doc-" + i, hasher.sign(TestTexts.story(i, 1, 30)), 200, null, null));
    }
    long perDoc = ix.memoryBytes() / ix.size();
    assertTrue(perDoc > 256 && perDoc < 2000, "bytes per document " + perDoc);
  }
}
