package io.github.syndic.boilerplate;

import io.github.syndic.hash.Hash64;
import io.github.syndic.internal.DocumentView;
import io.github.syndic.text.NormalizedText;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import it.unimi.dsi.fastutil.objects.Object2LongOpenHashMap;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Cue phrases of one or more languages, loaded from tab-separated files ({@code
 * category<TAB>match<TAB>phrase}, {@code #} comments) and matched on the normalized view of a
 * block, so that spelling variants (case, Arabic letter forms, Persian yeh and kaf, diacritics,
 * digits of any script) match the same entry.
 *
 * <p>Matching rules on the normalized text (tokens separated by single spaces): {@code whole}
 * matches when the block equals the phrase; {@code prefix} when the block starts with the phrase's
 * tokens (a phrase written with a trailing colon, e.g. {@code Source:}, also requires a colon or
 * dash right after it in the original, so that "Source of the leak..." does not match); {@code
 * word} and {@code contains} when the phrase's tokens occur as a run anywhere in the block; {@code
 * suffix} when the block ends with the phrase (with the same colon rule). Cost
 * is linear in the number of tokens of the block times the longest phrase (in tokens).
 *
 * <p>Immutable and thread-safe; loaded once and shared.
 */
public final class Lexicon implements Serializable {
  private static final long serialVersionUID = 1L;

  /** Languages with a built-in lexicon, as resource files {@code cues/<lang>.tsv}. */
  private static final List<String> BUILTIN =
      List.of("ar", "en", "ru", "fr", "es", "de", "tr", "fa", "it", "pt", "pl", "nl", "ja", "zh",
          "ko");

  /** What a cue is evidence of. Immutable and thread-safe. */
  public enum Category {
    /** 'read also', 'similar articles', 'most read'. */
    RELATED_MARKER,
    /** A tag or keyword line marker. */
    TAGS,
    /** A source or author credit. */
    CREDIT,
    /** App, newsletter, social and subscription promotions. */
    PROMO,
    /** Share widgets. */
    SHARE,
    /** Copyright, terms, privacy and cookie notices. */
    LEGAL,
    /** Comment widgets and comment policies. */
    COMMENTS,
    /** Site menus and section names. */
    NAVIGATION,
    /** Words of photo credits: agencies, 'photo', 'image'. */
    CAPTION_CREDIT,
    /** Relative days and weekdays ('yesterday', 'hours ago'). */
    RELATIVE_DAY,
    /** Month names. */
    MONTH,
    /** Function words, for the stopword share of a block. */
    STOPWORD,
    /** Words that open a byline ('By', 'Von', 'Par', 'بقلم'), followed by a name. */
    BYLINE,
    /** Words of a reading-time line ('min read', 'Lesezeit'), counted with a number. */
    READ_TIME,
    /** Words of a media item ('Video', 'Podcast'), with its running time. */
    MEDIA;

    /** Bit of this category in a mask. */
    int bit() {
      return 1 << ordinal();
    }

    /** The label used in cue files, e.g. {@code related-marker}. */
    public String label() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category with the given label; unknown labels are rejected. */
    public static Category ofLabel(String label) {
      for (Category c : values()) {
        if (c.label().equals(label)) {
          return c;
        }
      }
      throw new IllegalArgumentException("unknown cue category '" + label + "'");
    }
  }

  /** How a cue phrase matches a block. Immutable and thread-safe. */
  public enum Match {
    /** The block starts with the phrase. */
    PREFIX,
    /** The block is the phrase. */
    WHOLE,
    /** The phrase occurs anywhere (token-aligned). */
    CONTAINS,
    /** The phrase occurs as whole tokens anywhere. */
    WORD,
    /**
     * The block ends with the phrase ('... says:', a comment author line); a phrase written with
     * a trailing colon also needs the block to end with a colon.
     */
    SUFFIX;

    /** The match with the given label. */
    public static Match ofLabel(String label) {
      for (Match m : values()) {
        if (m.name().toLowerCase(Locale.ROOT).equals(label)) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown cue match '" + label + "'");
    }
  }

  /** Longest phrase, in tokens, that is kept; longer phrases are rejected when loading. */
  public static final int MAX_PHRASE_TOKENS = 12;

  // The entries by match kind (phrase -> category bits; stopword -> language bits), read by
  // LexiconBuilder#addAll when lexicons are merged; never written after construction.
  final List<String> languages;
  final Object2IntOpenHashMap<String> whole;
  final Object2IntOpenHashMap<String> prefix;
  final Object2IntOpenHashMap<String> prefixColon;
  final Object2IntOpenHashMap<String> suffix;
  final Object2IntOpenHashMap<String> suffixColon;
  final Object2IntOpenHashMap<String> anywhere;
  final Object2LongOpenHashMap<String> stopwords;
  /** The hashed tables and the matching over a block's chars. */
  private final CueMatcher matcher;
  /**
   * The slot of the boilerplate stage's per-block features in a document view: they depend on
   * the lexicon alone, so every classifier of this lexicon (the cleaner's article and page
   * classifiers) shares them. Null after deserialization (a classifier then makes its own).
   */
  private final transient DocumentView.Key<BlockInfo> featuresKey =
      new DocumentView.Key<>("boilerplate features", BlockInfo.class);

  /** Built by {@link LexiconBuilder#build()}. */
  Lexicon(
      List<String> languages,
      Object2IntOpenHashMap<String> whole,
      Object2IntOpenHashMap<String> prefix,
      Object2IntOpenHashMap<String> prefixColon,
      Object2IntOpenHashMap<String> suffix,
      Object2IntOpenHashMap<String> suffixColon,
      Object2IntOpenHashMap<String> anywhere,
      Object2LongOpenHashMap<String> stopwords) {
    this.languages = List.copyOf(languages);
    this.whole = whole;
    this.prefix = prefix;
    this.prefixColon = prefixColon;
    this.suffix = suffix;
    this.suffixColon = suffixColon;
    this.anywhere = anywhere;
    this.stopwords = stopwords;
    this.matcher = new CueMatcher(whole, prefix, prefixColon, suffix, suffixColon, anywhere,
        stopwords);
  }

  /** {@link #featuresKey}: the view slot of the features of this lexicon's classifiers. */
  DocumentView.Key<BlockInfo> featuresKey() {
    return featuresKey;
  }

  /** Tokens of a normalized phrase (single spaces between them). */
  static int tokenCount(String normalized) {
    int n = normalized.isEmpty() ? 0 : 1;
    for (int i = 0; i < normalized.length(); i++) {
      if (normalized.charAt(i) == ' ') {
        n++;
      }
    }
    return n;
  }

  /** The languages with a built-in lexicon. */
  public static List<String> builtinLanguages() {
    return BUILTIN;
  }

  /** The built-in lexicons of all {@link #builtinLanguages()}, merged. */
  public static Lexicon builtin() {
    return builtin(BUILTIN.toArray(new String[0]));
  }

  /** The built-in lexicons of the given languages (ISO 639-1 codes), merged. */
  public static Lexicon builtin(String... languages) {
    LexiconBuilder b = new LexiconBuilder();
    for (String lang : languages) {
      if (!BUILTIN.contains(lang)) {
        throw new IllegalArgumentException("no built-in cue lexicon for language '" + lang + "'");
      }
      String res = "cues/" + lang + ".tsv";
      try (InputStream in = Lexicon.class.getResourceAsStream(res)) {
        if (in == null) {
          throw new IllegalStateException("missing resource " + res);
        }
        b.parse(new InputStreamReader(in, StandardCharsets.UTF_8), lang, res);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + res, e);
      }
    }
    return b.build();
  }

  /**
   * Loads a user cue file (same format as the built-in ones).
   *
   * @param file the UTF-8 file
   * @param language a language code for the stopwords of this file (any non-empty label)
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException naming the file and line when a row is malformed
   */
  public static Lexicon load(Path file, String language) throws IOException {
    Objects.requireNonNull(file, "file");
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      LexiconBuilder b = new LexiconBuilder();
      b.parse(r, language, file.toString());
      return b.build();
    }
  }

  /** Parses cue rows from {@code reader}; {@code sourceName} appears in error messages. */
  public static Lexicon parse(Reader reader, String language, String sourceName) {
    LexiconBuilder b = new LexiconBuilder();
    try {
      b.parse(reader, language, sourceName);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + sourceName, e);
    }
    return b.build();
  }

  /** This lexicon plus the entries of {@code other} (both unchanged). */
  public Lexicon with(Lexicon other) {
    Objects.requireNonNull(other, "other");
    LexiconBuilder b = new LexiconBuilder();
    b.addAll(this);
    b.addAll(other);
    return b.build();
  }

  /** Languages of this lexicon, in load order (index = bit of {@link #stopwordLanguages}). */
  public List<String> languages() {
    return languages;
  }

  /** Number of distinct phrases (all match kinds and stopwords). */
  public int size() {
    return whole.size() + prefix.size() + prefixColon.size() + suffix.size() + suffixColon.size()
        + anywhere.size() + stopwords.size();
  }

  /**
   * Bit mask (bit i = {@code languages().get(i)}) of the languages in which {@code token} (a
   * normalized token) is a stopword; 0 when none.
   */
  long stopwordLanguages(String token) {
    return stopwords.getLong(token);
  }

  /**
   * The index in {@link #stopMasks()} of the stopword languages of the token {@code chars[from,
   * to)} whose {@link Hash64#hashChars} is {@code hash}: 0 when it is no stopword.
   */
  char stopwordIndex(char[] chars, int from, int to, long hash) {
    return matcher.stopwordIndex(chars, from, to, hash);
  }

  /** The table of {@link #stopwordIndex}: index -> language mask (shared; never modify). */
  long[] stopMasks() {
    return matcher.stopMasks();
  }


  /**
   * {@link #wholeMask(String)} of the normalized chars {@code chars[from, to)}, looked up by their
   * hash (no String).
   */
  int wholeMask(char[] chars, int from, int to) {
    return matcher.wholeMask(chars, from, to);
  }

  /** {@link #wholeMask(char[], int, int)} of chars whose {@link Hash64#hashChars} is {@code hash}. */
  int wholeMask(char[] chars, int from, int to, long hash) {
    return matcher.wholeMask(chars, from, to, hash);
  }

  /** {@link CueMatcher#longestWhole}. */
  long longestWhole(char[] c, int[] tokenEnds, int tokenCount, int i, int maxTokens) {
    return matcher.longestWhole(c, tokenEnds, tokenCount, i, maxTokens);
  }

  /** Mask of categories whose {@code whole} phrase equals the normalized block. */
  int wholeMask(String normalized) {
    return whole.getInt(normalized);
  }

  /** The cue matches of a block: {@link CueMatcher#match}. */
  CueHits match(NormalizedText nt, String s, int[] tokenEnds, int tokenCount,
      long[] tokenHashes) {
    return matcher.match(nt, s, tokenEnds, tokenCount, tokenHashes);
  }

  /** Cue matches of one block; package-private. */
  static final class CueHits {
    int wholeMask;
    String wholePhrase;
    int prefixMask;
    String prefixPhrase;
    int prefixTokens;
    int suffixMask;
    String suffixPhrase;
    int anywhereMask;
    String anywherePhrase;
    final int[] tokenMask;

    /** No hit at all; shared, never written. */
    static final CueHits NONE = new CueHits(0);

    CueHits(int tokens) {
      tokenMask = new int[tokens];
    }

    /** Categories matched by phrases covering token {@code i}. */
    int tokenMask(int i) {
      return i < tokenMask.length ? tokenMask[i] : 0;
    }

    boolean whole(Category c) {
      return (wholeMask & c.bit()) != 0;
    }

    boolean prefix(Category c) {
      return (prefixMask & c.bit()) != 0;
    }

    boolean suffix(Category c) {
      return (suffixMask & c.bit()) != 0;
    }

    boolean anywhere(Category c) {
      return (anywhereMask & c.bit()) != 0;
    }
  }
}
