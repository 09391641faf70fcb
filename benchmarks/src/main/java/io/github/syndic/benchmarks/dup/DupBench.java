package io.github.syndic.benchmarks.dup;

import io.github.syndic.doc.Block;
import io.github.syndic.doc.Removal;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.dup.DuplicateDetector;
import io.github.syndic.text.BlockSegmenter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Main-method benchmark of the in-document duplicate detector, single-threaded: (1) throughput on
 * real articles (MB of UTF-8 per second of thread CPU time, after warm-up passes); (2) the
 * pathological document of 50,000 paragraphs (about 10 MB): CPU time of one detection, and heap
 * growth (peak used heap sampled every millisecond minus the used heap after the input and its
 * blocks were built and collected).
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -XX:+UseSerialGC -Xmx1g -cp benchmarks/target/benchmarks.jar \
 *     io.github.syndic.benchmarks.dup.DupBench 6
 * # live-memory bound: the detection must complete inside a small heap that also holds the
 * # document (11.4 MB of chars) and its blocks (about 13 MB)
 * java -XX:+UseSerialGC -Xmx80m -cp benchmarks/target/benchmarks.jar \
 *     io.github.syndic.benchmarks.dup.DupBench 2 50000 pathological
 * </pre>
 *
 * <p>The sampled peak counts garbage not yet collected, so with a large heap it reflects the
 * young generation's size more than the detector's needs; the small-heap run bounds the live
 * data.
 *
 * <p>Not thread-safe (a program, not a library class).
 */
public final class DupBench {
  private DupBench() {}

  /**
   * Runs both measurements; optional args: passes (default 5), paragraphs (default 50000), and
   * {@code pathological} to skip the article passes (for runs under a small {@code -Xmx}).
   */
  public static void main(String[] args) throws Exception {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    int paragraphs = args.length > 1 ? Integer.parseInt(args[1]) : 50_000;
    boolean onlyPathological = args.length > 2 && args[2].equals("pathological");
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    DuplicateDetector d = DuplicateDetector.defaults();

    List<String> articles = DupCorpus.articles();
    long bytes = DupCorpus.utf8Bytes(articles);
    System.out.printf("articles: %d, %.2f MB UTF-8%n", articles.size(), bytes / 1e6);
    for (int p = 0; p < passes && !onlyPathological; p++) {
      long cpu0 = mx.getCurrentThreadCpuTime();
      long proc0 = processCpu();
      long wall0 = System.nanoTime();
      int removed = 0;
      for (String a : articles) {
        List<Block> blocks = BlockSegmenter.lines(a);
        boolean[] el = new boolean[blocks.size()];
        Arrays.fill(el, true);
        removed += d.detect(blocks, el).size();
      }
      double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double proc = (processCpu() - proc0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      System.out.printf("pass %d: %.2f s thread CPU (%.2f s process CPU, %.2f s wall): %.2f MB/s"
          + " per core (thread CPU), %.2f MB/s (process CPU); %d removals%n",
          p + 1, cpu, proc, wall, bytes / 1e6 / cpu, bytes / 1e6 / proc, removed);
    }

    String doc = DupCorpus.pathological(articles, paragraphs, 20260101L);
    articles = null; // only the pathological document stays on the heap
    long docBytes = doc.getBytes(StandardCharsets.UTF_8).length;
    for (int p = 0; p < Math.max(1, passes / 2); p++) {
      List<Block> blocks = BlockSegmenter.lines(doc);
      boolean[] el = new boolean[blocks.size()];
      Arrays.fill(el, true);
      System.gc();
      Thread.sleep(200);
      Runtime rt = Runtime.getRuntime();
      long base = rt.totalMemory() - rt.freeMemory();
      HeapSampler sampler = new HeapSampler();
      sampler.start();
      long cpu0 = mx.getCurrentThreadCpuTime();
      long proc0 = processCpu();
      long wall0 = System.nanoTime();
      List<Removal> rs = d.detect(blocks, el);
      double cpu = (mx.getCurrentThreadCpuTime() - cpu0) / 1e9;
      double proc = (processCpu() - proc0) / 1e9;
      double wall = (System.nanoTime() - wall0) / 1e9;
      sampler.stop = true;
      sampler.join();
      Map<RemovalKind, Integer> kinds = new EnumMap<>(RemovalKind.class);
      for (Removal r : rs) {
        kinds.merge(r.kind(), 1, Integer::sum);
      }
      System.out.printf(
          "pathological: %d blocks, %.2f MB UTF-8 (%.2f MB as Java chars): %.2f s thread CPU, %.2f s"
              + " process CPU (GC and JIT included), %.2f s wall,"
              + " heap growth peak %.1f MB = %.1fx the UTF-8 input; removals %s%n",
          blocks.size(), docBytes / 1e6, 2.0 * doc.length() / 1e6, cpu, proc, wall,
          (sampler.peak - base) / 1e6, (sampler.peak - base) / (double) docBytes, kinds);
    }
  }

  /** CPU time of the whole JVM process (all threads), in ns. */
  static long processCpu() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    if (os instanceof com.sun.management.OperatingSystemMXBean) {
      return ((com.sun.management.OperatingSystemMXBean) os).getProcessCpuTime();
    }
    return -1;
  }

  /** Samples the used heap every millisecond and keeps the peak. */
  static final class HeapSampler extends Thread {
    volatile boolean stop;
    volatile long peak;

    HeapSampler() {
      setDaemon(true);
    }

    @Override
    public void run() {
      Runtime rt = Runtime.getRuntime();
      while (!stop) {
        long used = rt.totalMemory() - rt.freeMemory();
        if (used > peak) {
          peak = used;
        }
        try {
          Thread.sleep(1);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }
}
