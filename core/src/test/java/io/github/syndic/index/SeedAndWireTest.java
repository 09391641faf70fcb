package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class SeedAndWireTest {
  @Test
  void theTwoSeedArticlesAreDifferentStories() throws IOException {
    Path seeds = LineLabels.testdata().resolve("seeds");
    List<Doc> docs = new ArrayList<>();
    try (Stream<Path> s = Files.list(seeds)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        docs.add(Doc.of(p.getFileName().toString(), Files.readString(p, StandardCharsets.UTF_8)));
      }
    }
    assertEquals(2, docs.size());
    Clusters c = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertEquals(2, c.clusters().size());
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    ix.add(docs.get(0));
    Match m = ix.add(docs.get(1));
    assertNotEquals(ix.clusterOf(docs.get(0).id()), m.clusterId());
  }

  /** Files named {@code <story>__<source>__<doc>.txt}; no timestamps (a directory has none). */
  @Test
  void wireCopiesGiveOneClusterPerStoryWithTheAgencyCanonical() throws IOException {
    Path e = LineLabels.sharedEval();
    Path dir = e == null ? null : e.resolve("arabic").resolve("saudinewsnet_spa_wire_copies");
    if (dir == null || !Files.isDirectory(dir)) {
      System.out.println("SKIP wire copies: ../shared/eval/arabic/saudinewsnet_spa_wire_copies absent");
    }
    Assumptions.assumeTrue(dir != null && Files.isDirectory(dir), "eval set absent");
    List<Doc> docs = new ArrayList<>();
    Map<String, List<String>> byStory = new TreeMap<>();
    Map<String, String> agencyCopy = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt")).sorted().toList()) {
        String name = p.getFileName().toString();
        String[] parts = name.split("__");
        docs.add(new Doc(name, Files.readString(p, StandardCharsets.UTF_8), null, parts[1]));
        byStory.computeIfAbsent(parts[0], k -> new ArrayList<>()).add(name);
        if (parts[1].equals("was")) {
          agencyCopy.put(parts[0], name);
        }
      }
    }
    IndexConfig cfg = IndexConfig.builder().preferredSources(List.of("was")).build();
    Clusters c = NearDuplicateIndex.cluster(docs, cfg);
    assertEquals(byStory.size(), c.clusters().size(), "clusters " + c.clusters());
    for (var story : byStory.entrySet()) {
      for (String id : story.getValue()) {
        assertEquals(agencyCopy.get(story.getKey()), c.clusterOf(id), id);
      }
    }
    // The live index agrees, whatever the arrival order (here: agency copy last).
    NearDuplicateIndex ix = NearDuplicateIndex.create(cfg);
    List<Doc> reversed = new ArrayList<>(docs);
    java.util.Collections.reverse(reversed);
    for (Doc d : reversed) {
      ix.add(d);
    }
    for (var story : byStory.entrySet()) {
      for (String id : story.getValue()) {
        assertEquals(agencyCopy.get(story.getKey()), ix.canonicalOf(id), id);
      }
    }
  }
}
