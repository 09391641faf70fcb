package io.github.syndic.benchmarks;

import io.github.syndic.CleanerConfig;
import io.github.syndic.boilerplate.BoilerplateClassifier;
import io.github.syndic.doc.Block;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.text.BlockSegmenter;
import io.github.syndic.text.TextNormalizer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cleaner's stages apart, one document per operation (its blocks cut at setup), for
 * attributing a {@link CleanerBench} change: {@code normalize} (every block through {@link
 * TextNormalizer#defaults()}), {@code boilerplate} (the news preset's classifier, article layout)
 * and {@code duplicates} (the detector on every block). Without the cleaner's document view each
 * stage normalizes the blocks itself. Inputs as {@link CleanerBench}.
 *
 * <p>Not thread-safe: JMH gives each benchmark thread its own instance.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class StageBench {
  @Param({"ar-corpus", "en-pages"})
  public String input;

  private List<Block>[] docs;
  private boolean[][] eligible;
  private int cursor;
  private BoilerplateClassifier boilerplate;
  private DuplicateDetector duplicates;

  @Setup
  @SuppressWarnings("unchecked")
  public void setup() {
    String[] texts = switch (input) {
      case "ar-corpus" -> BenchData.corpus();
      case "en-pages" -> BenchData.english().toArray(new String[0]);
      default -> throw new IllegalArgumentException("unknown input " + input);
    };
    docs = new List[texts.length];
    eligible = new boolean[texts.length][];
    for (int i = 0; i < texts.length; i++) {
      docs[i] = BlockSegmenter.lines(texts[i]);
      eligible[i] = new boolean[docs[i].size()];
      java.util.Arrays.fill(eligible[i], true);
    }
    CleanerConfig news = CleanerConfig.news();
    boilerplate = BoilerplateClassifier.create(news.boilerplateConfig().withPageLayout(false));
    duplicates = DuplicateDetector.create(news.duplicateConfig());
  }

  private int next() {
    int d = cursor++;
    if (cursor == docs.length) {
      cursor = 0;
    }
    return d;
  }

  @Benchmark
  public Object normalize() {
    Object last = null;
    for (Block b : docs[next()]) {
      last = TextNormalizer.defaults().normalize(b.text());
    }
    return last;
  }

  @Benchmark
  public Object boilerplate() {
    return boilerplate.classify(docs[next()], null);
  }

  @Benchmark
  public Object duplicates() {
    int d = next();
    return duplicates.detect(docs[d], eligible[d]);
  }
}
