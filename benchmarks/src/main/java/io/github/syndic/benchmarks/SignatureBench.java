package io.github.syndic.benchmarks;

import info.debatty.java.lsh.MinHash;
import io.github.syndic.minhash.MinHashScheme;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.minhash.Signature;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Text → signature, one document per operation (the inputs are cycled), word 3-grams, k = 128,
 * default seed. Sample-time mode: the p0.50 line of each result is the median µs per document.
 *
 * <ul>
 *   <li>{@code floor}: our normalization + tokenization + hashing of every shingle, no signature;
 *   <li>{@code oph}, {@code classic}: text → signature with each scheme;
 *   <li>{@code stringBaseline}: a plain Java loop that lower-cases, cuts the text into token
 *       Strings at non-letter/digit chars and hashes every 3-gram (the three Strings' hash codes
 *       combined), no signature: the anchor;
 *   <li>{@code ophShinglesOnly}: the OPH signature alone, from prebuilt shingle hashes (what
 *       {@code oph} adds to {@code floor});
 *   <li>{@code javaLsh}: java-LSH 0.12 driven as leanly as it allows: token Strings as above,
 *       each 3-gram joined into a String, its {@code hashCode()} put in a {@code
 *       HashSet<Integer>}, then {@code MinHash.signature(set)} with k = 128; {@code
 *       javaLshSignatureOnly} times only the last step on prebuilt sets;
 *   <li>{@code javaLshAnchor}: java-LSH 0.12 driven as the anchor describes: the set of
 *       joined 3-gram Strings ({@code HashSet<String>}), each mapped to an integer id through a
 *       dictionary ({@code HashMap<String, Integer>}) kept across documents as a user with a
 *       vocabulary keeps it, then {@code MinHash.signature} of the set of ids.
 * </ul>
 *
 * Not thread-safe: JMH gives each benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SignatureBench {
  /** The shingle size of every benchmark here: word 3-grams, as in the anchors. */
  static final int N = 3;

  @Param({"ar-1k", "ar-10k", "en-1k", "en-10k", "ar-corpus"})
  public String input;

  private String[] docs;
  private List<Set<Integer>> sets;
  private long[][] shingles;
  /** The anchor's vocabulary: 3-gram String → id, grown across documents (and iterations). */
  private Map<String, Integer> dictionary;
  private int cursor;
  private MinHasher oph;
  private MinHasher classic;
  private MinHash javaLsh;

  @Setup
  public void setup() {
    docs = BenchData.inputs(input);
    long bytes = 0;
    for (String d : docs) {
      bytes += BenchData.utf8(d);
    }
    System.out.printf(
        Locale.ROOT, "%n[input %s: %d docs, mean %d UTF-8 bytes, from %s]%n",
        input, docs.length, bytes / docs.length, BenchData.source(input));
    MinHashSpec spec = MinHashSpec.defaults(); // OPH, k=128, word 3-grams
    oph = spec.hasher();
    classic = spec.withScheme(MinHashScheme.CLASSIC_V1).hasher();
    javaLsh = new MinHash(MinHashSpec.DEFAULT_K, Integer.MAX_VALUE, MinHashSpec.DEFAULT_SEED);
    sets = new ArrayList<>(docs.length);
    shingles = new long[docs.length][];
    for (int i = 0; i < docs.length; i++) {
      sets.add(javaLshSet(docs[i]));
      java.nio.LongBuffer sh = oph.shingles(docs[i]);
      shingles[i] = java.util.Arrays.copyOf(sh.array(), sh.limit());
    }
    dictionary = new HashMap<>();
  }

  private int next() {
    int i = cursor++;
    if (cursor == docs.length) {
      cursor = 0;
    }
    return i;
  }

  @Benchmark
  public java.nio.LongBuffer floor() {
    return oph.shingles(docs[next()]);
  }

  @Benchmark
  public Signature oph() {
    return oph.sign(docs[next()]);
  }

  @Benchmark
  public Signature ophShinglesOnly() {
    long[] s = shingles[next()];
    return oph.signShingles(s, 0, s.length);
  }

  @Benchmark
  public Signature classic() {
    return classic.sign(docs[next()]);
  }

  @Benchmark
  public long stringBaseline() {
    List<String> t = stringTokens(docs[next()]);
    long acc = 0;
    for (int i = 0; i + N <= t.size(); i++) {
      int h = t.get(i).hashCode();
      h = 31 * h + t.get(i + 1).hashCode();
      h = 31 * h + t.get(i + 2).hashCode();
      acc += h;
    }
    return acc;
  }

  @Benchmark
  public int[] javaLsh() {
    return javaLsh.signature(javaLshSet(docs[next()]));
  }

  @Benchmark
  public int[] javaLshAnchor() {
    List<String> t = stringTokens(docs[next()]);
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + N <= t.size(); i++) {
      grams.add(t.get(i) + ' ' + t.get(i + 1) + ' ' + t.get(i + 2));
    }
    Set<Integer> ids = new HashSet<>(grams.size() * 2);
    for (String g : grams) {
      Integer id = dictionary.get(g);
      if (id == null) {
        id = dictionary.size();
        dictionary.put(g, id);
      }
      ids.add(id);
    }
    return javaLsh.signature(ids);
  }

  @Benchmark
  public int[] javaLshSignatureOnly() {
    return javaLsh.signature(sets.get(next()));
  }

  static Set<Integer> javaLshSet(String text) {
    List<String> t = stringTokens(text);
    Set<Integer> set = new HashSet<>();
    for (int i = 0; i + N <= t.size(); i++) {
      String gram = t.get(i) + ' ' + t.get(i + 1) + ' ' + t.get(i + 2);
      set.add(gram.hashCode() & Integer.MAX_VALUE);
    }
    return set;
  }

  /** Lower-cased runs of letters and digits as Strings: the ordinary way to tokenize. */
  static List<String> stringTokens(String text) {
    List<String> out = new ArrayList<>();
    int n = text.length();
    int i = 0;
    while (i < n) {
      while (i < n && !Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetterOrDigit(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        out.add(text.substring(start, i).toLowerCase(Locale.ROOT));
      }
    }
    return out;
  }
}
