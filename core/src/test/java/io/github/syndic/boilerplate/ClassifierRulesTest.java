package io.github.syndic.boilerplate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.text.BlockSegmenter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Behaviour of the individual rules on small synthetic documents. */
class ClassifierRulesTest {
  private static final String P1 =
      "The city council approved a new budget on Tuesday after a debate that lasted most of the night.";
  private static final String P2 =
      "Council members said the plan would fund road repairs and two new libraries in the north.";
  private static final String P3 =
      "The mayor is expected to sign the budget next week, according to a statement from her office.";

  /** Kind label per line (1-based); "content" for kept lines. */
  private static Map<Integer, String> kinds(BoilerplateConfig cfg, String text) {
    List<Block> blocks = BlockSegmenter.lines(text);
    Map<Integer, String> m = new HashMap<>();
    for (Block b : blocks) {
      m.put(b.line(), "content");
    }
    for (Removal r : BoilerplateClassifier.create(cfg).classify(blocks, null)) {
      m.put(r.block().line(), r.kind().label());
      assertTrue(!r.reason().isBlank(), "every removal names its evidence");
      assertTrue(r.score() > 0 && r.score() <= 1);
      assertTrue(fromRuleTable(r), "kind and score of a rule of the table: " + r);
    }
    return m;
  }

  /** True when some {@link Rule} gives {@code r}'s kind with {@code r}'s score. */
  private static boolean fromRuleTable(Removal r) {
    for (Rule rule : Rule.values()) {
      if ((rule.kind() == null || rule.kind() == r.kind()) && rule.confidence() == r.score()) {
        return true;
      }
    }
    return false;
  }

  @Test
  void aRuleOfFixedKindRefusesAnother() {
    BlockInfo b = new BlockInfo();
    assertThrows(IllegalStateException.class,
        () -> Rule.TIMESTAMP.apply(b, RemovalKind.NAVIGATION, "x"));
    assertThrows(IllegalStateException.class, () -> Rule.WHOLE_CUE.apply(b, "x"));
    Rule.WHOLE_CUE.apply(b, RemovalKind.TAGS, "x");
    assertEquals(RemovalKind.TAGS, b.kind);
    assertEquals(Rule.WHOLE_CUE.confidence(), b.score());
  }

  private static List<String> list(Map<Integer, String> m) {
    List<String> out = new ArrayList<>();
    for (int i = 1; i <= m.size(); i++) {
      out.add(m.get(i));
    }
    return out;
  }

