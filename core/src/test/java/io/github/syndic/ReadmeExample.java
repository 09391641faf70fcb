package io.github.syndic;

import io.github.syndic.doc.Removal;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.index.Neighbor;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The Java example of the README, compiled and run by {@link ReadmeExampleTest}. */
final class ReadmeExample {
  private ReadmeExample() {}

  static List<String> run(String rawText) {
    List<String> log = new ArrayList<>();
    // README-EXAMPLE-START
    Cleaner cleaner = Cleaner.create(CleanerConfig.news()); // build once; thread-safe
    CleanResult r = cleaner.clean(rawText);
    String text = r.text(); // the kept lines, unchanged, in order
    for (Removal x : r.removals()) {
      log.add(x.block().line() + " " + x.kind().label() + " " + x.score()
          + (x.twin() == null ? "" : " twin=" + x.twin().line()) + " " + x.reason());
    }

    NearDuplicateIndex feed = NearDuplicateIndex.create(
        IndexConfig.builder().threshold(0.8).window(Duration.ofDays(3)).build()); // thread-safe
    Match m = feed.add("https://example.com/a", rawText, Instant.parse("2025-12-21T13:21:00Z"), "example.com");
    for (Neighbor n : m.neighbors()) {
      log.add(n.id() + " " + n.relation() + " " + n.jaccard()); // earlier copies of this story
    }
    String cluster = m.canonicalId(); // the cluster's canonical member
    // README-EXAMPLE-END
    log.add(0, text);
    log.add(cluster);
    return log;
  }
}
