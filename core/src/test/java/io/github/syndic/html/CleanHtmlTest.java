package io.github.syndic.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.doc.Block;
import io.github.syndic.doc.PageMetadata;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** {@link Cleaner#cleanHtml}: the article stays, the page around it goes, each removal explained. */
class CleanHtmlTest {
  private static final String[] PARAS = {
    "The city council voted on Tuesday to expand the bus network, adding three new lines that"
        + " will connect the northern suburbs with the central station by next spring.",
    "Officials said the plan would cost about forty million and be paid for by a regional"
        + " grant, while opponents argued that the money should have gone to road repairs.",
    "Residents who attended the meeting were divided, but most of those who spoke said they"
        + " would use the new lines to reach their jobs and schools in the city centre.",
  };

  static String page() {
    StringBuilder sb = new StringBuilder("<html lang=en><head><title>Buses | Daily</title>"
        + "</head><body><header><nav class=menu><ul><li><a href=/>Home</a></li>"
        + "<li><a href=/n>News</a></li><li><a href=/s>Sport</a></li></ul></nav></header>"
        + "<div class=layout><main><article><h1>Council expands buses</h1>"
        + "<div class=byline>By Ann Lee</div><div class=story-body>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("<figure><img src=a.jpg><figcaption>The new bus depot.</figcaption></figure>")
        .append("<div class=share-tools><a href=#>Share on a network</a></div>")
        .append("</div></article>")
        .append("<section id=comments><h3>Comments</h3><p>I think this is a very good idea"
            + " and I will certainly use the line every single day to get to work.</p>")
        .append("</section></main><aside class=sidebar><h3>Most read</h3><ul>")
        .append("<li><a href=/1>Another story about something else entirely today</a></li>")
        .append("</ul></aside></div><footer><p>Copyright 2024 Daily. All rights reserved.</p>")
        .append("</footer></body></html>");
    return sb.toString();
  }

  @Test
  void keepsTheArticleAndExplainsTheRest() {
    CleanResult r = Cleaner.news().cleanHtml(page(), "https://example.org/a");
    for (String p : PARAS) {
      assertTrue(r.text().contains(p), "kept: " + p);
    }
    for (String gone : new String[] {"Home", "Sport", "I think this is", "Another story",
        "Copyright", "Share on", "bus depot"}) {
      assertFalse(r.text().contains(gone), "removed: " + gone + " in\n" + r.text());
    }
    for (Removal x : r.removals()) {
      assertNotNull(x.reason());
    }
    Block caption = r.blocks().stream().filter(b -> b.text().contains("depot")).findFirst()
        .orElseThrow();
    assertEquals(RemovalKind.CAPTION, r.removalOf(caption).kind());
    Block comment = r.blocks().stream().filter(b -> b.text().startsWith("I think")).findFirst()
        .orElseThrow();
    assertTrue(r.removalOf(comment).reason().contains("comments"), r.removalOf(comment).reason());
    assertEquals("en", r.metadata().lang());
    assertEquals("Buses | Daily", r.metadata().title());
    assertNotNull(r.structure());
  }

  /** A standfirst in a container named as a header, beside the body's container. */
  /**
   * A page without running text (a photo gallery of short captions): the text rules decide, but
   * the short lines of its <nav>, <aside> and <footer> go, and a <header>'s headline stays.
   */
  @Test
  void aPageWithoutRunningTextStillLosesItsMenuSidebarAndFooter() {
    StringBuilder sb = new StringBuilder("<html><body><header><h1>Harbour at dusk</h1></header>"
        + "<nav><ul><li><a href=/>Start</a></li><li><a href=/g>Galleries</a></li>"
        + "<li><a href=/c>Contact</a></li></ul></nav><main>");
    String[] captions = {"Cranes over the east quay", "Ferry leaving at six", "Fishing boats",
        "The lighthouse from the pier", "Night shift at the container terminal"};
    for (String c : captions) {
      sb.append("<figure><img src=x.jpg><figcaption>").append(c).append("</figcaption></figure>");
    }
    sb.append("</main><aside><h3>Friends</h3><ul><li>Avital, Haifa</li><li>Carl, Ohio</li>"
        + "</ul></aside><footer><p>(c) 2016 - 2018 harbour-photos.example</p></footer>"
        + "</body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains("Harbour at dusk"), r.text());
    assertTrue(r.text().contains("Ferry leaving at six"), r.text());
    for (String gone : new String[] {"Galleries", "Avital", "harbour-photos"}) {
      assertFalse(r.text().contains(gone), "removed: " + gone + " in\n" + r.text());
    }
  }

  @Test
  void aLeadInAnElementNamedHeaderStays() {
    String lead = "Bus riders in the northern suburbs will soon have three new lines, the council"
        + " decided after a long debate about the cost of the plan and who should pay for it.";
    StringBuilder sb = new StringBuilder("<html><body><nav><a href=/>Home</a> <a href=/n>News"
        + "</a></nav><div class=post><div class=entry-header><h1>Council expands buses</h1>"
        + "<p class=lead>").append(lead).append("</p></div><div class=entry-body>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("</div></div><footer><p>Copyright 2024 Daily.</p></footer></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(lead), r.text());
    assertTrue(r.text().contains(PARAS[2]), r.text());
    assertFalse(r.text().contains("Copyright"), r.text());
  }

  /**
   * An {@code <article>} with a long share and related box inside it weighs little, and a list
   * of teasers with summaries beside it weighs as text: the article element still wins, and the
   * teasers (its siblings) go.
   */
  @Test
  void theArticleElementWinsOverTeaserSummariesBesideIt() {
    StringBuilder sb = new StringBuilder("<html><body><div class=wrap><div class=timeline><ul>");
    String[] topics = {"rail", "roads", "ferries", "bridges", "airports", "cycling"};
    for (int i = 0; i < topics.length; i++) {
      sb.append("<li><div class=topline>Update</div><div class=title><a href=/t").append(i)
          .append(">Plans for ").append(topics[i]).append("</a></div><p>The regional office"
              + " published a new report on ").append(topics[i]).append(" this week, and its"
              + " authors expect that the changes will take several years to complete.</p></li>");
    }
    sb.append("</ul></div><article><h1>Council expands buses</h1>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("<div class=related-links><ul>");
    for (int i = 0; i < 40; i++) {
      sb.append("<li><a href=/r").append(i).append(">Related story number ").append(i)
          .append("</a></li>");
    }
    sb.append("</ul></div></article></div></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    for (String p : PARAS) {
      assertTrue(r.text().contains(p), "kept: " + p + " in\n" + r.text());
    }
    assertFalse(r.text().contains("regional office"), r.text());
    assertFalse(r.text().contains("Related story"), r.text());
  }

  /**
   * A list of long items (steps) outweighs its container, whose text blocks earn less than its
   * row of topic links costs: the container, which holds more running text, is the article.
   */
  @Test
  void aListBetweenParagraphsDoesNotMakeTheArticleAlone() {
    StringBuilder sb = new StringBuilder("<html><body><nav><a href=/>Home</a></nav>"
        + "<div class=guide><div>").append(PARAS[0]).append("</div><ol>");
    for (int i = 1; i <= 6; i++) {
      sb.append("<li>In step ").append(i).append(" the riders check the timetable at the stop,"
          + " buy a ticket from the machine and wait for the bus on the marked platform.</li>");
    }
    sb.append("</ol><div>").append(PARAS[1]).append("</div><ul>");
    for (int i = 0; i < 12; i++) {
      sb.append("<li><a href=/tag").append(i).append(">Topic ").append(i).append("</a></li>");
    }
    sb.append("</ul></div><footer><p>Copyright 2024 Daily.</p></footer></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[0]), r.text());
    assertTrue(r.text().contains(PARAS[1]), r.text());
    assertTrue(r.text().contains("In step 6"), r.text());
    assertFalse(r.text().contains("Topic 3"), r.text());
    assertFalse(r.text().contains("Copyright"), r.text());
  }

  @Test
  void bytesAreDecodedAsDeclaredAndExplicitCharsetWins() {
    String html = "<meta charset=windows-1251>" + page().replace(PARAS[0], "Привет мир, "
        + PARAS[0]);
    byte[] bytes = html.getBytes(java.nio.charset.Charset.forName("windows-1251"));
    CleanResult r = Cleaner.news().cleanHtml(bytes, null, "");
    assertTrue(r.text().contains("Привет мир"), r.text());
    CleanResult wrong = Cleaner.news().cleanHtml(bytes, StandardCharsets.ISO_8859_1, "");
    assertFalse(wrong.text().contains("Привет"));
  }

  @Test
  void textInputHasNoStructureAndIsUnchangedByTheHtmlPath() {
    String text = String.join("\n", PARAS) + "\nShare on Facebook\n";
    CleanResult r = Cleaner.news().clean(text);
    assertNull(r.structure());
    assertEquals(PageMetadata.NONE, r.metadata());
    assertEquals(Cleaner.news().clean(text).text(), r.text());
  }

  @Test
  void idempotentOnItsOwnOutputAsText() {
    CleanResult r = Cleaner.news().cleanHtml(page(), "");
    assertEquals(r.text(), Cleaner.news().clean(r.text()).text());
  }

  /**
   * A standfirst in an intro container of the article's header, separated from the body's
   * container by the headline, a date and a share row: the body's container wins the weights,
   * and the standfirst just before it stays as its lead. A teaser paragraph in a sidebar before
   * the header does not.
   */
  @Test
  void theLeadBeforeTheBodysContainerStays() {
    String lead = "Three new bus lines for the northern suburbs were approved after a long debate.";
    String teaser = "Another story about the harbour festival drew large crowds on the weekend.";
    StringBuilder sb = new StringBuilder("<html><body><nav><a href=/>Home</a> <a href=/n>News"
        + "</a></nav><div class=page><aside class=sidebar><p>").append(teaser)
        .append("</p></aside><div class=story><div class=story-top><div class=intro><h1>Council"
            + " expands buses</h1><div class=intro-text><p>").append(lead)
        .append("</p></div></div><div class=date>12.03.2024</div><div class=share-row><a href=#>"
            + "Share</a> <a href=#>Print</a></div></div><div class=story-main><div class=text>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("</div></div></div></div><footer><p>Copyright 2024 Daily.</p></footer></body>"
        + "</html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(lead), r.text());
    assertTrue(r.text().contains(PARAS[0]), r.text());
    assertFalse(r.text().contains(teaser), r.text());
    assertFalse(r.text().contains("Share"), r.text());
  }

  /**
   * Headings whose sections the rules removed entirely (a list of links under a heading, a share
   * row under a label) go with them; a heading over paragraphs stays.
   */
  @Test
  void aHeadingWithoutItsSectionGoes() {
    StringBuilder sb = new StringBuilder("<html><body><article><h1>Council expands buses</h1>");
    sb.append("<p>").append(PARAS[0]).append("</p><h2>What residents said</h2><p>")
        .append(PARAS[1]).append("</p><p>").append(PARAS[2]).append("</p>")
        .append("<h3>Worth a look</h3><ul>");
    for (int i = 0; i < 5; i++) {
      sb.append("<li><a href=/r").append(i).append(">Related story number ").append(i)
          .append("</a></li>");
    }
    sb.append("</ul><h3>Pass it on:</h3><div class=share-tools><a href=#>Facebook</a> "
        + "<a href=#>Twitter</a></div></article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains("What residents said"), r.text());
    assertTrue(r.text().contains(PARAS[2]), r.text());
    assertFalse(r.text().contains("Related story"), r.text());
    assertFalse(r.text().contains("Worth a look"), r.text());
    assertFalse(r.text().contains("Pass it on"), r.text());
  }

  /** An affiliate disclosure above the article is a legal notice, not its lead. */
  @Test
  void anAffiliateDisclosureIsNotTheLead() {
    String note = "This post may contain affiliate links, and we may earn a commission.";
    StringBuilder sb = new StringBuilder("<html><body><article><h1>Best bus passes</h1><p>")
        .append(note).append("</p><div class=body>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("</div></article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[1]), r.text());
    assertFalse(r.text().contains("affiliate"), r.text());
  }

  /**
   * A recipe: the steps' container weighs most, and the ingredient list beside it (many short
   * items free of links) costs the {@code <article>} around both more than half its weight; the
   * article element still holds the recipe, so the ingredients stay. The menu's links count.
   */
  @Test
  void aRecipesIngredientsStayWithItsSteps() {
    StringBuilder sb = new StringBuilder("<html><body><nav><ul>");
    for (int i = 0; i < 8; i++) {
      sb.append("<li><a href=/c").append(i).append(">Category ").append(i).append("</a></li>");
    }
    sb.append("</ul></nav><article><h1>Plum cake</h1><section class=ingredients><ul>");
    for (int i = 1; i <= 40; i++) {
      sb.append("<li>").append(i * 10).append(" g ingredient number ").append(i).append("</li>");
    }
    sb.append("</ul></section><div class=preparation>");
    sb.append("<p>").append(PARAS[0]).append("</p><p>").append(PARAS[1]).append("</p>");
    sb.append("</div></article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[1]), r.text());
    assertTrue(r.text().contains("ingredient number 7"), r.text());
    assertFalse(r.text().contains("Category 3"), r.text());
  }

  /**
   * A list named as related posts is furniture even when its summaries hold more running text
   * than the article: a list never wraps the article.
   */
  @Test
  void aListNamedRelatedGoesHoweverLongItsSummaries() {
    StringBuilder sb = new StringBuilder("<html><body><div class=post><h1>Buses</h1><div class=entry>"
        + "<p>").append(PARAS[0]).append("</p><p>").append(PARAS[1])
        .append("</p></div><ul class=related_posts>");
    for (int i = 0; i < 4; i++) {
      sb.append("<li><a href=/p").append(i).append(">Earlier story ").append(i).append("</a> ")
          .append("The harbour festival drew large crowds on the weekend, and the organisers said"
              + " they would hold it again next year with more stalls and a longer programme.")
          .append("</li>");
    }
    sb.append("</ul></div></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[1]), r.text());
    assertFalse(r.text().contains("harbour festival"), r.text());
  }

  /** The comment form's notice that a CMS prints in the page's language is not the article. */
  @Test
  void aCommentFormNoticeGoes() {
    StringBuilder sb = new StringBuilder("<html lang=de><body><article><h1>Busse</h1>");
    String[] de = {
      "Der Stadtrat hat am Dienstag beschlossen, das Busnetz zu erweitern und drei neue Linien"
          + " einzurichten, die ab dem nächsten Frühjahr die nördlichen Vororte anbinden.",
      "Die Kosten von rund vierzig Millionen Euro sollen zum größten Teil aus einem regionalen"
          + " Zuschuss bezahlt werden, während die Opposition lieber die Straßen saniert hätte.",
    };
    for (String p : de) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("<div><p>Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind"
        + " mit * markiert.</p></div></article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(de[1]), r.text());
    assertFalse(r.text().contains("veröffentlicht"), r.text());
  }

  /**
   * A related-story box in the middle of the article, headed by a 'Related' marker: the box
   * goes, and the article's paragraphs after it stay (the tail a text marker starts ends with the
   * box that holds it).
   */
  @Test
  void aRelatedBoxMidArticleEndsItsTailWithTheBox() {
    String after = "The council will publish the timetables of the new lines in the spring, after"
        + " a last round of consultation with the bus operators and the residents' groups.";
    StringBuilder sb = new StringBuilder("<html><body><article><h1>Buses</h1>");
    sb.append("<p>").append(PARAS[0]).append("</p><p>").append(PARAS[1]).append("</p>")
        .append("<div class=promo-related-post><h2>Related</h2><h3><a href=/x>Harbour festival"
            + " draws crowds</a></h3></div>")
        .append("<p>").append(PARAS[2]).append("</p><p>").append(after).append("</p>")
        .append("</article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[2]), r.text());
    assertTrue(r.text().contains(after), r.text());
    assertFalse(r.text().contains("Harbour festival"), r.text());
  }

  /** An embedded post's blockquote, named after its network, is quoted text of the article. */
  @Test
  void anEmbeddedPostsQuoteStays() {
    String quoted = "The new bus lines are the best news our neighbourhood has had in years,"
        + " and we will be on the first bus.";
    StringBuilder sb = new StringBuilder("<html><body><article><h1>Buses</h1>");
    sb.append("<p>").append(PARAS[0]).append("</p><blockquote class=twitter-tweet><p>")
        .append(quoted).append("</p>— Residents (@residents)</blockquote><p>").append(PARAS[1])
        .append("</p><div class=share-tools><a href=#>Share on a network</a></div>")
        .append("</article></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(quoted), r.text());
    assertTrue(r.text().contains(PARAS[1]), r.text());
    assertFalse(r.text().contains("Share on"), r.text());
  }

  /**
   * The page's last block, a heading with nothing after it, heads nothing; a feedback question
   * and a loading placeholder of the page's widgets go too.
   */
  @Test
  void aHeadingAtTheEndOfThePageAndWidgetPromptsGo() {
    StringBuilder sb = new StringBuilder("<html><body><article><h1>Buses</h1>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("<p>Was this article helpful?</p><p>Loading...</p></article>"
        + "<h3>Travel information</h3></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[2]), r.text());
    assertFalse(r.text().contains("helpful"), r.text());
    assertFalse(r.text().contains("Loading"), r.text());
    assertFalse(r.text().contains("Travel information"), r.text());
  }

  /**
   * A {@code <main>} holding many link lists around the article: the page's mark still makes it
   * the article, so a fact box beside the body's container stays, while the link lists inside
   * {@code <main>} go one by one.
   */
  @Test
  void theMainElementAroundTheBodyIsTheArticleWhateverItsMenusCost() {
    StringBuilder sb = new StringBuilder("<html><body><main><ul>");
    for (int i = 0; i < 30; i++) {
      sb.append("<li><a href=/s").append(i).append(">Section ").append(i).append("</a></li>");
    }
    sb.append("</ul><div class=facts><div>Route length: 14 km</div><div>Stops: 21</div>"
        + "<div>Opening: spring 2025</div></div><div class=story>");
    for (String p : PARAS) {
      sb.append("<p>").append(p).append("</p>");
    }
    sb.append("</div></main></body></html>");
    CleanResult r = Cleaner.news().cleanHtml(sb.toString(), "");
    assertTrue(r.text().contains(PARAS[2]), r.text());
    assertTrue(r.text().contains("Stops: 21"), r.text());
    assertFalse(r.text().contains("Section 7"), r.text());
  }
}
