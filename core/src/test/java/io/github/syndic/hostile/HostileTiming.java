package io.github.syndic.hostile;

import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.MinHasher;
import io.github.syndic.text.TextNormalizer;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures (not a test) the time of {@link Cleaner#clean} and of normalize + MinHash on each
 * hostile input, averaged over enough runs to time ~2 MB after as many warm-up runs: wall ms, CPU ms of the whole process (the cleaning
 * thread plus the garbage collector's), and CPU ms per MB of the input as UTF-8 (the 1 s/MB
 * requirement, which is about one core: run it with {@code taskset -c 0 java
 * -XX:ActiveProcessorCount=1 ...} so that the JVM, its collector included, has one core). Run:
 * {@code java -cp core/target/test-classes:core/target/classes:DEPS
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
    // warm-up: the stored inputs many times, so that the small ones are timed in compiled code
    for (int i = 0; i < 300; i++) {
      for (String[] in : inputs) {
        if (in[1].length() < 200_000) {
          cleaner.clean(in[1]);
        }
      }
    }
    System.out.printf("%-36s %10s %10s %6s %9s %9s %9s %11s%n", "input", "chars", "UTF-8 B",
        "runs", "wall ms", "cpu ms", "cpu ms/MB", "norm+mh ms");
    for (String[] in : inputs) {
      String text = in[1];
      long bytes = text.getBytes(StandardCharsets.UTF_8).length;
      // enough runs for ~2 MB in all, so that the 10 ms granularity of process CPU time is small
      int runs = (int) Math.max(3, Math.min(20_000, 2_000_000 / Math.max(1, bytes)));
      double[] clean = perRun(() -> cleaner.clean(text), runs, bytes);
      double mh = text.length() > 8_000_000 ? Double.NaN
          : perRun(() -> hasher.sign(TextNormalizer.defaults().normalize(text)), runs, bytes)[0];
      System.out.printf("%-36s %10d %10d %6d %9.3f %9.3f %9.1f %11.3f%n", in[0], text.length(),
          bytes, runs, clean[0], clean[1], clean[1] / Math.max(bytes / 1e6, 1e-6), mh);
    }
  }

  /**
   * Wall ms and process CPU ms (all threads, the collector's included) per run, over {@code runs}
   * runs after as many warm-up runs (at least one, at most 20 MB of input in all), so that the
   * time is the steady state of compiled code, not the JIT compiler's one-off work on this
   * input's paths.
   */
  private static double[] perRun(Runnable r, int runs, long bytes) {
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    long warm = Math.max(1, Math.min(runs, 20_000_000 / Math.max(1, bytes)));
    for (long i = 0; i < warm; i++) {
      r.run();
    }
    long c = os.getProcessCpuTime();
    long t = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      r.run();
    }
    double wall = (System.nanoTime() - t) / 1e6 / runs;
    double cpu = (os.getProcessCpuTime() - c) / 1e6 / runs;
    return new double[] {wall, cpu};
  }
}
