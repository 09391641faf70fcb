package io.github.syndic;

import io.github.syndic.doc.Removal;

import io.github.syndic.doc.Block;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.boilerplate.BoilerplateClassifier;
import io.github.syndic.boilerplate.BoilerplateConfig;
import io.github.syndic.boilerplate.Layout;
import io.github.syndic.boilerplate.LayoutDetector;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.hostile.HostileCorpus;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The document view changes nothing: a pass over kept blocks with the normalized texts and
 * features the view kept from an earlier pass gives exactly the removals (kinds, scores, twins,
 * reasons) of a pass that computes them afresh, and the cleaner's passes equal the same passes run
 * without a view. Over the seeds, the test pages, the hostile corpus and seeded random documents;
 * one named test per misuse.
 */
class DocumentViewTest {
  private static final CleanerConfig NEWS = CleanerConfig.news();
  private static final BoilerplateClassifier BOILERPLATE =
      BoilerplateClassifier.create(NEWS.boilerplateConfig());
  private static final BoilerplateClassifier PAGES =
      BoilerplateClassifier.create(BoilerplateConfig.pages());
  private static final DuplicateDetector DUPLICATES = DuplicateDetector.create(NEWS.duplicateConfig());

  @Test
  void cleanerPassesEqualPassesWithoutView() {
    Cleaner cleaner = Cleaner.create(NEWS);
    int multiPass = 0;
    for (String doc : documents()) {
      Reference reference = referencePasses(doc);
      List<Removal> got = cleaner.clean(doc).removals();
      assertEquals(reference.removals.size(), got.size(), () -> "document: " + head(doc));
      boolean[] removed = new boolean[BlockSegmenter.lines(doc).size()];
      reference.removals.forEach(r -> removed[r.block().index()] = true);
      for (int i = 0; i < got.size(); i++) {
        Removal want = reference.removals.get(i);
        boolean settled = (want.twin() != null && removed[want.twin().index()])
            || want.covering().stream().anyMatch(c -> removed[c.index()]);
        // a removal whose twin went later is re-pointed by the cleaner, not by this reference
        assertEquals(settled ? want.block() : want, settled ? got.get(i).block() : got.get(i),
            () -> "document: " + head(doc));
      }
      if (reference.passes > 1) {
        multiPass++;
      }
    }
    assertTrue(multiPass > 0, "no document had removals in a second pass");
  }

  @Test
  void laterPassesWithViewEqualFreshPasses() {
    int subsets = 0;
    for (String doc : documents()) {
      List<Block> all = BlockSegmenter.lines(doc);
      // one view for both classifiers and the detector: the two classifiers (one lexicon) share
      // their per-block features, as the cleaner's do, the detector keeps its own
      DocumentView view = DocumentView.of(all);
      for (BoilerplateClassifier c : List.of(BOILERPLATE, PAGES)) {
        assertEquals(c.classify(all, null), c.classify(view.carrying(all), null));
        boolean[] every = new boolean[all.size()];
        Arrays.fill(every, true);
        assertEquals(DUPLICATES.detect(all, every), DUPLICATES.detect(view.carrying(all), every));
        // every other block and a pseudo-random half: context changes, features are reused
        SplittableRandom r = new SplittableRandom(doc.length());
        List<Block> odd = new ArrayList<>();
        List<Block> half = new ArrayList<>();
        for (Block b : all) {
          if (b.index() % 2 == 1) {
            odd.add(b);
          }
          if (r.nextBoolean()) {
            half.add(b);
          }
        }
        for (List<Block> subset : List.of(odd, half, all)) {
          view.releaseNormalized(); // as the cleaner does between passes
          assertEquals(c.classify(subset, null), c.classify(view.carrying(subset), null));
          boolean[] eligible = new boolean[subset.size()];
          for (int i = 0; i < eligible.length; i++) {
            eligible[i] = r.nextInt(4) != 0;
          }
          assertEquals(DUPLICATES.detect(subset, eligible),
              DUPLICATES.detect(view.carrying(subset), eligible));
          subsets++;
        }
      }
    }
    assertTrue(subsets > 100, "only " + subsets + " subsets");
  }

