package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link SourceTemplates#templateLines()} and {@link SourceTemplates#strip(String,
 * java.util.function.LongPredicate)}: a model's decisions shipped in compact form strip exactly as
 * the model does.
 */
class TemplateLinesTest {
  @Test
  void compactDecisionsStripAsTheModel() {
    DocumentPreparer prep = new DocumentPreparer(IndexConfig.defaults());
    SourceTemplates model = prep.newTemplates();
    String[] chrome = {"Home | World | Sport", "Share this story", "All rights reserved 2024"};
    String[] texts = new String[30];
    for (int i = 0; i < texts.length; i++) {
      String site = i % 2 == 0 ? "a" : null;
      texts[i] = chrome[0] + "\n" + TestTexts.story(40 + i, 3, 20) + "\n"
          + (site == null ? "" : chrome[1] + "\n") + chrome[2] + " edition " + i + "\n";
      model.learn(site, prep.lineFingerprints(texts[i]));
    }
    Map<String, long[]> lines = model.templateLines();
    assertEquals(2, lines.size(), "one entry per source, the source-less group included");
    assertEquals(3, lines.get("a").length, "menu, share line, footer (digits masked)");
    assertEquals(2, lines.get("").length, "menu and footer");
    for (int i = 0; i < texts.length; i++) {
      String site = i % 2 == 0 ? "a" : null;
      long[] t = lines.get(site == null ? "" : site);
      String stripped = model.strip(texts[i], fp -> Arrays.binarySearch(t, fp) >= 0);
      assertEquals(model.strip(site, texts[i]), stripped);
      assertTrue(!stripped.contains("Home | World"), stripped);
    }
  }
}
