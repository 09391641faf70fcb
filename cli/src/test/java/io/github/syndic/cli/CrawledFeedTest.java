package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15's crawled feed: the SaudiNewsNet articles of ../shared/eval wrapped in the generated
 * furniture of their outlets ({@link CrawledFeed}: 13 outlets, 6 site templates, read-also blocks
 * with another story's body), clustered with the defaults of {@code syndic dedup} (as {@code
 * syndic eval neardup} runs it) and scored against the set's labels. Skips when the set is
 * absent.
 *
 * <p>Measured 2026-12-07 on the commit that added this test: strict pair F1 0.684, lenient 0.682
 * (before: 0.089 and 0.077, when templates were stripped before cleaning and a read-also
 * story's byline or section label made its head look like a list). Then 2026-12-07 (the commit
 * that reads a long wire headline and a dateline as a read-also story's head): strict 0.802,
 * lenient 0.763; and (the commit whose page layout no longer takes a region that a read-also
 * marker announces for the article): strict 0.905, lenient 0.835; and (jusText's context rule for
 * near-text lines in the page layout): strict 0.932, lenient 0.863; and (a short article that
 * its read-also block closes is the page's article; a lone double space is no menu separator; a
 * row of cues without separators is furniture): strict 0.944, lenient 0.872; and (a long
 * sentence-ended line next to running text, or alone before a closing read-also marker, is text
 * whatever its stopwords): strict 0.972, lenient 0.892; and (the round-up rule asks whether
 * two trimmed copies of a document are one story, half of the smaller inside the other, instead
 * of a related pair): strict 0.974, lenient 0.905. The goals (strict 0.97, lenient 0.90)
 * are met; the floors below guard them with a margin for the generator's randomness.
 */
class CrawledFeedTest {
  /** Floor of strict pair F1 (measured 0.974; the goal 0.97). */
  static final double MIN_STRICT_F1 = 0.97;

  /** Floor of lenient pair F1 (measured 0.905; the goal 0.90). */
  static final double MIN_LENIENT_F1 = 0.90;

  @TempDir Path tmp;

  private static final Pattern F1 = Pattern.compile("(strict|lenient) P=\\S+ R=\\S+ F1=(\\S+)");

  @Test
  void dedupDefaultsSeparateStoriesWrappedInTheirOutletsFurniture() throws IOException {
    Path set = EvalCommandTest.repo().getParent().resolve("shared/eval/neardup/saudinewsnet_ar");
    assumeTrue(Files.isDirectory(set.resolve("docs")), "../shared/eval absent: skipping");
    Path feed = tmp.resolve("feed");
    CrawledFeed.write(set, feed);
    CliRun r = CliRun.run("eval", "neardup", feed.toString());
    assertEquals(0, r.code(), r.err());
    String line = r.out().lines().filter(l -> l.startsWith("docs=")).findFirst().orElseThrow();
    System.out.println("crawled feed: " + line);
    Matcher m = F1.matcher(line);
    double strict = -1;
    double lenient = -1;
    while (m.find()) {
      double f = Double.parseDouble(m.group(2));
      if (m.group(1).equals("strict")) {
        strict = f;
      } else {
        lenient = f;
      }
    }
    assertTrue(strict >= MIN_STRICT_F1, line);
    assertTrue(lenient >= MIN_LENIENT_F1, line);
  }

  @Test
  void theGeneratorIsDeterministicAndWrapsEveryStory() throws IOException {
    Path set = EvalCommandTest.repo().getParent().resolve("shared/eval/neardup/saudinewsnet_ar");
    assumeTrue(Files.isDirectory(set.resolve("docs")), "../shared/eval absent: skipping");
    CrawledFeed.write(set, tmp.resolve("a"));
    CrawledFeed.write(set, tmp.resolve("b"));
    try (var s = Files.list(set.resolve("docs"))) {
      for (Path p : s.sorted().limit(200).toList()) {
        String original = Files.readString(p);
        String a = Files.readString(tmp.resolve("a/docs").resolve(p.getFileName()));
        assertEquals(a, Files.readString(tmp.resolve("b/docs").resolve(p.getFileName())));
        assertTrue(a.length() > original.strip().length(), p.toString());
        for (String l : original.split("\n")) {
          assertTrue(l.isBlank() || a.contains(l), "story line kept: " + l);
        }
      }
    }
  }
}
