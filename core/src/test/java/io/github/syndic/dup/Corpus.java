package io.github.syndic.dup;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Hand-written news-like paragraphs in three languages (written for these tests). */
final class Corpus {
  private Corpus() {}

  static final List<String> AR =
      List.of(
          "أعلنت وزارة الصحة اليوم الأحد عن افتتاح مستشفى جديد في مدينة الدمام بسعة مئتي سرير، ويضم المستشفى أقساما متخصصة في أمراض القلب والأطفال والطوارئ.",
          "وقال المتحدث باسم الوزارة إن المشروع استغرق ثلاث سنوات من العمل المتواصل، وإن الكادر الطبي سيبدأ استقبال المرضى مطلع الشهر المقبل بعد استكمال التجهيزات.",
          "وأضاف أن الوزارة تعمل على توسيع شبكة المراكز الصحية في المناطق الريفية لتقليل أوقات الانتظار وتحسين جودة الخدمات المقدمة للمواطنين والمقيمين.",
          "من جهة أخرى، أكد مدير المستشفى أن الإدارة وقعت اتفاقيات تدريب مع جامعات محلية ودولية لتأهيل الأطباء والممرضين على أحدث الأجهزة والتقنيات.",
          "ويأتي افتتاح المستشفى ضمن خطة وطنية شاملة تهدف إلى رفع كفاءة القطاع الصحي وزيادة عدد الأسرة في المستشفيات الحكومية خلال السنوات الخمس المقبلة.",
          "وأشار التقرير السنوي للوزارة إلى ارتفاع عدد المراجعين في العام الماضي بنسبة كبيرة مقارنة بالعام الذي سبقه، خاصة في أقسام الطوارئ والعيادات الخارجية.");

  static final String AR_REWORDED_1 =
      "وأوضح المتحدث باسم الوزارة أن المشروع استغرق ثلاث سنوات من العمل المستمر، وأن الطاقم الطبي سيبدأ استقبال المرضى بداية الشهر المقبل بعد استكمال التجهيزات.";

  static final List<String> EN =
      List.of(
          "The city council approved a new budget on Tuesday that sets aside money for road repairs, public libraries and a program to plant trees along the river.",
          "Council members debated the plan for more than four hours before voting, with several of them warning that the cost of the road program could rise sharply next year.",
          "The mayor said the budget keeps property taxes flat for a third straight year while adding funds for after-school programs and emergency housing.",
          "Local business groups welcomed the decision, saying that better roads would help shops in the old town attract more visitors during the summer season.",
          "Critics argued that the council had not explained how it would pay for the tree program once a federal grant expires, and asked for a public hearing.",
          "The budget takes effect at the start of the next fiscal year, and the first repair crews are expected to begin work on the eastern bridge in the spring.");

  static final String EN_REWORDED_1 =
      "Council members argued over the plan for more than four hours before the vote, and several of them warned that the cost of the road program could rise steeply next year.";

  static final List<String> RU =
      List.of(
          "Правительство региона объявило во вторник о запуске программы по ремонту школ, в рамках которой до конца года будут обновлены спортивные залы и столовые.",
          "По словам министра образования, на первом этапе работы пройдут в сельских районах, где многие здания не ремонтировались больше двадцати лет.",
          "Министр также сообщил, что родители и учителя смогут следить за ходом работ на специальном сайте и оставлять там свои замечания и предложения.",
          "Депутаты местного парламента поддержали инициативу, однако попросили правительство заранее опубликовать список школ и сроки завершения ремонта.",
          "Эксперты отмечают, что программа может стать образцом для соседних регионов, если удастся избежать задержек с поставками строительных материалов.",
          "Первые объекты планируется сдать к началу учебного года, а остальные работы завершат в течение зимних каникул, чтобы не мешать занятиям.");

  static final String RU_REWORDED_1 =
      "Как сообщил министр образования, на первом этапе работы пройдут в сельских районах, где многие школы не ремонтировались более двадцати лет.";

  static List<String> paragraphs(String lang) {
    switch (lang) {
      case "ar":
        return AR;
      case "en":
        return EN;
      case "ru":
        return RU;
      default:
        throw new IllegalArgumentException("unknown test language '" + lang + "'");
    }
  }

  static String reworded1(String lang) {
    switch (lang) {
      case "ar":
        return AR_REWORDED_1;
      case "en":
        return EN_REWORDED_1;
      case "ru":
        return RU_REWORDED_1;
      default:
        throw new IllegalArgumentException("unknown test language '" + lang + "'");
    }
  }

  /**
   * {@code count} further distinct paragraphs: the hand-written ones first, then sentences of
   * 12-24 words drawn (seeded) from their vocabulary.
   */
  static List<String> many(String lang, int count, long seed) {
    List<String> base = paragraphs(lang);
    List<String> out = new ArrayList<>();
    List<String> vocab = new ArrayList<>();
    for (String p : base) {
      for (String w : p.split("[\\s،,.]+")) {
        if (w.length() > 2 && !vocab.contains(w)) {
          vocab.add(w);
        }
      }
    }
    Random r = new Random(seed);
    for (int i = 0; i < count; i++) {
      if (i < base.size()) {
        out.add(base.get(i));
        continue;
      }
      StringBuilder sb = new StringBuilder();
      int sentences = 1 + r.nextInt(2);
      for (int s = 0; s < sentences; s++) {
        int words = 12 + r.nextInt(13);
        for (int w = 0; w < words; w++) {
          sb.append(w == 0 ? (s == 0 ? "" : " ") : " ").append(vocab.get(r.nextInt(vocab.size())));
        }
        sb.append('.');
      }
      out.add(sb.toString());
    }
    return out;
  }
}
