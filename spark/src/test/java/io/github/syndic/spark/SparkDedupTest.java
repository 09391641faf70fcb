package io.github.syndic.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.index.BatchDeduplicator;
import io.github.syndic.index.Clusters;
import io.github.syndic.index.Doc;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@link SparkDedup} against the library's {@link BatchDeduplicator} on the same documents. */
class SparkDedupTest {
  private static SparkSession spark;

  @BeforeAll
  static void start() {
    spark = SparkSessions.local();
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Dataset<Row> frame(List<Doc> docs, int partitions) {
    List<Row> rows = new ArrayList<>();
    for (Doc d : docs) {
      rows.add(RowFactory.create(d.id(), d.text(), d.source(),
          d.timestamp() == null ? null : d.timestamp().getEpochSecond(),
          d.timestamp() == null ? null : d.timestamp().getNano()));
    }
    return spark.createDataFrame(rows, SparkDedup.DOCS).repartition(partitions);
  }

  /** Asserts the clusters and every pair equal the library's, as {@code syndic dedup} writes them. */
  static void assertSame(List<Doc> docs, DedupSettings s, int partitions) throws Exception {
    assertSame(docs, s, partitions, new BatchDeduplicator(s.config()).run(docs));
  }

  static void assertSame(List<Doc> docs, DedupSettings s, int partitions, Clusters expected)
      throws Exception {
    SparkDedup.Result r = SparkDedup.run(spark, frame(docs, partitions), s);
    StringWriter w = new StringWriter();
    expected.writeTsv(w);
    StringBuilder got = new StringBuilder("doc_id\tcluster_id\n");
    for (Row x : r.clusters().collectAsList()) {
      got.append(x.getString(0)).append('\t').append(x.getString(1)).append('\n');
    }
    assertEquals(w.toString(), got.toString());
    StringBuilder want = new StringBuilder();
    for (Clusters.Link l : expected.links()) {
      want.append(l.a()).append(' ').append(l.b()).append(' ')
          .append(l.relation().name().toLowerCase(Locale.ROOT).replace('_', '-')).append(' ')
          .append(l.jaccard()).append(' ').append(l.containmentOfA()).append(' ')
          .append(l.containmentOfB()).append(' ').append(l.joined()).append('\n');
    }
    StringBuilder pairs = new StringBuilder();
    for (Row x : r.pairs().collectAsList()) {
      pairs.append(x.getString(0)).append(' ').append(x.getString(1)).append(' ')
          .append(x.getString(2)).append(' ').append(x.getDouble(3)).append(' ')
          .append(x.getDouble(4)).append(' ').append(x.getDouble(5)).append(' ')
          .append(x.getBoolean(6)).append('\n');
    }
    assertEquals(want.toString(), pairs.toString());
  }

  /**
   * Planted copies (exact, trimmed, reworded, wrapped in furniture), a round-up of two stories
   * with trimmed copies of each, copies 3 days apart that a 7-day window partly separates,
   * documents without time or source, an empty one: the clusters and every pair equal the
   * library's, under two partitionings, band groupings and flag sets.
   */
  @Test
  void sameClustersAndPairsAsTheLibraryWhateverThePartitioning() throws Exception {
    List<Doc> docs = new ArrayList<>(Corpus.generate(5, 400));
    Instant t0 = Instant.parse("2025-03-01T00:00:00Z");
    String a = docs.get(0).text();
    String b = docs.get(10).text();
    docs.add(new Doc("roundup", a + b, t0, "wire"));
    docs.add(new Doc("story-a", a, t0.plusSeconds(60), "x"));
    docs.add(new Doc("story-b", b, t0.plusSeconds(120), "y"));
    String c = docs.get(20).text();
    for (int i = 0; i < 5; i++) {
      docs.add(new Doc("late-" + i, c, t0.plus(Duration.ofDays(3L * i)), i % 2 == 0 ? "x" : "z"));
    }
    docs.add(new Doc("no-time-1", c, null, null));
    docs.add(new Doc("no-time-2", docs.get(30).text(), null, "x"));
    docs.add(new Doc("empty", "", t0, "x"));
    DedupSettings s = DedupSettings.defaults();
    Clusters expected = new BatchDeduplicator(s.config()).run(docs);
    // The feed exercises the rules (else the comparison could pass on nothing).
    assertTrue(expected.clusters().size() < docs.size() - 40, "the planted copies cluster");
    assertTrue(expected.links().stream().anyMatch(l -> l.b().equals("roundup") && !l.joined()),
        "a story inside the round-up is related to it but not clustered with it");
    assertTrue(expected.links().stream().anyMatch(l -> l.a().equals("late-1")
        && l.b().equals("late-0")), "copies 3 days apart are compared");
    assertTrue(expected.links().stream().noneMatch(l -> l.a().equals("late-4")
        && l.b().equals("late-0")), "the window keeps copies 12 days apart from being compared");
    assertSame(docs, s, 3, expected);
    assertSame(docs, s.toBuilder().preferredSources(List.of("z", "wire"))
        .window(Duration.ofDays(2)).threshold(0.75).bandGroups(4).build(), 1);
  }

  /**
   * A source with more distinct lines than the library counts exactly (past its limit it prunes
   * in order): learned in order in one task, with the library's templates.
   */
  @Test
  void largeSourceLearnsItsTemplateInTheBatchOrder() throws Exception {
    List<Doc> stories = Corpus.generate(3, 700);
    SplittableRandom rnd = new SplittableRandom(9);
    List<Doc> docs = new ArrayList<>();
    Instant t0 = Instant.parse("2025-05-01T00:00:00Z");
    for (Doc d : stories) {
      StringBuilder sb = new StringBuilder(d.text());
      for (int i = 0; i < 100; i++) { // short one-off lines: 70,000 distinct in one group
        sb.append("note ").append(rnd.nextLong()).append(" kw").append(rnd.nextInt(1000))
            .append('\n');
      }
      docs.add(new Doc(d.id(), sb.toString(), t0.plusSeconds(rnd.nextInt(86_400)), null));
    }
    // Cleaning off: the one-off lines would cost cleaning time and change nothing here.
    assertSame(docs, DedupSettings.builder().clean(false).build(), 2);
  }

  @Test
  void duplicateIdsAreRefused() {
    List<Doc> docs = List.of(Doc.of("a", "one text here"), Doc.of("a", "another text"));
    assertThrows(IllegalArgumentException.class,
        () -> SparkDedup.run(spark, frame(docs, 1), DedupSettings.defaults()));
  }
}