  @Test
  void relatedCardInsideTheBody() {
    String doc = String.join("\n", P1,
        "Harbour cranes at dusk - Some Wire Agency, 1920, 03.11.2025",
        "Port authority opens tender for new terminal",
        "3 November 2025, 09:40 GMT",
        P2, P3);
    assertEquals(List.of("content", "caption", "related-headline", "timestamp", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  @Test
  void headlineAtTheTopIsKeptEvenBetweenFurniture() {
    String doc = String.join("\n", "Home | World | Business | Sport", "Council approves budget",
        "By Jane Doe", P1, P2);
    assertEquals(List.of("navigation", "content", "credit", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  @Test
  void readAlsoTailWithAnotherStory() {
    String doc = String.join("\n", P1, P2, "Tags: budget, council", "Read also:",
        "Storm closes mountain pass for a second day",
        "Heavy snow closed the mountain pass again on Wednesday, stranding dozens of lorries near the border.",
        "Road crews expect to reopen the route by the weekend if the weather clears as forecast.",
        "Similar articles", "• Flood barriers tested on the river", "• Rail strike called off");
    assertEquals(List.of("content", "content", "tags", "related-marker", "related-headline",
        "related-body", "related-body", "related-marker", "related-list", "related-list"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /**
   * A related card that a marker opens inside the body ('Related coverage', one headline), then
   * the article going on with paragraphs of its own vocabulary, its credit and tags, and only then
   * the tail: the paragraphs after the card are the article's; the tail's are another story's.
   */
  @Test
  void aCardInsideTheBodyIsNoTail() {
    String p4 = "Residents of the northern districts have waited more than a decade for a branch"
        + " of their own, and several petitions were sent to the mayor last winter.";
    String p5 = "Construction is due to start in the spring, with the first building opening to"
        + " readers about eighteen months later if the tender goes to plan.";
    String doc = String.join("\n", P1, P2, "Related coverage",
        "Storm closes mountain pass for a second day", P3, p4, p5, "Reporting by Jane Doe",
        "#budget #council", "Read also:", "Rail strike called off after late-night talks",
        "Union leaders agreed on Wednesday to call off next week's strike after the operator"
            + " raised its pay offer for a second time.");
    assertEquals(List.of("content", "content", "related-marker", "related-headline", "content",
        "content", "content", "credit", "tags", "related-marker", "related-headline",
        "related-body"), list(kinds(BoilerplateConfig.defaults(), doc)));
    // without the article's credit and tags after them, the same paragraphs read as a tail
    String tail = String.join("\n", P1, P2, "Related coverage",
        "Storm closes mountain pass for a second day", p4, p5);
    assertEquals(List.of("content", "content", "related-marker", "related-headline",
        "related-body", "related-body"), list(kinds(BoilerplateConfig.defaults(), tail)));
    assertTrue(Patterns.hashtagLine("#budget  \uFF03council #2025"));
    assertTrue(!Patterns.hashtagLine("#budget"));
    assertTrue(!Patterns.hashtagLine("The #budget vote"));
    assertTrue(!Patterns.hashtagLine("# #"));
  }

  /**
   * A card inside the body may carry the linked story's first paragraphs: they share the card
   * headline's words; the first paragraph that shares more with the article before the card is
   * the article going on.
   */
  @Test
  void aCardInsideTheBodyKeepsItsStorysParagraphs() {
    String storm = "Snow and strong winds closed the mountain pass again on Wednesday, and the"
        + " road agency said the pass would stay shut for a second day.";
    String back = "Council members said the budget also sets aside money for the libraries in"
        + " the northern districts, which the mayor had promised last year.";
    String doc = String.join("\n", P1, P2, "Read also:",
        "Storm closes mountain pass for a second day", storm, back, P3, "Reporting by Jane Doe");
    assertEquals(List.of("content", "content", "related-marker", "related-headline",
        "related-body", "content", "content", "credit"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
    // a linked story on the article's own topic: its lead restates its headline
    String lead = "The council said the budget for the northern library was cut after the mayor"
        + " asked for savings, and the branch will now open a year later than planned.";
    String roads = "Road repairs will start in the spring on the ring road and on both river"
        + " bridges, members of the council said after the vote.";
    String related = String.join("\n", P1, P2, "Read also:",
        "Northern library branch delayed by a year", lead, roads, P3, "Reporting by Jane Doe");
    assertEquals(List.of("content", "content", "related-marker", "related-headline",
        "related-body", "content", "content", "credit"),
        list(kinds(BoilerplateConfig.defaults(), related)));
  }

  /**
   * A wire story's long headline (a section label and 30 words, no sentence end) right after the
   * marker, then its dateline: the linked story's head, so its body goes too.
   */
  @Test
  void readAlsoTailWithALongWireHeadlineAndItsDateline() {
    String doc = String.join("\n", P1, P2, "Read also:",
        "Politics / Foreign minister tells his German counterpart at a joint news conference in"
            + " Berlin that relations with the neighbouring states depend on an end to interference"
            + " in their affairs and on talks",
        "BERLIN, 10 August 2015 (Wire Agency)",
        "The foreign minister said on Monday that his country wanted good relations with all of"
            + " its neighbours, provided they stayed out of each other's internal affairs.",
        "He spoke at a joint news conference with his German counterpart after talks on trade"
            + " and on the war in the region.");
    assertEquals(List.of("content", "content", "related-marker", "related-headline", "credit",
        "related-body", "related-body"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  @Test
  void articleGoesOnAfterAnInlineList() {
    String doc = String.join("\n", P1, P2, "Related stories",
        "Storm closes mountain pass for a second day", "Rail strike called off",
        P3, "Opposition councillors voted against the plan, saying the council should cut its debt first.");
    assertEquals(List.of("content", "content", "related-marker", "related-list", "related-list",
        "content", "content"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  @Test
  void menusShareRowsCountersAndCapsMenus() {
    String doc = String.join("\n", "NEWS", "SPORT", "Share  Tweet  Email", P1, "COSTS AND DEBT", P2,
        "14 comments", "Privacy Policy | Terms of Use | Cookie Settings");
    assertEquals(List.of("navigation", "navigation", "other", "content", "content", "content",
        "other", "legal"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  @Test
  void photoCreditsButNotWireDatelines() {
    String doc = String.join("\n", P1,
        "Councillors during the vote on Tuesday. Photo: Jane Doe/Some Agency",
        "(Reuters) - The council said on Wednesday that it would publish the full budget online next month.",
        P2);
    assertEquals(List.of("content", "caption", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /** Issue 15 item 7: an agency named with a hyphen at a paragraph's end is attribution, not a caption. */
  @Test
  void agencyAttributionEndingAParagraphIsArticleText() {
    String doc = String.join("\n", P1,
        "\u0414\u0435\u043f\u0443\u0442\u0430\u0442\u044b \u0437\u0430\u044f\u0432\u0438\u043b\u0438, \u0447\u0442\u043e \u043f\u043b\u0430\u043d"
            + " \u043f\u043e\u0437\u0432\u043e\u043b\u0438\u0442 \u043e\u0442\u0440\u0435\u043c\u043e\u043d\u0442\u0438\u0440\u043e\u0432\u0430\u0442\u044c"
            + " \u0434\u043e\u0440\u043e\u0433\u0438 \u0432 \u0433\u043e\u0440\u043e\u0434\u0435, \u043f\u0435\u0440\u0435\u0434\u0430\u0435\u0442"
            + " \u0418\u0422\u0410\u0420-\u0422\u0410\u0421\u0421.",
        P2, "Council members at the vote on Tuesday. Photo: Jane Doe - TASS");
    assertEquals(List.of("content", "content", "content", "caption"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
    // wire copy signs a paragraph off with its agency in parentheses; a caption is shorter
    String signed = String.join("\n", P1,
        "The regional delegate asked the company for a detailed report within 72 hours and warned"
            + " that the government would weigh every legal measure if negligence were proven. (EFE)",
        P2, "Council members at the vote on Tuesday. (EFE)");
    assertEquals(List.of("content", "content", "content", "caption"),
        list(kinds(BoilerplateConfig.defaults(), signed)));
  }

  /**
   * A photo credit after a slash: an outlet and a photographer in parentheses closing the caption,
   * or a name after the caption's last sentence; a unit, a price or a slash inside a sentence is
   * none.
   */
  @Test
  void photoCreditsAfterASlash() {
    String doc = String.join("\n", P1,
        "Dust clouds over the port on Tuesday morning (Channel Ten/ Mark Stone)",
        "Workers leave the morning shift at the plant on the harbour road. / Ana Ruiz", P2,
        "The limit on the bypass will fall to 80 (km/h) from next month, the council said.",
        "Get the app for free (Upgrade to Premium for $4.99/mo)", P3);
    assertEquals(List.of("content", "caption", "caption", "content", "content", "content",
        "content"), list(kinds(BoilerplateConfig.defaults(), doc)));
    assertEquals("(AP Photo/Jane Doe)",
        Patterns.slashCredit("Fans cheer in the second period. (AP Photo/Jane Doe)"));
    assertEquals(null, Patterns.slashCredit("Read the report on the and/or clauses / here"));
    assertEquals(null, Patterns.slashCredit("He said so. / he added"));
  }

  /**
   * A dateline credit: a place, an outlet or a name and, between spaced dashes, a credit cue or a
   * byline. Neither part alone, nor a headline with a dash, is one.
   */
  @Test
  void datelineCredits() {
    String doc = String.join("\n", "Council approves budget", "Riyadh - Agencies",
        "\u0646\u0628\u0636 \u0627\u0644\u0623\u062e\u0628\u0627\u0631 \u2013"
            + " \u0645\u062a\u0627\u0628\u0639\u0627\u062a", // 'Outlet – Follow-ups'
        "\u0633\u0648\u0633\u0629 - \u0643\u062a\u0628\u062a: \u0631\u064a\u0645"
            + " \u0628\u0646 \u0639\u0645\u0627\u0631", // 'Sousse - Written by: Name'
        P1, "Budget vote - what it means for you", P2,
        "\u0643\u062a\u0628 \u0627\u0644\u062a\u0627\u0631\u064a\u062e", P3); // 'History books'
    assertEquals(List.of("content", "credit", "credit", "credit", "content", "content", "content",
        "content", "content"), list(kinds(BoilerplateConfig.defaults(), doc)));
    assertEquals(List.of("Riyadh", "Agencies"), Patterns.dashParts("Riyadh - Agencies"));
    assertEquals(List.of("Baden-W\u00fcrttemberg 2-3"),
        Patterns.dashParts("Baden-W\u00fcrttemberg 2-3"));
  }

  /** A reading-time line (with a number; an abbreviated unit may close it with a full stop). */
  @Test
  void readingTimeLines() {
    String doc = String.join("\n", "Council approves budget", "4 min read", P1,
        "\u0412\u0440\u0435\u043c\u044f \u0447\u0442\u0435\u043d\u0438\u044f: 4"
            + " \u043c\u0438\u043d.", // 'Время чтения: 4 мин.'
        P2, "Reading time matters to 3 in 4 readers, the survey of the council found.", P3);
    assertEquals(List.of("content", "other", "content", "other", "content", "content",
        "content"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /**
   * Newsroom bylines ('Redacción Outlet con EFE'), copyright lines ('© 2012 Site'), arrows as
   * breadcrumb separators.
   */
  @Test
  void newsroomBylinesCopyrightLinesAndArrowBreadcrumbs() {
    String doc = String.join("\n", "News \u2192 Business \u2192 Markets",
        "Council approves budget", "Redacci\u00f3n NotiRed con EFE",
        "Redacci\u00f3n de la nueva ley", P1, P2, P3, "\u00a9 2012 Site");
    assertEquals(List.of("navigation", "content", "credit", "content", "content", "content",
        "content", "legal"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /**
   * Captions whose credit closes them: as a label after the last sentence ('Credit: ...'), after
   * an unfinished last sentence ('... Avenue. Photo by ...'), after the copyright sign. A
   * paragraph that ends a sentence after credit-like words stays.
   */
  @Test
  void captionsWithTheirCreditAtTheEnd() {
    String doc = String.join("\n", "Council approves budget", P1,
        "City crews load snow into dump trucks on Second Avenue. Photo by Courier-Post files",
        "A clip-on sensor attached to an inhaler logs each dose. Credit: Halvorsen Institute",
        "View of the bay at dawn. \u00a9 Sergei Gromov / Federal Courier",
        "Students leave the school at dismissal in January. Jane Roe / North Range Media",
        "Commuters board a train at the station during the evening rush hour. \u2014 Filepic",
        "File photo - Courier", P2,
        "The mayor said so on Monday. Photos of the harbour were shown to the council.", P3);
    assertEquals(List.of("content", "content", "caption", "caption", "caption", "caption",
        "caption", "caption", "content", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
    // a paragraph of wire copy signed off after a dash stays
    String signed = String.join("\n", "Council approves budget", P1, "The regional delegate asked"
        + " the company for a detailed report within 72 hours and warned that the government would"
        + " weigh every legal measure if negligence were proven. \u2014 Reuters", P2);
    assertEquals(List.of("content", "content", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), signed)));
    assertEquals(null, Patterns.creditClosingCaption("The vote was close. The count / recount took"
        + " two days.", 8));
    assertEquals("\u00a9 Sergei Gromov / Federal Courier",
        Patterns.creditClosingCaption("View of the bay. \u00a9 Sergei Gromov / Federal Courier", 8));
    assertEquals(null, Patterns.creditClosingCaption("\u00a9 2012 Site", 8));
  }

  /**
   * Media items with their running time, view counters, a role after a reporter's name, the
   * credits of agency copy and science sites, listening time.
   */
  @Test
  void mediaItemsCountersAndRoleBylines() {
    String doc = String.join("\n", "Council approves budget", "Jane Doe, Staff Writer",
        "Views: 4,312", "\u2014 With files from Ashton Pelletier", P1,
        "VIDEO: Nightly News Update \u2014 top stories from around the region (2:14)", P2,
        "Listen to this story: 4 minutes", "Provided by the Halvorsen Institute", P3,
        "Video shows 3 men leaving the station at 10:30 on Monday, police said.",
        "Oil, Reuters poll shows");
    assertEquals(List.of("content", "credit", "other", "credit", "content", "other", "content",
        "other", "credit", "content", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
    assertTrue(Patterns.hasRunningTime("Video: Title | 2:48 Min | Available until Friday"));
    assertTrue(Patterns.hasRunningTime("Watch (1:02:03)"));
    assertTrue(!Patterns.hasRunningTime("Score 3:2 after extra time"));
    assertEquals(List.of("Jane Doe", "Staff Writer"), Patterns.commaParts("Jane Doe, Staff Writer"));
  }

  /**
   * The end of an agency story and of a site's page: a contribution credit, a contact line, a
   * copyright sign before a year inside a line, a credit opening the caption's closing
   * parentheses, two timestamps between bars, a role byline closed by quotes.
   */
  @Test
  void creditsContactsNoticesAndBarredTimestamps() {
    String doc = String.join("\n", "Council approves budget",
        "Published 6:14 p.m. CT Feb. 27, 2024 | Updated 8:02 p.m. CT Feb. 27, 2024",
        "\u041c\u0430\u0440\u0438\u043d\u0430 \u0422\u0443\u043b\u0443\u043f\u043e\u0432\u0430,"
            + " \u043a\u043e\u0440\u0440\u0435\u0441\u043f\u043e\u043d\u0434\u0435\u043d\u0442"
            + " \u00ab\u0421\u0435\u0432\u0435\u0440\u00bb", // 'Name, correspondent «Outlet»'
        P1, "Daniel Okonjo celebrates his second goal in front of the home fans (Photo by Chris"
            + " Hollings/ProFrame Images)", P2, P3,
        "The Associated Press contributed to this report.",
        "Contact Dana Whitcomb at dwhitcomb@example.com or 414-555-0187.",
        "The Gazette is a member of the press regulator. \u00a9 2024 Gazette Newspapers Ltd");
    assertEquals(List.of("content", "timestamp", "credit", "content", "caption", "content",
        "content", "credit", "other", "legal"), list(kinds(BoilerplateConfig.defaults(), doc)));
    assertTrue(Patterns.copyrightNotice("\u00a9 Reuters"));
    assertTrue(!Patterns.copyrightNotice("The \u00a9 sign is drawn by hand in 12 styles."));
  }

  @Test
  void pageLayoutKeepsTheDensestTextRegion() {
    String doc = String.join("\n", "Home", "World", "Politics", "Council approves budget", P1, P2,
        "Subheading about costs", P3, "More from the site", "Five things to know about winter tyres",
        "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    m.replaceAll(k -> k.equals("content") ? "keep" : "drop");
    assertEquals(List.of("drop", "drop", "drop", "drop", "keep", "keep", "keep", "keep", "drop",
        "drop", "drop", "drop"), m);
  }

  /**
   * Issue 15, item 5: a short article and a longer read-also story after it; the densest region
   * is the other story, but a region that a tail marker announces is not the article when there
   * is running text before the marker.
   */
  @Test
  void pageLayoutPrefersTheArticleOverALongerStoryThatReadAlsoAnnounces() {
    String other = "Heavy snow closed the mountain pass again on Wednesday, stranding dozens of"
        + " lorries near the border for a second night.";
    String doc = String.join("\n", "Home", "World", "Politics", "Council approves budget", P1, P2,
        "Read also:", "Storm closes mountain pass for a second day", other,
        "Road crews expect to reopen the route by the weekend if the weather clears as forecast"
            + " by the national weather service on Tuesday.",
        "Drivers were told to avoid the route and to carry chains, water and blankets if they"
            + " had to travel through the valley at all.",
        "The police said that three lorries had slid off the road overnight but that nobody had"
            + " been hurt in any of the accidents.",
        "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    m.replaceAll(k -> k.equals("content") ? "keep" : "drop");
    assertEquals(List.of("drop", "drop", "drop", "drop", "keep", "keep", "drop", "drop", "drop",
        "drop", "drop", "drop", "drop", "drop"), m);
  }

  /** The body of a read-also story: three paragraphs of running text, one line each. */
  private static final String SNOW_BODY = String.join("\n",
      "Heavy snow closed the mountain pass again on Wednesday, stranding dozens of lorries near"
          + " the border for a second night while crews worked to clear the route.",
      "Road crews expect to reopen the route by the weekend if the weather clears as forecast"
          + " by the national weather service on Tuesday.",
      "Drivers were told to avoid the route and to carry chains, water and blankets if they"
          + " had to travel through the valley at all.");

  /**
   * A short article (one paragraph under a long line's weight) that its share line and a
   * read-also block close: still the article, not the longer story the marker announces, whose
   * head here is a headline, a byline and two short lead lines.
   */
  @Test
  void pageLayoutKeepsAShortArticleThatAReadAlsoBlockCloses() {
    String doc = String.join("\n", "Home", "World", "Politics", "Mayor opens the new bridge",
        "The mayor opened the new bridge over the river on Sunday morning.",
        "Share this article", "Read also:", "Storm closes mountain pass for a second day",
        "By Jane Doe", "Snow fell all night.", "Police closed the road.",
        SNOW_BODY, "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    assertEquals("content", m.get(4), m.toString());
    for (int i = 7; i < m.size(); i++) {
      assertTrue(!m.get(i).equals("content"), i + ": " + m);
    }
  }

  /** A long sentence of names and titles (almost no free-standing stopword) is a lead. */
  private static final String NAMES_LEAD = "Prince Khalid bin Salman, Deputy Defence Minister,"
      + " Chairman Saud Al Faisal, Governor Ahmed Al Khateeb, Lieutenant Fahd Al Harbi, Sergeant"
      + " Omar Al Zahrani, Colonel Turki Al Malki, Brigadier Yahya Asiri, Major Nasser Al Qahtani"
      + " received awards.";

  /** Next to running text, a long sentence-ended line is the article whatever its stopwords. */
  @Test
  void pageLayoutKeepsALongSentenceOfNamesNextToRunningText() {
    String doc = String.join("\n", "Home", "World", "Business", "Markets", NAMES_LEAD, P1, P2, P3,
        "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    assertEquals(List.of("content", "content", "content", "content"), m.subList(4, 8), m.toString());
  }

  /**
   * A one-paragraph article that is one long sentence of names, then 'read also' with a longer
   * story: the paragraph is the article, though alone it is no running text by its stopwords.
   */
  @Test
  void pageLayoutKeepsAOneSentenceArticleBeforeAReadAlsoStory() {
    String doc = String.join("\n", "Home", "World", "Politics", "Sport", "Weather",
        "Officers honoured", NAMES_LEAD, "Share this article", "Read also:",
        "Storm closes mountain pass for a second day",
        SNOW_BODY, "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    assertEquals("content", m.get(6), m.toString());
    for (int i = 9; i < m.size(); i++) {
      assertTrue(!m.get(i).equals("content"), i + ": " + m);
    }
  }

  /** A header's call to action far above a list marker does not outweigh the article after it. */
  @Test
  void pageLayoutIgnoresAShortSentenceFarAboveAMarker() {
    String doc = String.join("\n", "Get breaking news in your browser. Click here to turn it on.",
        "Home", "World", "Politics", "Sport", "Weather", "Trending",
        "Council approves budget", P1, P2, P3, "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    assertEquals(List.of("content", "content", "content"), m.subList(8, 11), m.toString());
    assertTrue(!m.get(0).equals("content"), m.toString());
  }

  /** Four teasers of other stories (headline, author, date, a summary as long as a paragraph). */
  private static final String[] TEASERS = {
      "Harbour dredging delayed again", "By Ann Lee", "November 19, 2019 at 8:40 AM",
      "The dredging of the inner harbour, planned for the spring, has been put off for another"
          + " year because the contractor and the port authority still disagree about who should"
          + " pay for moving the old pipelines under the quay.",
      "Library reopens after repairs", "By Tom Ford", "November 18, 2019 at 5:10 PM",
      "The central library opened its doors again on Monday after eight months of repairs to"
          + " the roof and the heating, and the staff said that the number of visitors on the first"
          + " day was higher than they had expected.",
      "Bus fares rise in January", "By Mia Wong", "November 18, 2019 at 9:02 AM",
      "Bus fares in the city will rise by ten cents in January, the transport board said on"
          + " Monday, blaming the cost of fuel and of the new electric buses that the council"
          + " ordered last year from a supplier abroad.",
      "School meals to be free", "By Raj Patel", "November 17, 2019 at 7:45 PM",
      "Every primary school pupil in the region will get a free lunch from next autumn under a"
          + " plan that the education committee approved on Sunday after a long debate about its"
          + " cost and about who would cook the meals."};

  /** In the page layout, lines {@code [from, to)} of {@code lines} are kept and no other. */
  private static void assertOnlyKept(List<String> lines, int from, int to) {
    List<String> m = list(kinds(BoilerplateConfig.pages(), String.join("\n", lines)));
    for (int i = 0; i < m.size(); i++) {
      assertEquals(i >= from && i < to, m.get(i).equals("content"), i + ": " + m);
    }
  }

  /**
   * A list of dated teasers after the article: the date recurs at a fixed distance, so the
   * summaries, long as they are, are a list's and not the article's running text.
   */
  @Test
  void pageLayoutLeavesAListOfDatedTeasersOut() {
    List<String> lines = new ArrayList<>(List.of("Home", "World", "Politics",
        "Council approves budget", P1, P2, P3));
    lines.addAll(List.of(TEASERS));
    lines.addAll(List.of("Contact", "About"));
    assertOnlyKept(lines, 4, 7);
  }

  /**
   * Comments under an article (name, date, text), the last one longer than the article: a
   * region that starts right after a list of dated cards is more of the list.
   */
  @Test
  void pageLayoutKeepsTheArticleBeforeItsComments() {
    List<String> lines = new ArrayList<>(List.of("Home", "World", "Politics",
        "Council approves budget", P1, P2, P3, "12 comments"));
    String[] names = {"river_fan", "jane_leeds", "old_timer", "north_side"};
    for (int i = 0; i < names.length; i++) {
      lines.add(names[i]);
      lines.add("November " + (18 + i) + ", 2019 at 10:1" + i + " am");
      lines.add("I think the council has got this right, the libraries are overdue anyway.");
    }
    lines.add("long_reader");
    lines.add("November 22, 2019 at 11:30 am");
    for (int i = 0; i < 3; i++) {
      lines.add(TEASERS[3 + 4 * i]);
    }
    assertOnlyKept(lines, 4, 7);
  }

  /**
   * A short article under its own date, then a list of dated headlines whose first date follows
   * the article's within a card's length: the article's date heads more text than the cards, so
   * it does not start the list.
   */
  @Test
  void pageLayoutKeepsAShortArticleAboveADatedList() {
    List<String> lines = new ArrayList<>(List.of("Home", "World", "Politics",
        "Council approves budget", "By Staff", "November 20, 2019 10:43", P1, P2));
    for (int i = 0; i < 5; i++) {
      lines.add(TEASERS[4 * (i % 4)]);
      lines.add("By Staff");
      lines.add("11/" + (19 - i) + "/2019 01:14 PM");
    }
    lines.addAll(List.of("Contact", "About"));
    List<String> m = list(kinds(BoilerplateConfig.pages(), String.join("\n", lines)));
    assertEquals(List.of("content", "content"), m.subList(6, 8), m.toString());
  }

  /**
   * Prose below the page's legal links (a contact notice in the footer), longer than the
   * article: the article above the footer is the page's region.
   */
  @Test
  void pageLayoutKeepsTheArticleAboveTheFootersProse() {
    String doc = String.join("\n", "Home", "World", "Politics", "Council approves budget", P1,
        P2, "About Us", "Copyright", "Terms of Service", "Privacy Policy", "Newsletter", "Jobs",
        "The customer service centre of the newspaper can be reached with any question or request"
            + " by telephone or by e-mail, and it is staffed from Sunday to Thursday between seven"
            + " in the morning and two in the afternoon, and on Fridays for questions about"
            + " delivery only, between seven and one; subscribers abroad can write to the centre"
            + " at any time.");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    assertEquals(List.of("content", "content"), m.subList(4, 6), m.toString());
    assertTrue(!m.get(12).equals("content"), m.toString());
  }

  /**
   * A live blog's entries (a time, then a paragraph) are the article: two lines at one distance
   * are not a list of cards.
   */
  @Test
  void pageLayoutKeepsALiveBlogsTimedEntries() {
    List<String> lines = new ArrayList<>(List.of("Home", "World", "Politics",
        "Council budget vote: live"));
    String[] times = {"10:02 AM", "10:15 AM", "10:31 AM", "10:48 AM"};
    for (int i = 0; i < times.length; i++) {
      lines.add(times[i]);
      lines.add(TEASERS[3 + 4 * i]);
    }
    lines.addAll(List.of("Contact", "About"));
    List<String> m = list(kinds(BoilerplateConfig.pages(), String.join("\n", lines)));
    for (int i = 5; i < 12; i += 2) {
      assertEquals("content", m.get(i), i + ": " + m);
    }
  }

  /** Trademark notices and health disclaimers printed under every page are legal lines. */
  @Test
  void trademarkAndHealthDisclaimersAreLegal() {
    String doc = String.join("\n", P1, P2,
        "Apple and iPhone are registered trademarks of Apple Inc., registered in the U.S. and"
            + " other countries.",
        "*These statements have not been evaluated by the Food and Drug Administration. This"
            + " product is not intended to diagnose, treat, cure or prevent any disease.",
        "Android ist eine eingetragene Marke von Google LLC.");
    assertEquals(List.of("content", "content", "legal", "legal", "legal"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /**
   * A tag cloud flattened to one line (its words in alphabetical order) is tags; a long sentence
   * and a line of one word repeated are not.
   */
  @Test
  void aLongLineOfWordsInAlphabeticalOrderIsATagCloud() {
    String cloud = "agriculture airport budget bridges buses climate council courts culture"
        + " education elections energy environment festivals football health housing libraries"
        + " parks police schools taxes tourism transport weather";
    String doc = String.join("\n", P1, cloud, P2,
        "By by by by by by by by by by by by by by by by by by by by by by by by", P3);
    assertEquals(List.of("content", "tags", "content", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /** Default strings of blog engines: post navigation and comment-form notices. */
  @Test
  void blogEngineDefaultStringsAreFurniture() {
    String doc = String.join("\n", P1, P2, "Previous post", "Older posts",
        "This site uses Akismet to reduce spam. Learn how your comment data is processed.",
        "Notify me of follow-up comments by email.", P3);
    assertEquals(List.of("content", "content", "navigation", "navigation", "other", "other",
        "content"), list(kinds(BoilerplateConfig.defaults(), doc)));
  }

  /**
   * A live blog whose entries carry a heading (time, heading, paragraph): three lines at one
   * distance, but a time alone names no day, so the entries are no list of dated cards.
   */
  @Test
  void pageLayoutKeepsALiveBlogsHeadedEntries() {
    List<String> lines = new ArrayList<>(List.of("Home", "World", "Politics",
        "Council budget vote: live"));
    String[] times = {"10:02 AM", "10:15 AM", "10:31 AM", "10:48 AM"};
    for (int i = 0; i < times.length; i++) {
      lines.add(times[i]);
      lines.add(TEASERS[4 * i]);
      lines.add(TEASERS[3 + 4 * i]);
    }
    lines.addAll(List.of("Contact", "About"));
    List<String> m = list(kinds(BoilerplateConfig.pages(), String.join("\n", lines)));
    for (int i = 6; i < 16; i += 3) {
      assertEquals("content", m.get(i), i + ": " + m);
    }
  }

  /** A share bar flattened to words: every phrase a whole-line cue, no separators. */
  @Test
  void aRowOfCuesWithoutSeparatorsIsFurniture() {
    String doc = String.join("\n", P1, "Share this story: Facebook Twitter Email", P2,
        "Facebook and Twitter agreed to the new rules on Monday", P3);
    Map<Integer, String> m = kinds(BoilerplateConfig.defaults(), doc);
    assertTrue(!m.get(2).equals("content"), m.toString());
    assertEquals("content", m.get(4), "a sentence about the networks is text: " + m);
  }

  /** Two items of a short line make a menu only with a visible separator, not a double space. */
  @Test
  void aHeadlinesStrayDoubleSpaceIsNotAMenu() {
    String doc = String.join("\n", "Home > World", P1, "Tourists anger  Prague residents", P2);
    Map<Integer, String> m = kinds(BoilerplateConfig.defaults(), doc);
    assertEquals("navigation", m.get(1), m.toString());
    assertEquals("content", m.get(3), m.toString());
  }

  /**
   * jusText's context rule in the page layout: a lead dense with names and figures (few stopwords)
   * next to running text is running text too; alone among menus it is not.
   */
  @Test
  void pageLayoutKeepsALeadOfNamesAndFiguresNextToRunningText() {
    String lead = "Acme, Globex, Initech and Umbrella Holdings reported quarterly revenue of 4.2"
        + " billion dollars, 12 percent higher, Jefferies, Barclays and UBS analysts noted.";
    String doc = String.join("\n", "Home", "World", "Business", "Markets", lead, P1, P2, P3,
        "Contact", "About");
    List<String> m = list(kinds(BoilerplateConfig.pages(), doc));
    m.replaceAll(k -> k.equals("content") ? "keep" : "drop");
    assertEquals(List.of("drop", "drop", "drop", "drop", "keep", "keep", "keep", "keep", "drop",
        "drop"), m);
  }

  @Test
  void contextRulesCanBeSwitchedOff() {
    String doc = String.join("\n", P1, "Read also:", "Storm closes mountain pass", P2 + " More text.");
    Map<Integer, String> m = kinds(BoilerplateConfig.defaults().withContextRules(false), doc);
    assertEquals(List.of("content", "related-marker", "content", "content"), list(m));
  }

  @Test
  void commentAuthorLinesOnlyWhenThereAreSeveral() {
    String one = String.join("\n", P1, "The mayor says:", P2);
    assertEquals(List.of("content", "content", "content"),
        list(kinds(BoilerplateConfig.defaults(), one)));
    String comments = String.join("\n", P1, P2, "river_fan says:", P3, "Jane from Leeds says:",
        "I think the council has got this exactly right, and the libraries are overdue anyway.");
    assertEquals(List.of("content", "content", "other", "content", "other", "content"),
        list(kinds(BoilerplateConfig.defaults(), comments)));
  }

  @Test
  void nullInputsAreRejected() {
    assertThrows(NullPointerException.class, () -> BoilerplateClassifier.create(null));
    assertThrows(NullPointerException.class,
        () -> BoilerplateClassifier.defaults().classify(null, null));
    assertEquals(List.of(), BoilerplateClassifier.defaults().classify(List.of(), null));
  }

  @Test
  void kindsAreBoilerplateKindsOnly() {
    String doc = String.join("\n", "Home | World", P1, P1, "Source: Agencies");
    for (Removal r : BoilerplateClassifier.defaults().classify(BlockSegmenter.lines(doc), null)) {
      assertTrue(!r.kind().isDuplicate(), r.toString());
    }
    assertEquals(RemovalKind.CREDIT, BoilerplateClassifier.defaults()
        .classify(BlockSegmenter.lines(doc), null).get(1).kind());
  }
}
