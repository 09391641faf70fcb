package io.github.syndic.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A crawled feed built from a near-duplicate evaluation set (docs/, docs.tsv, pairs.tsv): every
 * article wrapped in the site furniture of its outlet, as a crawler that keeps whole pages sees
 * it. Each outlet gets one of {@link #STYLES} invented site templates: a header with the site's
 * name, a menu (one line or one item per line), a breadcrumb, for some a one-line read-also link
 * inside the body, share buttons, a read-also block with the headline and body (whole or first
 * paragraphs) of another story of the same outlet, a related list and a most-read list of that
 * outlet's other headlines, and a footer. The
 * furniture phrases are common Arabic site phrasings written for this generator, not taken from
 * any page of the set. The labels stay those of the set: wrapping changes no story.
 *
 * <p>Deterministic: the same set gives the same files (choices come from seeded generators keyed
 * by document ids). Not thread-safe (a static helper; use from one thread).
 */
final class CrawledFeed {
  private CrawledFeed() {}

  /** One invented site template. */
  record Style(
      String tagline,
      List<String> menu,
      boolean menuOneLine,
      String breadcrumbHome,
      String share,
      String readAlso,
      boolean readAlsoInside,
      int readAlsoParagraphs,
      String related,
      String mostRead,
      List<String> footer) {}

  /** Section names for menus. */
  private static final List<String> SECTIONS = List.of("الرئيسية", "محليات", "سياسة", "اقتصاد",
      "رياضة", "ثقافة وفنون", "منوعات", "مقالات", "تقارير", "صحة", "تقنية", "فيديو");

  static final List<Style> STYLES = List.of(
      new Style("صحيفة إلكترونية يومية شاملة", SECTIONS.subList(0, 9), true, "الرئيسية",
          "شارك الخبر: فيسبوك تويتر واتساب", "اقرأ أيضاً:", false, 0, "أخبار ذات صلة",
          "الأكثر قراءة", List.of("من نحن | اتصل بنا | سياسة الخصوصية | شروط الاستخدام",
              "جميع الحقوق محفوظة © 2015")),
      new Style("أخبار المملكة والعالم على مدار الساعة", SECTIONS.subList(0, 7), false,
          "الصفحة الرئيسية", "مشاركة", "اقرأ أيضا", false, 3, "مواضيع ذات صلة",
          "الأكثر مشاهدة", List.of("اتصل بنا", "أعلن معنا", "سياسة الخصوصية",
              "© جميع الحقوق محفوظة 2015")),
      new Style("الخبر كما هو", SECTIONS.subList(1, 10), true, "الرئيسية", "تويتر فيسبوك طباعة",
          "إقرأ أيضاً", true, 0, "قد يهمك أيضاً", "الأكثر تداولاً",
          List.of("جميع الحقوق محفوظة لصحيفة 2015", "يمنع نسخ أو إعادة نشر المحتوى دون إذن مسبق")),
      new Style("يومية سعودية مستقلة", SECTIONS.subList(2, 12), false, "الرئيسية",
          "شارك على: فيسبوك | تويتر | واتساب | البريد", "اقرأ المزيد:", false, 2,
          "مقالات مشابهة", "الأكثر قراءة اليوم",
          List.of("عن الصحيفة | هيئة التحرير | الإعلانات | اتصل بنا", "حقوق النشر محفوظة 2015")),
      new Style("بوابتك إلى الأخبار", SECTIONS.subList(0, 8), true, "الرئيسية", "أرسل لصديق",
          "شاهد أيضاً", true, 3, "أخبار متعلقة", "الأكثر قراءة",
          List.of("الشروط والأحكام - سياسة الخصوصية - خريطة الموقع", "© 2015 جميع الحقوق محفوظة")),
      new Style("أخبار محلية ودولية", SECTIONS.subList(3, 12), false, "الرئيسية",
          "شارك هذا المقال", "اقرأ أيضا:", false, 0, "المزيد من الأخبار", "الأكثر تعليقاً",
          List.of("جميع المواد المنشورة تعبر عن رأي كتابها", "جميع الحقوق محفوظة 2015")));

  /** A story of the set: id, outlet, title (first line) and body lines. */
  private record Story(String id, String source, String title, List<String> body) {}

  /**
   * Writes the crawled copy of {@code set} (a folder with docs/, docs.tsv, pairs.tsv) to {@code
   * out}: out/docs/ID.txt wrapped, docs.tsv and pairs.tsv copied.
   */
  static void write(Path set, Path out) throws IOException {
    Map<String, List<Story>> bySource = new TreeMap<>();
    List<Story> all = new ArrayList<>();
    List<String> meta = Files.readAllLines(set.resolve("docs.tsv"), StandardCharsets.UTF_8);
    for (String row : meta.subList(1, meta.size())) {
      String[] f = row.split("\t", -1);
      Path p = set.resolve("docs").resolve(f[0] + ".txt");
      if (!Files.exists(p)) {
        continue;
      }
      List<String> lines = new ArrayList<>();
      for (String l : Files.readString(p, StandardCharsets.UTF_8).split("\n")) {
        if (!l.isBlank()) {
          lines.add(l);
        }
      }
      if (lines.isEmpty()) {
        continue;
      }
      Story s = new Story(f[0], f[1], lines.get(0), lines.subList(1, lines.size()));
      all.add(s);
      bySource.computeIfAbsent(s.source(), k -> new ArrayList<>()).add(s);
    }
    List<String> sources = new ArrayList<>(bySource.keySet());
    Files.createDirectories(out.resolve("docs"));
    for (Story s : all) {
      int outlet = sources.indexOf(s.source());
      String page = page(s, bySource.get(s.source()), STYLES.get(outlet % STYLES.size()),
          new SplittableRandom(s.id().hashCode() * 0x9E3779B97F4A7C15L));
      Files.writeString(out.resolve("docs").resolve(s.id() + ".txt"), page, StandardCharsets.UTF_8);
    }
    Files.copy(set.resolve("docs.tsv"), out.resolve("docs.tsv"));
    Files.copy(set.resolve("pairs.tsv"), out.resolve("pairs.tsv"));
  }

  /** Another story of the same outlet (or null when the outlet has only this one). */
  private static Story other(Story s, List<Story> outlet, SplittableRandom r) {
    if (outlet.size() < 2) {
      return null;
    }
    Story o;
    do {
      o = outlet.get(r.nextInt(outlet.size()));
    } while (o == s);
    return o;
  }

  static String page(Story s, List<Story> outlet, Style st, SplittableRandom r) {
    List<String> out = new ArrayList<>();
    String site = s.source().toUpperCase(java.util.Locale.ROOT);
    out.add(site + " - " + st.tagline());
    if (st.menuOneLine()) {
      out.add(String.join(" | ", st.menu()));
    } else {
      out.addAll(st.menu());
    }
    out.add(st.breadcrumbHome() + " > " + st.menu().get(1 + r.nextInt(st.menu().size() - 1)));
    out.add(s.title());
    int cut = st.readAlsoInside() ? Math.min(2, s.body().size()) : s.body().size();
    out.addAll(s.body().subList(0, cut));
    Story link = other(s, outlet, r);
    if (st.readAlsoInside() && link != null) {
      out.add(st.readAlso() + " " + link.title());
    }
    out.addAll(s.body().subList(cut, s.body().size()));
    out.add(st.share());
    Story linked = other(s, outlet, r);
    if (linked != null) {
      out.add(st.readAlso());
      out.add(linked.title());
      int n = st.readAlsoParagraphs() == 0 ? linked.body().size()
          : Math.min(st.readAlsoParagraphs(), linked.body().size());
      out.addAll(linked.body().subList(0, n));
    }
    out.add(st.related());
    for (int i = 0; i < 3; i++) {
      Story o = other(s, outlet, r);
      if (o != null) {
        out.add(o.title());
      }
    }
    out.add(st.mostRead());
    for (int i = 0; i < 5; i++) {
      Story o = other(s, outlet, r);
      if (o != null) {
        out.add((i + 1) + ". " + o.title());
      }
    }
    out.addAll(st.footer());
    return String.join("\n", out) + "\n";
  }

  /** Writes the crawled copy of args[0] to args[1] (for measuring with syndic or score.py). */
  public static void main(String[] args) {
    try {
      write(Path.of(args[0]), Path.of(args[1]));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
