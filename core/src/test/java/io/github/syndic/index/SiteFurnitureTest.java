package io.github.syndic.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.syndic.testing.LineLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pages built by wrapping the project's own test articles (testdata/index/articles) in the
 * furniture of three invented sites: header and menus, share lines, a most-read list, footer. The
 * furniture is about as long as the article and differs between sites.
 */
class SiteFurnitureTest {
  private static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

  private static final String[] SITES = {"dailyherald", "morningpost", "alkhabar"};

  private static Map<String, String> articles() throws IOException {
    Path dir = LineLabels.testdata().resolve("index").resolve("articles");
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.sorted().toList()) {
        m.put(p.getFileName().toString().replace(".txt", ""), Files.readString(p, StandardCharsets.UTF_8));
      }
    }
    return m;
  }

  private static String header(String site) {
    return switch (site) {
      case "dailyherald" -> """
          The Daily Herald - News you can trust since 1921
          Home | World | Politics | Business | Sport | Culture | Weather | Opinion
          Subscribe now and get your first month free
          Sign in | Register | Newsletters | Podcasts | Puzzles
          """;
      case "morningpost" -> """
          MORNING POST
          Latest  Local  National  Money  Tech  Football  Arts  Travel  Recipes
          Breaking: follow our live coverage all day
          Download the Morning Post app for iPhone and Android
          """;
      default -> """
          الخبر - صحيفة إلكترونية يومية
          الرئيسية | محليات | اقتصاد | رياضة | ثقافة | منوعات | رأي | اتصل بنا
          تابعونا على شبكات التواصل الاجتماعي
          اشترك في النشرة البريدية ليصلك كل جديد
          """;
    };
  }

  private static String footer(String site) {
    return switch (site) {
      case "dailyherald" -> """
          Share this article: Facebook Twitter WhatsApp Email Print
          Most read
          1. Ten things to do in the city this weekend with children
          2. Council tax to rise for the third year running, say officials
          3. Local bakery wins national award for its sourdough loaf
          4. Police appeal for witnesses after late night collision
          5. Schools prepare for new term as teachers vote on pay offer
          About us | Contact | Advertise with us | Careers | Privacy policy | Cookie settings
          Copyright The Daily Herald Media Group. All rights reserved. Reproduction without permission is prohibited.
          """;
      case "morningpost" -> """
          SHARE  TWEET  EMAIL  COPY LINK
          Trending now
          Heatwave warning issued as temperatures climb across the region
          Transfer news: striker signs four year deal with city club
          Recipe of the week: slow cooked lamb with spring vegetables
          Property prices in the suburbs hit record high, agents say
          Terms of use  Privacy  Accessibility  Site map  Corrections  Contact the newsroom
          (c) Morning Post Publishing Ltd. Registered in the city, company number 0042.
          """;
      default -> """
          شارك الخبر: فيسبوك تويتر واتساب البريد الإلكتروني
          الأكثر قراءة
          ارتفاع درجات الحرارة في معظم المناطق خلال الأيام المقبلة
          افتتاح معرض الكتاب الدولي بمشاركة مئات دور النشر
          منتخب الشباب يتأهل إلى الدور النهائي بعد فوز مثير
          أسعار الذهب تتراجع في ختام تعاملات الأسبوع
          من نحن | سياسة الخصوصية | شروط الاستخدام | أعلن معنا | اتصل بنا
          جميع الحقوق محفوظة لصحيفة الخبر الإلكترونية
          """;
    };
  }

  private static String page(String site, String article) {
    return header(site) + "\n" + article + "\n" + footer(site);
  }

  private static List<Doc> pages() throws IOException {
    List<Doc> docs = new ArrayList<>();
    int t = 0;
    for (Map.Entry<String, String> a : articles().entrySet()) {
      for (String site : SITES) {
        docs.add(new Doc(site + "/" + a.getKey(), page(site, a.getValue()), T0.plusSeconds(t++), site));
      }
    }
    return docs;
  }

  private static void assertStoriesSeparatedAndCopiesJoined(java.util.function.Function<String, Object> cluster,
      List<Doc> docs) {
    for (Doc a : docs) {
      for (Doc b : docs) {
        if (a == b) {
          continue;
        }
        String sa = a.id().substring(a.id().indexOf('/'));
        String sb = b.id().substring(b.id().indexOf('/'));
        if (sa.equals(sb)) {
          assertEquals(cluster.apply(a.id()), cluster.apply(b.id()), "copies " + a.id() + " " + b.id());
        } else {
          assertNotEquals(cluster.apply(a.id()), cluster.apply(b.id()), "stories " + a.id() + " " + b.id());
        }
      }
    }
  }

  @Test
  void batchLearnsEachSiteTemplateFromTheBatch() throws IOException {
    List<Doc> docs = pages();
    Clusters c = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertEquals(articles().size(), c.clusters().size());
    assertStoriesSeparatedAndCopiesJoined(c::clusterOf, docs);
  }

  @Test
  void withoutTemplatesTheFurnitureHidesTheCopies() throws IOException {
    List<Doc> docs = pages();
    // The control: no template learning and no cleaning, so each site's furniture stays in the
    // signature (the cleaner's general rules alone already remove much of this invented
    // furniture, which is why they are off here).
    Clusters c = NearDuplicateIndex.cluster(
        docs, IndexConfig.builder().sourceTemplates(false).clean(false).build());
    assertTrue(c.clusters().size() > articles().size(),
        "with each site's furniture kept, copies on different sites should not all match: " + c.clusters());
  }

  @Test
  void batchWithoutSourcesLearnsAcrossTheBatch() throws IOException {
    List<Doc> docs = new ArrayList<>();
    for (Doc d : pages()) {
      docs.add(new Doc(d.id(), d.text(), d.timestamp(), null));
    }
    Clusters c = NearDuplicateIndex.cluster(docs, IndexConfig.defaults());
    assertStoriesSeparatedAndCopiesJoined(c::clusterOf, docs);
  }

  @Test
  void liveIndexGainsEachSiteTemplateAsPagesArrive() throws IOException {
    NearDuplicateIndex ix = NearDuplicateIndex.create(IndexConfig.defaults());
    // Each site first publishes a few other stories; the index learns its furniture from them.
    int t = 0;
    for (String site : SITES) {
      for (int i = 0; i < SourceTemplates.MIN_DOCS; i++) {
        ix.add(site + "/other" + i, page(site, TestTexts.story(site.hashCode() + i, 4, 30)),
            T0.plusSeconds(t++), site);
      }
    }
    List<Doc> docs = pages();
    for (Doc d : docs) {
      ix.add(d);
    }
    assertStoriesSeparatedAndCopiesJoined(ix::clusterOf, docs);
  }
}