  @Test
  void aRepeatedDetectionOfTheSameBlocksGivesTheSameRemovalsAndAnotherSetIsSearchedAgain() {
    // a reworded copy (a pair is found), an exact copy, and a paragraph of its own
    String doc = "The council approved the new budget for schools and roads on Monday evening.\n"
        + "Prices of bread rose again this week in most of the city's markets.\n"
        + "On Monday evening the council approved the new budget for schools and roads.\n"
        + "Prices of bread rose again this week in most of the city's markets.";
    List<Block> all = BlockSegmenter.lines(doc);
    DocumentView view = DocumentView.of(all);
    List<Block> carried = view.carrying(all);
    boolean[] every = {true, true, true, true};
    List<Removal> fresh = DUPLICATES.detect(all, every);
    assertEquals(2, fresh.size(), fresh::toString);
    assertEquals(fresh, DUPLICATES.detect(carried, every));
    assertEquals(fresh, DUPLICATES.detect(carried, every)); // the same set again: the same result
    // fewer blocks (the twins gone): nothing is a copy any more, as without a view
    boolean[] withoutTwins = {false, true, true, false};
    assertEquals(List.of(), DUPLICATES.detect(carried, withoutTwins));
    assertEquals(DUPLICATES.detect(all, withoutTwins), DUPLICATES.detect(carried, withoutTwins));
    // more blocks than the last detection, then the same blocks with another keep policy
    assertEquals(fresh, DUPLICATES.detect(carried, every));
    DuplicateDetector last = DuplicateDetector.create(new io.github.syndic.dup.DuplicateConfig(
        (a, ca, b, cb) -> Integer.compare(b.index(), a.index()))); // the last copy stays
    List<Removal> lastKept = last.detect(carried, every);
    assertEquals(last.detect(all, every), lastKept);
    assertEquals(0, lastKept.get(0).block().index(), lastKept::toString);
  }

  @Test
  void templateAfterPassWithoutTemplateIsHonoured() {
    // a view filled without a template lacks fingerprints: a later call with one recomputes them
    String doc = "Follow us on our channel for the latest news\nThe council met on Monday.\n"
        + "Follow us on our channel for the latest news";
    TemplateModel.Builder b = TemplateModel.builder();
    for (int i = 0; i < 5; i++) {
      b.addDocument("Follow us on our channel for the latest news\nStory " + i + " text here.");
    }
    TemplateModel model = b.build();
    List<Block> all = BlockSegmenter.lines(doc);
    DocumentView view = DocumentView.of(all);
    BOILERPLATE.classify(view.carrying(all), null);
    assertEquals(BOILERPLATE.classify(all, model), BOILERPLATE.classify(view.carrying(all), model));
  }

