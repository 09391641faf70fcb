package io.github.syndic.boilerplate;

import io.github.syndic.boilerplate.Lexicon.Category;
import io.github.syndic.boilerplate.Lexicon.Match;
import io.github.syndic.text.TextNormalizer;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Loads a {@link Lexicon}: parses cue rows (normalizing each phrase with {@link
 * TextNormalizer#defaults()}, so that they match the normalized view of blocks), merges lexicons
 * and builds the immutable maps that {@link Lexicon} matches against.
 *
 * <p>Mutable and not thread-safe: used only while loading.
 */
final class LexiconBuilder {
  private final List<String> languages = new ArrayList<>();
  private final Object2IntOpenHashMap<String> whole = new Object2IntOpenHashMap<>();
  private final Object2IntOpenHashMap<String> prefix = new Object2IntOpenHashMap<>();
  private final Object2IntOpenHashMap<String> prefixColon = new Object2IntOpenHashMap<>();
  private final Object2IntOpenHashMap<String> suffix = new Object2IntOpenHashMap<>();
  private final Object2IntOpenHashMap<String> suffixColon = new Object2IntOpenHashMap<>();
  private final Object2IntOpenHashMap<String> anywhere = new Object2IntOpenHashMap<>();
  private final Object2LongOpenHashMap<String> stopwords = new Object2LongOpenHashMap<>();

  int languageBit(String lang) {
    int i = languages.indexOf(lang);
    if (i < 0) {
      if (languages.size() == 64) {
        throw new IllegalArgumentException("more than 64 languages in one lexicon: " + lang);
      }
      languages.add(lang);
      i = languages.size() - 1;
    }
    return i;
  }

  void parse(Reader reader, String language, String source) throws IOException {
    if (language == null || language.isBlank()) {
      throw new IllegalArgumentException("language of cue file " + source + " is blank");
    }
    int lang = languageBit(language);
    BufferedReader br =
        reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    TextNormalizer norm = TextNormalizer.defaults();
    String row;
    int lineNo = 0;
    while ((row = br.readLine()) != null) {
      lineNo++;
      if (lineNo == 1 && !row.isEmpty() && row.charAt(0) == '\uFEFF') {
        row = row.substring(1);
      }
      if (row.isBlank() || row.stripLeading().startsWith("#")) {
        continue;
      }
      String[] f = row.split("\t", -1);
      if (f.length != 3) {
        throw new IllegalArgumentException(
            source + ":" + lineNo + ": expected category<TAB>match<TAB>phrase, got '" + row + "'");
      }
      Category cat;
      Match match;
      try {
        cat = Category.ofLabel(f[0].trim());
        match = Match.ofLabel(f[1].trim());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(source + ":" + lineNo + ": " + e.getMessage(), e);
      }
      String raw = f[2].trim();
      String phrase = norm.normalize(raw).toString();
      if (phrase.isEmpty()) {
        throw new IllegalArgumentException(
            source + ":" + lineNo + ": phrase '" + raw + "' has no letters or digits");
      }
      if (Lexicon.tokenCount(phrase) > Lexicon.MAX_PHRASE_TOKENS) {
        throw new IllegalArgumentException(
            source + ":" + lineNo + ": phrase longer than " + Lexicon.MAX_PHRASE_TOKENS + " tokens");
      }
      if (cat == Category.STOPWORD) {
        stopwords.put(phrase, stopwords.getLong(phrase) | (1L << lang));
        continue;
      }
      int bit = cat.bit();
      switch (match) {
        case WHOLE -> whole.put(phrase, whole.getInt(phrase) | bit);
        case PREFIX -> {
          char last = raw.charAt(raw.length() - 1);
          if (last == ':' || last == '\uFF1A') {
            prefixColon.put(phrase, prefixColon.getInt(phrase) | bit);
          } else {
            prefix.put(phrase, prefix.getInt(phrase) | bit);
          }
        }
        case SUFFIX -> {
          char last = raw.charAt(raw.length() - 1);
          if (last == ':' || last == '\uFF1A') {
            suffixColon.put(phrase, suffixColon.getInt(phrase) | bit);
          } else {
            suffix.put(phrase, suffix.getInt(phrase) | bit);
          }
        }
        case CONTAINS, WORD -> anywhere.put(phrase, anywhere.getInt(phrase) | bit);
        default -> throw new AssertionError(match);
      }
    }
  }

  void addAll(Lexicon l) {
    int[] remap = new int[l.languages.size()];
    for (int i = 0; i < remap.length; i++) {
      remap[i] = languageBit(l.languages.get(i));
    }
    l.whole.forEach((k, v) -> whole.put(k, whole.getInt(k) | v));
    l.prefix.forEach((k, v) -> prefix.put(k, prefix.getInt(k) | v));
    l.prefixColon.forEach((k, v) -> prefixColon.put(k, prefixColon.getInt(k) | v));
    l.suffix.forEach((k, v) -> suffix.put(k, suffix.getInt(k) | v));
    l.suffixColon.forEach((k, v) -> suffixColon.put(k, suffixColon.getInt(k) | v));
    l.anywhere.forEach((k, v) -> anywhere.put(k, anywhere.getInt(k) | v));
    for (var e : l.stopwords.object2LongEntrySet()) {
      long mask = 0;
      long v = e.getLongValue();
      for (int i = 0; i < remap.length; i++) {
        if ((v & (1L << i)) != 0) {
          mask |= 1L << remap[i];
        }
      }
      stopwords.put(e.getKey(), stopwords.getLong(e.getKey()) | mask);
    }
  }

  Lexicon build() {
    return new Lexicon(
        Collections.unmodifiableList(new ArrayList<>(languages)),
        trim(whole),
        trim(prefix),
        trim(prefixColon),
        trim(suffix),
        trim(suffixColon),
        trim(anywhere),
        trimL(stopwords));
  }

  private static Object2IntOpenHashMap<String> trim(Object2IntOpenHashMap<String> m) {
    Object2IntOpenHashMap<String> c = new Object2IntOpenHashMap<>(m);
    c.trim();
    return c;
  }

  private static Object2LongOpenHashMap<String> trimL(Object2LongOpenHashMap<String> m) {
    Object2LongOpenHashMap<String> c = new Object2LongOpenHashMap<>(m);
    c.trim();
    return c;
  }
}
