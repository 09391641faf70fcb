package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.format.FormatException;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemplateModelTest {
  /** Twenty documents of one source: a shared sign-off and byline with changing numbers. */
  private static List<String> documents() {
    String[] words = {"harbour", "council", "orchard", "bridge", "market", "river", "school",
      "library", "stadium", "museum", "garden", "station", "airport", "clinic", "factory",
      "theatre", "quarry", "forest", "valley", "island"};
    List<String> docs = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      String w = words[i];
      String v = words[(i * 7 + 3) % 20];
      docs.add("The " + w + " story opens with its own lead about the " + v + ".\n"
          + "A second paragraph on the " + v + " and the " + w + " adds details.\n"
          + "Desk report, " + (i % 28 + 1) + " August 2015\n"
          + "Follow the Daily Example for more.\n");
    }
    return docs;
  }

  private static TemplateModel build(List<String> docs) {
    TemplateModel.Builder b = TemplateModel.builder();
    docs.forEach(b::addDocument);
    return b.build();
  }

  @Test
  void sameDocumentsInAnyOrderGiveTheSameModelAndBytes() {
    List<String> docs = documents();
    TemplateModel a = build(docs);
    List<String> shuffled = new ArrayList<>(docs);
    Collections.shuffle(shuffled, new Random(42));
    TemplateModel b = build(shuffled);
    assertEquals(a, b);
    assertArrayEquals(a.toBytes(), b.toBytes());
  }

  @Test
  void mergeOfPartsEqualsModelOfTheWhole() {
    List<String> docs = documents();
    TemplateModel whole = build(docs);
    TemplateModel left = build(docs.subList(0, 7));
    TemplateModel right = build(docs.subList(7, docs.size()));
    assertEquals(whole, left.merge(right));
    assertEquals(whole, right.merge(left));
    TemplateModel.Builder b1 = TemplateModel.builder();
    docs.subList(0, 12).forEach(b1::addDocument);
    TemplateModel.Builder b2 = TemplateModel.builder();
    docs.subList(12, 20).forEach(b2::addDocument);
    assertEquals(whole, b1.merge(b2).build());
  }

  @Test
  void recurringBlocksAreTemplateDigitsMasked() {
    TemplateModel m = build(documents());
    assertEquals(20, m.documents());
    assertEquals(20, m.count("Desk report, 3 August 2015"));
    assertEquals(20, m.count("Follow the Daily Example for more."));
    assertTrue(m.isTemplate(TemplateModel.fingerprint("Desk report, 30 August 2016")));
    assertFalse(m.isTemplate(
        TemplateModel.fingerprint("The river story opens with its own lead about the garden.")));
    assertEquals(2, m.templateEntries().length);

    String doc = "A new story opens with its own lead about the weather today.\n"
        + "Desk report, 9 August 2015\nFollow the Daily Example for more.";
    BoilerplateClassifier c = BoilerplateClassifier.defaults();
    List<Removal> without = c.classify(BlockSegmenter.lines(doc), null);
    assertTrue(without.stream().noneMatch(r -> r.reason().startsWith("recurs")));
    List<Removal> with = c.classify(BlockSegmenter.lines(doc), m);
    assertEquals(2, with.size());
    for (Removal r : with) {
      assertEquals(RemovalKind.OTHER, r.kind());
      assertTrue(r.reason().startsWith("recurs in 20 of 20 documents"), r.reason());
    }
  }

  @Test
  void repeatsInsideOneDocumentCountOnce() {
    TemplateModel m = TemplateModel.builder().addDocument("same line\nsame line\nsame line").build();
    assertEquals(1, m.count("same line"));
  }

  @Test
  void fewDocumentsNeverReachTheMinimumCount() {
    List<String> docs = documents().subList(0, TemplateModel.DEFAULT_MIN_COUNT - 1);
    assertEquals(0, build(docs).templateEntries().length);
  }

  @Test
  void roundTripsThroughAFile(@TempDir Path dir) throws IOException {
    TemplateModel m = build(documents());
    Path f = dir.resolve("source.model");
    m.save(f);
    assertEquals(m, TemplateModel.load(f));
    UncheckedIOException missing = assertThrows(UncheckedIOException.class,
        () -> TemplateModel.load(dir.resolve("none.model")));
    assertTrue(missing.getMessage().contains("none.model"), missing.getMessage());
  }

  @Test
  void damagedFilesGiveClearErrors(@TempDir Path dir) throws IOException {
    byte[] good = build(documents()).toBytes();
    byte[] magic = good.clone();
    magic[0] = 'X';
    assertMessage(magic, "bad magic");
    byte[] version = good.clone();
    version[11] = 9;
    assertMessage(version, "version");
    byte[] flipped = good.clone();
    flipped[good.length / 2] ^= 0x40;
    assertMessage(flipped, "checksum");
    assertMessage(java.util.Arrays.copyOf(good, good.length - 5), "truncated");
    assertMessage(java.util.Arrays.copyOf(good, 10), "truncated");
    Path f = dir.resolve("bad.model");
    Files.write(f, flipped);
    FormatException e = assertThrows(FormatException.class, () -> TemplateModel.load(f));
    assertTrue(e.getMessage().contains("bad.model") && e.getMessage().contains("checksum"),
        e.getMessage());
  }

  private static void assertMessage(byte[] bytes, String expected) {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TemplateModel.fromBytes(bytes));
    assertTrue(e.getMessage().contains(expected), e.getMessage());
  }

  @Test
  void badThresholdsAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> TemplateModel.builder(0.0, 5));
    assertThrows(IllegalArgumentException.class, () -> TemplateModel.builder(0.1, 1));
  }
}
