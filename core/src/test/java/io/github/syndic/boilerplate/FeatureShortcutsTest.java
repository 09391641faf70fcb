package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.NormalizedText;
import io.github.syndic.text.TextNormalizer;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The boilerplate stage's shortcuts give what the plain definitions give: the whole-cue runs of a
 * cue row found by growing runs (stopping at the first run that starts no phrase) against the
 * longest-first search of the phrase table; each block's per-language stopword counts against a
 * count over its tokens, for the stopword share and the document language.
 */
class FeatureShortcutsTest {
  private static final TextNormalizer NORMALIZER = TextNormalizer.defaults();
  private static final Lexicon LEXICON = Lexicon.builtin();

  /** Whole-line cues of several kinds and languages, their pieces, and ordinary words. */
  private static final String[] WORDS = {"share", "facebook", "twitter", "email", "print",
      "home", "news", "sport", "privacy", "policy", "terms", "of", "use", "contact", "us",
      "whatsapp", "telegram", "the", "council", "met", "on", "monday", "read", "more", "comments",
      "impressum", "datenschutz", "accueil", "\u0634\u0627\u0631\u0643", "\u0627\u0644\u0631\u0626\u064a\u0633\u064a\u0629"};

  @Test
  void longestWholeRunIsTheLongestFirstSearch() {
    SplittableRandom r = new SplittableRandom(14);
    int hits = 0;
    for (int k = 0; k < 5_000; k++) {
      StringBuilder sb = new StringBuilder();
      for (int i = 1 + r.nextInt(8); i > 0; i--) {
        sb.append(WORDS[r.nextInt(WORDS.length)]).append(' ');
      }
      NormalizedText nt = NORMALIZER.normalize(sb);
      String s = nt.toString();
      String[] tokens = s.split(" ");
      int[] ends = new int[tokens.length];
      for (int i = 0, e = -1; i < tokens.length; i++) {
        e += tokens[i].length() + 1;
        ends[i] = e;
      }
      for (int i = 0; i < tokens.length; i++) {
        long want = 0;
        int from = i == 0 ? 0 : ends[i - 1] + 1;
        for (int len = Math.min(3, tokens.length - i); len >= 1 && want == 0; len--) {
          int m = LEXICON.wholeMask(s.substring(from, ends[i + len - 1]));
          if (m != 0) {
            want = ((long) len << 32) | m;
          }
        }
        assertEquals(want, LEXICON.longestWhole(nt.chars(), ends, tokens.length, i, 3), s);
        hits += want != 0 ? 1 : 0;
      }
    }
    assertTrue(hits > 1_000, "only " + hits + " runs were cues");
  }

  @Test
  void stopwordCountsPerLanguageAreTheTokenCounts() {
    String doc = String.join("\n", "The council met on Monday and said that it would vote later.",
        "Der Rat hat am Montag gesagt, dass er sp\u00e4ter abstimmen wird.",
        "Le conseil a dit lundi qu'il votera plus tard et que le vote est ouvert.",
        "\u0648\u0642\u0627\u0644 \u0627\u0644\u0645\u062c\u0644\u0633 \u0625\u0646\u0647 \u0633\u064a\u0635\u0648\u062a \u0641\u064a \u0648\u0642\u062a \u0644\u0627\u062d\u0642 \u0645\u0646 \u0647\u0630\u0627 \u0627\u0644\u0623\u0633\u0628\u0648\u0639.",
        "Home | News | Sport", "2026", "a de la el en y que the of");
    List<Block> blocks = BlockSegmenter.lines(doc);
    BlockInfo[] info = new BlockInfo[blocks.size()];
    for (int i = 0; i < info.length; i++) {
      info[i] = BlockInfo.of(blocks.get(i), NORMALIZER.normalize(blocks.get(i).text()), LEXICON);
    }
    int langs = LEXICON.languages().size();
    long[] hits = new long[langs];
    long tokens = 0;
    for (BlockInfo b : info) {
      tokens += b.tokens;
      for (int lang = 0; lang < langs; lang++) {
        int count = 0;
        for (int i = 0; i < b.tokens; i++) {
          count += (b.stop(i) & (1L << lang)) != 0 ? 1 : 0;
        }
        hits[lang] += count;
        assertEquals(b.tokens == 0 ? Double.NaN : (double) count / b.tokens,
            BlockInfo.stopShare(b, lang), b.block.text() + " / " + LEXICON.languages().get(lang));
      }
    }
    int best = -1;
    for (int lang = 0; lang < langs; lang++) {
      if (hits[lang] > 0 && (best < 0 || hits[lang] > hits[best])) {
        best = lang;
      }
    }
    assertTrue(best >= 0);
    int want = hits[best] >= BlockInfo.DOC_LANGUAGE_MIN_STOPWORD_SHARE * tokens ? best : -1;
    assertEquals(want, BlockInfo.documentLanguage(info, LEXICON));
    assertTrue(want >= 0, "no document language");
  }
}
