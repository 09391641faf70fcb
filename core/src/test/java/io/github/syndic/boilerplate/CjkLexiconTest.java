package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.TextNormalizer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Japanese, Chinese and Korean cue lexicons: their cues are found on real-looking lines of
 * scripts written without spaces (where a cue must be a whole run between separators), and the
 * sentences that merely start with a cue-like word stay.
 */
class CjkLexiconTest {
  /** Kana, CJK ideographs (both Chinese scripts) or Hangul syllables. */
  private static final Pattern CJK = Pattern.compile("[\\u3040-\\u30FF\\u4E00-\\u9FFF\\uAC00-\\uD7AF]");

  private static BlockInfo info(String line) {
    Block b = BlockSegmenter.lines(line).get(0);
    return BlockInfo.of(b, TextNormalizer.defaults().normalize(b.text()), Lexicon.builtin());
  }

  /** Line number (1 up) -> kind of every removal, with defaults. */
  private static Map<Integer, RemovalKind> removedLines(String text) {
    Map<Integer, RemovalKind> out = new TreeMap<>();
    for (Removal r : BoilerplateClassifier.defaults().classify(BlockSegmenter.lines(text), null)) {
      out.put(r.block().line(), r.kind());
    }
    return out;
  }

  private static final Map<Integer, RemovalKind> MARKER_SHARE_LEGAL =
      Map.of(3, RemovalKind.RELATED_MARKER, 5, RemovalKind.OTHER, 6, RemovalKind.LEGAL);

  @Test
  void japaneseArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "市、新しい図書館を来年春に開館へ",
        "市は7日、駅前に建設中の新しい図書館を来年4月に開館すると発表した。蔵書は約30万冊で、"
            + "市によると、閲覧席は現在の図書館の2倍になる見込みだ。",
        "【関連記事】駅前再開発、商業施設の入居が決定",
        "関連記事によると、周辺の再開発も同じ時期に終わる予定だという。市長は記者会見で"
            + "「多くの人に使ってほしい」と述べた。建設費には国の補助金を充てる。",
        "シェア ツイート はてなブックマーク LINEで送る",
        "© 2024 サンプル新聞社　記事・写真の無断転載を禁じます。");
    assertEquals(MARKER_SHARE_LEGAL, removedLines(text));
    // particles are written inside the runs: no stopword, no document language
    assertNull(LexiconTest.documentLanguage(text));
  }

  @Test
  void simplifiedChineseArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "市政府宣布新图书馆明年春天开放",
        "市政府7日宣布，正在火车站附近建设的新图书馆将于明年4月开放。据介绍，新馆藏书约30万册，"
            + "阅览座位将是现有图书馆的两倍。",
        "【相关阅读】火车站周边改造项目确定商业入驻",
        "相关阅读材料显示，周边改造工程也将在同一时间完成。市长在记者会上表示，希望更多市民"
            + "使用新馆。建设资金来自国家补助。",
        "分享到： 微信 微博 QQ空间",
        "示例新闻网 版权所有 未经授权禁止转载");
    assertEquals(MARKER_SHARE_LEGAL, removedLines(text));
    assertNull(LexiconTest.documentLanguage(text));
  }

  @Test
  void traditionalChineseArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "市府宣布新圖書館明年春天開館",
        "市政府7日宣布，正在車站附近興建的新圖書館將於明年4月開館。據了解，新館藏書約30萬冊，"
            + "閱覽座位將是現有圖書館的兩倍。",
        "延伸閱讀：車站周邊再開發 商場進駐確定",
        "延伸閱讀資料顯示，周邊工程也將在同一時間完工。市長在記者會上表示，希望更多市民使用"
            + "新館。經費來自中央補助。",
        "分享 列印 複製連結",
        "版權所有 © 2024 範例新聞 未經授權不得轉載");
    assertEquals(MARKER_SHARE_LEGAL, removedLines(text));
  }

  @Test
  void koreanArticleLosesItsFurnitureAndKeepsItsParagraphs() {
    String text = String.join("\n",
        "시, 새 도서관 내년 봄 개관",
        "시는 7일 역 앞에 짓고 있는 새 도서관을 내년 4월에 개관한다고 밝혔다. 시에 따르면 장서는"
            + " 약 30만 권이며 열람석은 지금 도서관의 두 배가 될 것으로 예상된다.",
        "관련기사: 역 앞 재개발 상업시설 입주 확정",
        "관련 기사를 쓴 기자는 주변 재개발도 같은 시기에 끝날 예정이라고 전했다. 시장은 기자회견에서"
            + " 많은 시민이 이용하기를 바란다고 말했다.",
        "페이스북 트위터 카카오톡 URL 복사",
        "ⓒ 샘플일보, 무단 전재 및 재배포 금지");
    assertEquals(MARKER_SHARE_LEGAL, removedLines(text));
    // Korean writes its function words between spaces: its stopwords name the language
    assertEquals("ko", LexiconTest.documentLanguage(text));
  }

  @Test
  void aCueMatchesAWholeRunNeverTheStartOfASentenceRun() {
    // the cue as a run of its own (brackets and colons are separators)
    assertTrue(info("【関連記事】駅前再開発").hits.prefix(Lexicon.Category.RELATED_MARKER));
    assertTrue(info("相关新闻：北京地铁").hits.prefix(Lexicon.Category.RELATED_MARKER));
    assertTrue(info("■関連ニュース").hits.prefix(Lexicon.Category.RELATED_MARKER));
    // the same characters opening a longer run of a sentence
    assertEquals(0, info("関連記事によると、制度は検討中だ。").hits.prefixMask);
    assertEquals(0, info("相关新闻报道称，政策将于明年实施。").hits.prefixMask);
    assertEquals(0, info("新华网版权所有者表示，将依法维权。").hits.anywhereMask
        & Lexicon.Category.LEGAL.bit());
  }

  @Test
  void everyCjkPhraseIsWrittenInItsScript() throws IOException {
    // cues match in every document whatever its language: a phrase without kana, Han or
    // Hangul would also match Latin-script pages
    for (String lang : List.of("ja", "zh", "ko")) {
      int rows = 0;
      try (InputStream in = Lexicon.class.getResourceAsStream("cues/" + lang + ".tsv")) {
        assertNotNull(in, lang);
        for (String row : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
          if (row.isBlank() || row.startsWith("#")) {
            continue;
          }
          String phrase = row.split("\t")[2];
          assertTrue(CJK.matcher(phrase).find(), lang + ": '" + phrase + "'");
          rows++;
        }
      }
      assertTrue(rows > 150, lang + " has " + rows + " rows");
    }
  }
}
