package io.github.syndic.hostile;

import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.text.TextNormalizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures (not a test) the time of {@link Cleaner#clean} and of normalize + MinHash on each
 * hostile input, best of 3 after one warm-up, in ms and ms per MB of UTF-16 chars (the 1 s/MB
 * requirement). Run: {@code java -cp core/target/test-classes:core/target/classes:DEPS
 * io.github.syndic.hostile.HostileTiming}. Stateless.
 */
public final class HostileTiming {
  private HostileTiming() {}

  public static void main(String[] args) throws Exception {
    Cleaner cleaner = Cleaner.create(CleanerConfig.news());
    MinHasher hasher = MinHashSpec.defaults().hasher();
    List<String[]> inputs = new ArrayList<>();
    for (Path p : HostileCorpus.storedFiles()) {
      inputs.add(new String[] {p.getFileName().toString(),
          HostileCorpus.decodePermissive(Files.readAllBytes(p))});
    }
    for (HostileCorpus.Generated g : HostileCorpus.generated()) {
      inputs.add(new String[] {g.name(), g.text().get()});
    }
    System.out.printf("%-36s %10s %10s %8s %12s%n", "input", "chars", "clean ms", "ms/MB",
        "norm+mh ms");
    for (String[] in : inputs) {
      String text = in[1];
      double clean = best(() -> cleaner.clean(text));
      double mh = text.length() > 8_000_000 ? Double.NaN
          : best(() -> hasher.sign(TextNormalizer.defaults().normalize(text)));
      System.out.printf("%-36s %10d %10.1f %8.1f %12.1f%n", in[0], text.length(), clean,
          clean / Math.max(text.length() / 1e6, 1e-3), mh);
    }
  }

  private static double best(Runnable r) {
    r.run();
    double best = Double.MAX_VALUE;
    for (int i = 0; i < 3; i++) {
      long t = System.nanoTime();
      r.run();
      best = Math.min(best, (System.nanoTime() - t) / 1e6);
    }
    return best;
  }
}
