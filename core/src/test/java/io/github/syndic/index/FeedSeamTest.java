package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The public pieces a distributed batch is built from (preparation, banding, verifier, canonical
 * order) give what {@link BatchDeduplicator} gives, when put together outside it.
 */
class FeedSeamTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  /** A batch with copies, trimmed copies, a round-up of two stories and site furniture. */
  private static List<Doc> corpus() {
    List<Doc> docs = new ArrayList<>();
    Random r = new Random(5);
    String[] furniture = {"Home News Sport Weather", "Share on social media", "Most read today"};
    for (int s = 0; s < 12; s++) {
      String story = TestTexts.story(300 + s, 6, 35);
      String site = "site" + (s % 3);
      String chrome = String.join("\n", furniture) + "\n";
      docs.add(new Doc("s" + s + "-orig", chrome + story, T0.plusSeconds(60L * s), site));
      docs.add(new Doc("s" + s + "-edit", TestTexts.edit(story, s, 30) + chrome,
          T0.plusSeconds(60L * s + r.nextInt(50)), "site" + ((s + 1) % 3)));
      if (s % 2 == 0) {
        docs.add(new Doc("s" + s + "-trim", TestTexts.head(story, 0.7),
            T0.plusSeconds(60L * s + 55), null));
      }
    }
    String a = TestTexts.story(900, 5, 35);
    String b = TestTexts.story(901, 5, 35);
    docs.add(new Doc("a", a, T0.plusSeconds(5000), "x"));
    docs.add(new Doc("b", b, T0.plusSeconds(5001), "x"));
    docs.add(new Doc("roundup", a + b, T0.plusSeconds(5002), "y"));
    return docs;
  }

  @Test
  void piecesPutTogetherGiveTheBatchResult() {
    IndexConfig config = IndexConfig.defaults();
    List<Doc> docs = corpus();
    Clusters expected = new BatchDeduplicator(config).run(docs);

    List<Doc> sorted = new ArrayList<>(docs);
    sorted.sort(CanonicalOrder.INPUT_ORDER);
    DocumentPreparer prep = new DocumentPreparer(config);
    // Templates learned per source apart, then joined.
    Map<String, SourceTemplates> perSource = new HashMap<>();
    for (Doc d : sorted) {
      perSource.computeIfAbsent(String.valueOf(d.source()), s -> prep.newTemplates())
          .learn(d.source(), prep.lineFingerprints(d.text()));
    }
    SourceTemplates model = prep.newTemplates();
    perSource.values().forEach(model::addAll);
    Banding banding = Banding.of(config);
    Verifier verifier = new Verifier(config);
    List<PreparedDoc> p = new ArrayList<>();
    for (Doc d : sorted) {
      p.add(prep.prepare(d, model));
    }
    // Candidates by band key, verified with the later document as query.
    List<Clusters.Link> links = new ArrayList<>();
    Map<String, Verifier.Verdict> verdicts = new HashMap<>();
    for (int i = 0; i < p.size(); i++) {
      long[] ki = banding.bandKeys(p.get(i).signature());
      for (int j = 0; j < i; j++) {
        long[] kj = banding.bandKeys(p.get(j).signature());
        boolean shared = false;
        for (int b = 0; b < ki.length && kj.length > 0; b++) {
          shared |= ki[b] == kj[b] && banding.sameBand(p.get(i).signature(), p.get(j).signature(), b);
        }
        assertEquals(shared, banding.candidates(p.get(i).signature(), p.get(j).signature()));
        if (ki.length > 0 && kj.length > 0) { // the stored form (low 16 bits) decides alike
          assertEquals(shared, banding.candidates(Verifier.low16(p.get(i).signature()),
              Verifier.low16(p.get(j).signature())));
        }
        if (!shared) {
          continue;
        }
        Verifier.Verdict v = verifier.verify(p.get(i).signature(), p.get(j).signature());
        if (v != null) {
          verdicts.put(p.get(i).id() + " " + p.get(j).id(), v);
        }
      }
    }
    assertEquals(expected.links().size(), verdicts.size());
    boolean sawRoundUp = false;
    for (Clusters.Link l : expected.links()) {
      Verifier.Verdict v = verdicts.get(l.a() + " " + l.b());
      assertNotNull(v, "pair " + l);
      assertEquals(l.jaccard(), v.jaccard());
      assertEquals(l.containmentOfA(), v.containmentOfQuery());
      assertEquals(l.containmentOfB(), v.containmentOfIndexed());
      if (l.a().equals("roundup")) {
        // the round-up rule turned a trimmed copy into containment
        assertEquals(Relation.TRIMMED_COPY, v.relation());
        assertEquals(Relation.CONTAINS, l.relation());
        assertEquals(Verifier.asContainment(Verifier.queryIsLarger(
            p.get(indexOf(p, "roundup")).signature().setSize(),
            p.get(indexOf(p, l.b())).signature().setSize())), l.relation());
        sawRoundUp = true;
      } else {
        assertEquals(l.relation(), v.relation(), "pair " + l);
      }
    }
    assertTrue(sawRoundUp);
    // Canonical member: first in the canonical order of each cluster's members.
    CanonicalOrder order = CanonicalOrder.of(config);
    for (Clusters.Cluster c : expected.clusters()) {
      List<PreparedDoc> members = new ArrayList<>();
      for (String id : c.members()) {
        members.add(p.get(indexOf(p, id)));
      }
      members.sort(order.comparator());
      assertEquals(c.canonical(), members.get(0).id());
    }
    assertTrue(expected.clusters().size() < docs.size());
  }

  @Test
  void batchTemplatesEqualTemplatesLearnedTogether() {
    IndexConfig config = IndexConfig.defaults();
    List<Doc> sorted = new ArrayList<>(corpus());
    sorted.sort(CanonicalOrder.INPUT_ORDER);
    DocumentPreparer prep = new DocumentPreparer(config);
    SourceTemplates together = prep.learnTemplates(sorted);
    for (Doc d : sorted) {
      assertArrayEquals(
          new DocumentPreparer(config).prepare(d, together).signature().toBytes(),
          prep.prepare(d, together).signature().toBytes());
    }
    // furniture is learned: a document's furniture line is template for its site
    long fp = prep.lineFingerprints("Share on social media")[0];
    assertTrue(together.isTemplate("site0", fp));
    assertFalse(together.isTemplate("nowhere", fp));
  }

  @Test
  void verifierAgreesWithTheIndexNeighbor() {
    IndexConfig config = IndexConfig.defaults();
    NearDuplicateIndex ix = NearDuplicateIndex.create(config);
    DocumentPreparer prep = new DocumentPreparer(config);
    String story = TestTexts.story(77, 8, 30);
    PreparedDoc a = prep.prepare(new Doc("a", story, T0, null), null);
    PreparedDoc b = prep.prepare(new Doc("b", TestTexts.head(story, 0.6), T0, null), null);
    PreparedDoc c = prep.prepare(new Doc("c", TestTexts.story(78, 8, 30), T0, null), null);
    ix.add(a);
    Neighbor n = ix.add(b).neighbors().get(0);
    Verifier.Verdict v = new Verifier(config).verify(b.signature(), a.signature());
    assertEquals(n.relation(), v.relation());
    assertEquals(Relation.TRIMMED_COPY, v.relation());
    assertEquals(n.jaccard(), v.jaccard());
    assertNull(new Verifier(config).verify(c.signature(), a.signature()));
  }

  private static int indexOf(List<PreparedDoc> p, String id) {
    for (int i = 0; i < p.size(); i++) {
      if (p.get(i).id().equals(id)) {
        return i;
      }
    }
    throw new AssertionError(id);
  }
}
