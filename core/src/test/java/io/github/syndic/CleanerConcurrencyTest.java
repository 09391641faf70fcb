package io.github.syndic;

import io.github.syndic.doc.Removal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One shared Cleaner gives, under concurrent use, exactly the single-threaded results. */
class CleanerConcurrencyTest {
  private static String describe(CleanResult r) {
    StringBuilder sb = new StringBuilder(r.text());
    for (Removal x : r.removals()) {
      sb.append(x.block().line()).append(x.kind()).append(x.score())
          .append(x.twin() == null ? -1 : x.twin().line()).append('\n');
    }
    return sb.toString();
  }

  @Test
  void sharedCleanerIsThreadSafe() throws Exception {
    List<String> docs = new ArrayList<>();
    try (Stream<Path> s = Files.walk(LineLabels.testdata())) {
      for (Path p : s.filter(p -> p.toString().endsWith(".txt") && !p.toString().contains("hostile")).sorted().toList()) {
        docs.add(Files.readString(p));
      }
    }
    Cleaner cleaner = Cleaner.create(CleanerConfig.news());
    List<String> expected = new ArrayList<>();
    for (String d : docs) {
      expected.add(describe(cleaner.clean(d)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (String d : docs) {
          futures.add(pool.submit(() -> describe(cleaner.clean(d))));
        }
      }
      for (int i = 0; i < futures.size(); i++) {
        assertEquals(expected.get(i % docs.size()), futures.get(i).get());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nullAndEmptyGiveEmptyResults() throws IOException {
    Cleaner cleaner = Cleaner.news();
    assertEquals("", cleaner.clean(null).text());
    assertEquals("", cleaner.clean("").text());
    assertEquals(0, cleaner.clean(" \n\t\n").blocks().size());
  }

  @Test
  void overlongBlocksAreKeptUnexamined() {
    String longLine = "word ".repeat(1000);
    String text = "A title\n" + longLine + "\nA title\n";
    CleanResult r = Cleaner.create(CleanerConfig.news().withMaxBlockChars(100)).clean(text);
    assertEquals(3, r.blocks().size());
    assertEquals(true, r.isKept(r.blocks().get(1)));
  }
}
