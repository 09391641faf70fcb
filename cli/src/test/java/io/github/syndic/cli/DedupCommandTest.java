package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code syndic dedup} over the project's test articles, each republished with small edits. */
class DedupCommandTest {
  @TempDir Path tmp;
  private static final ObjectMapper JSON = new ObjectMapper();

  /** id → text: every test article, plus an edited copy ("<name>_copy") of each. */
  private static Map<String, String> corpus() throws IOException {
    Path dir = EvalCommandTest.repo().resolve("testdata/index/articles");
    Map<String, String> docs = new HashMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        String name = p.getFileName().toString().replace(".txt", "");
        String text = Files.readString(p);
        docs.put(name, text);
        // A republished copy: the last paragraph dropped, a credit line added.
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.remove(lines.size() - 1);
        lines.add("Source: agencies");
        docs.put(name + "_copy", String.join("\n", lines) + "\n");
      }
    }
    return docs;
  }

  private Map<String, String> readClusters(Path f) throws IOException {
    List<String> rows = Files.readAllLines(f);
    assertEquals("doc_id\tcluster_id", rows.get(0));
    Map<String, String> m = new HashMap<>();
    for (String r : rows.subList(1, rows.size())) {
      String[] x = r.split("\t");
      assertEquals(null, m.put(x[0], x[1]), "listed twice: " + x[0]);
    }
    return m;
  }

  @Test
  void directoryCopiesClusterAndStoriesStayApart() throws IOException {
    Map<String, String> docs = corpus();
    Path in = tmp.resolve("in");
    Files.createDirectories(in);
    for (var e : docs.entrySet()) {
      Files.writeString(in.resolve(e.getKey() + ".txt"), e.getValue());
    }
    Path clusters = tmp.resolve("clusters.tsv");
    Path pairs = tmp.resolve("pairs.jsonl");
    CliRun r = CliRun.run("dedup", "--clusters", clusters.toString(), "--pairs",
        pairs.toString(), in.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, String> c = readClusters(clusters);
    assertEquals(docs.keySet(), c.keySet());
    for (String id : docs.keySet()) {
      if (id.endsWith("_copy")) {
        String orig = id.substring(0, id.length() - 5);
        assertEquals(c.get(orig), c.get(id), id + " and its original");
        for (String other : docs.keySet()) {
          if (!other.startsWith(orig)) {
            assertNotEquals(c.get(other), c.get(id), id + " clustered with " + other);
          }
        }
      }
    }
    List<String> lines = Files.readAllLines(pairs);
    assertTrue(lines.size() >= docs.size() / 2);
    JsonNode p = JSON.readTree(lines.get(0));
    for (String f : new String[] {"doc_id", "duplicate_of", "relation", "jaccard", "containment",
        "containment_of_other", "clustered"}) {
      assertTrue(p.has(f), "pair lacks " + f + ": " + p);
    }
  }

  @Test
  void clustersDoNotDependOnInputOrder() throws IOException {
    Map<String, String> docs = corpus();
    List<String> ids = new ArrayList<>(docs.keySet());
    Collections.sort(ids);
    String first = null;
    for (long seed : new long[] {1, 2, 3}) {
      Collections.shuffle(ids, new Random(seed));
      StringBuilder jsonl = new StringBuilder();
      for (String id : ids) {
        jsonl.append(JSON.writeValueAsString(Map.of("id", id, "text", docs.get(id))))
            .append('\n');
      }
      Path j = tmp.resolve("docs" + seed + ".jsonl");
      Files.writeString(j, jsonl);
      Path out = tmp.resolve("c" + seed + ".tsv");
      assertEquals(0, CliRun.run("dedup", "-q", "--clusters", out.toString(), j.toString())
          .code());
      String s = Files.readString(out);
      if (first == null) {
        first = s;
      }
      assertEquals(first, s);
    }
  }

  @Test
  void persistentIndexLinksLaterRunsToEarlierDocuments() throws IOException {
    Map<String, String> docs = corpus();
    Path idx = tmp.resolve("idx");
    StringBuilder a = new StringBuilder();
    StringBuilder b = new StringBuilder();
    for (var e : docs.entrySet()) {
      boolean copy = e.getKey().endsWith("_copy");
      (copy ? b : a).append(JSON.writeValueAsString(Map.of("id", e.getKey(), "text", e.getValue(),
          "published", copy ? "2024-05-02T10:00:00Z" : "2024-05-01T10:00:00Z"))).append('\n');
    }
    Path ja = tmp.resolve("a.jsonl");
    Path jb = tmp.resolve("b.jsonl");
    Files.writeString(ja, a);
    Files.writeString(jb, b);
    Path ca = tmp.resolve("ca.tsv");
    Path cb = tmp.resolve("cb.tsv");
    assertEquals(0, CliRun.run("dedup", "-q", "--index", idx.toString(), "--clusters",
        ca.toString(), ja.toString()).code());
    assertTrue(Files.exists(idx.resolve("index.syndic")));
    CliRun r = CliRun.run("dedup", "-q", "--index", idx.toString(), "--clusters", cb.toString(),
        jb.toString());
    assertEquals(0, r.code(), r.err());
    Map<String, String> second = readClusters(cb);
    for (String id : second.keySet()) {
      assertEquals(id.replace("_copy", ""), second.get(id), "copy joins its earlier original");
    }
    // A damaged snapshot is refused with a clear error, and is not replaced.
    Path snap = idx.resolve("index.syndic");
    byte[] bytes = Files.readAllBytes(snap);
    bytes[bytes.length / 2] ^= 0x55;
    Files.write(snap, bytes);
    CliRun bad = CliRun.run("dedup", "--index", idx.toString(), "--clusters",
        tmp.resolve("x.tsv").toString(), jb.toString());
    assertEquals(1, bad.code());
    assertTrue(bad.err().contains("index.syndic"), bad.err());
    assertEquals(bytes.length, Files.size(snap));
  }

  @Test
  void usageErrors() throws IOException {
    Path j = tmp.resolve("d.jsonl");
    Files.writeString(j, "{\"id\":\"a\",\"text\":\"hello there\"}\n");
    assertEquals(2, CliRun.run("dedup", j.toString()).code());
    assertEquals(2, CliRun.run("dedup", "--clusters", tmp.resolve("c").toString(), "--window",
        "soon", j.toString()).code());
    assertEquals(2, CliRun.run("dedup", "--clusters", tmp.resolve("c").toString(),
        "--threshold", "1.5", j.toString()).code());
  }
}