  @Test
  void blocksOfAnotherDocumentAreRejected() {
    // same block indexes, other Block objects and texts: nothing kept may leak across documents
    List<Block> first = BlockSegmenter.lines("Tags: economy, markets\nThe council met on Monday.");
    List<Block> second = BlockSegmenter.lines("The council met on Monday.\nTags: economy, markets");
    DocumentView view = DocumentView.of(first);
    BOILERPLATE.classify(view.carrying(first), null);
    DUPLICATES.detect(view.carrying(first), new boolean[] {true, true});
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> view.carrying(second));
    assertTrue(e.getMessage().contains("not a block of this view's document"), e.getMessage());
    // a list that carries no view is looked at from scratch
    assertNull(DocumentView.carriedBy(second));
    assertSame(view, DocumentView.carriedBy(view.carrying(first)));
  }

  @Test
  void viewNeedsAllBlocksInOrder() {
    List<Block> all = BlockSegmenter.lines("one\ntwo\nthree");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DocumentView.of(all.subList(1, 3)));
    assertTrue(e.getMessage().contains("index 1"), e.getMessage());
  }

  @Test
  void aHugeDocumentsNormalizedTextsAreNotKept() {
    String line = "A line of an ordinary paragraph, repeated to make a huge document. ".repeat(100);
    StringBuilder sb = new StringBuilder();
    while (sb.length() <= DocumentView.MAX_CACHED_CHARS + 2 * line.length()) {
      sb.append(line).append('\n');
    }
    List<Block> huge = BlockSegmenter.lines(sb);
    DocumentView big = DocumentView.of(huge);
    Block b = huge.get(1);
    assertTrue(big.normalized(b) != big.normalized(b), "kept for a document over the bound");
    assertEquals(big.normalized(b).toString(), big.normalized(b).toString());
    List<Block> small = BlockSegmenter.lines(line + "\n" + line);
    DocumentView view = DocumentView.of(small);
    assertTrue(view.normalized(small.get(1)) == view.normalized(small.get(1)));
  }

  /** The removals and the number of passes that removed something. */
  private record Reference(List<Removal> removals, int passes) {}

  /**
   * The cleaner's passes written out with the stages' calls without a view: each pass runs the
   * boilerplate stage, then the duplicate stage on the blocks it keeps, over the blocks still
   * kept, until a pass removes nothing. Removals whose twin went in a later pass are left as
   * found (the cleaner re-points them).
   */
  private static Reference referencePasses(String doc) {
    List<Block> all = BlockSegmenter.lines(doc);
    List<Block> current = new ArrayList<>();
    for (Block b : all) {
      if (b.text().length() <= NEWS.maxBlockChars()) {
        current.add(b);
      }
    }
    // the default layout is chosen per document, from the analyzed blocks
    BoilerplateClassifier boilerplate =
        LayoutDetector.detect(current) == Layout.PAGE ? PAGES : BOILERPLATE;
    boolean article = boilerplate == BOILERPLATE;
    Removal[] removedBy = new Removal[all.size()];
    int passes = 0;
    for (int pass = 0; pass < Cleaner.MAX_PASSES && !current.isEmpty(); pass++) {
      List<Removal> found = stages(boilerplate, current);
      if (found.isEmpty() && boilerplate == PAGES) {
        found = stages(BOILERPLATE, current); // a page's article is also cleaned as an article
      }
      if (found.isEmpty()) {
        break;
      }
      passes++;
      for (Removal r : found) {
        removedBy[r.block().index()] = r;
      }
      List<Block> rest = new ArrayList<>();
      for (Block b : current) {
        if (removedBy[b.index()] == null) {
          rest.add(b);
        }
      }
      current = rest;
      if (article && LayoutDetector.detect(current) == Layout.PAGE) {
        article = false; // what is left of the article is page-like: read as a page
        boilerplate = PAGES;
      }
    }
    List<Removal> out = new ArrayList<>();
    for (Removal r : removedBy) {
      if (r != null) {
        out.add(r);
      }
    }
    return new Reference(out, passes);
  }

  /** One pass of the stages without memos, in block order. */
  private static List<Removal> stages(BoilerplateClassifier boilerplate, List<Block> current) {
    List<Removal> found = new ArrayList<>(boilerplate.classify(current, null));
    boolean[] eligible = new boolean[current.size()];
    Arrays.fill(eligible, true);
    for (Removal r : found) {
      eligible[current.indexOf(r.block())] = false;
    }
    found.addAll(DUPLICATES.detect(current, eligible));
    return found;
  }

  /** The seeds, the test pages, the stored hostile inputs and 200 seeded random documents. */
  private static List<String> documents() {
    List<String> docs = new ArrayList<>();
    Path testdata = LineLabels.testdata();
    for (String dir : List.of("seeds", "pages", "hostile", "bench")) {
      try (Stream<Path> files = Files.walk(testdata.resolve(dir))) {
        for (Path p : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
          docs.add(HostileCorpus.decodePermissive(Files.readAllBytes(p)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    SplittableRandom r = new SplittableRandom(0x3E30L);
    for (int i = 0; i < 200; i++) {
      docs.add(io.github.syndic.hostile.RandomDocumentsTest.document(r.split()));
    }
    return docs;
  }

  private static String head(String doc) {
    return new String(doc.getBytes(StandardCharsets.UTF_8), 0,
        Math.min(200, doc.getBytes(StandardCharsets.UTF_8).length), StandardCharsets.UTF_8);
  }
}
