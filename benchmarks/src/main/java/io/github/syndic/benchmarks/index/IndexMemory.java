package io.github.syndic.benchmarks.index;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes per indexed document at a given size (default 10^6): the index's own estimate ({@link
 * NearDuplicateIndex#memoryBytes()}) and the measured growth of the used heap after full GCs, plus
 * one timed save and load. A main method, not JMH: memory is measured once, not timed.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.index.IndexMemory 1000000
 * </pre>
 */
public final class IndexMemory {
  private IndexMemory() {}

  /** Runs the measurement; the argument is the number of documents. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SyntheticFeed feed = new SyntheticFeed();
    long before = usedHeap();
    long t0 = System.nanoTime();
    NearDuplicateIndex ix = feed.index(n);
    long t1 = System.nanoTime();
    long after = usedHeap();
    System.out.printf("config: %s%n", ix.config());
    System.out.printf("docs=%d build (sign + add, %d threads signing)=%.1f s%n", ix.size(),
        Runtime.getRuntime().availableProcessors(), (t1 - t0) / 1e9);
    System.out.printf("memoryBytes: %.1f bytes/doc (templates: %d bytes)%n",
        ix.memoryBytes() / (double) n, ix.templateBytes());
    System.out.printf("heap growth after GC: %.1f bytes/doc%n", (after - before) / (double) n);
    Path dir = Files.createTempDirectory("syndic-mem");
    Path f = dir.resolve("index.snap");
    long s0 = System.nanoTime();
    ix.save(f);
    long s1 = System.nanoTime();
    NearDuplicateIndex back = NearDuplicateIndex.load(f, IndexConfig.defaults().withWindow(null));
    long s2 = System.nanoTime();
    System.out.printf("snapshot: %d bytes (%.1f bytes/doc), save %.2f s, load %.2f s, loaded %d docs%n",
        Files.size(f), Files.size(f) / (double) n, (s1 - s0) / 1e9, (s2 - s1) / 1e9, back.size());
    Files.delete(f);
    Files.delete(dir);
  }

  private static long usedHeap() throws InterruptedException {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 4; i++) {
      System.gc();
      Thread.sleep(200);
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
