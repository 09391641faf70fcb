package io.github.syndic.benchmarks.index;

import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.NearDuplicateIndex;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Bytes per indexed document at a given size (default 10^6): the index's own estimate ({@link
 * NearDuplicateIndex#memoryBytes()}) and the measured growth of the used heap after full GCs, plus
 * one timed save and load. A main method, not JMH: memory is measured once, not timed. The index
 * holds synthetic documents ({@link SyntheticFeed#synthetic(long)}: seeded random signatures, ids
 * {@code https://example.org/news/<i>}, 13 sources, one document in five an edited copy of the
 * one before, so 20% of the documents are in clusters of two). With {@code grow} the index is
 * created without a size hint and grows as documents come; otherwise it is created for n.
 *
 * <pre>
 * java -Xmx8g -cp benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.index.IndexMemory 1000000 [grow]
 * </pre>
 */
public final class IndexMemory {
  private IndexMemory() {}

  /** Runs the measurement; the argument is the number of documents. */
  public static void main(String[] args) throws Exception {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    SyntheticFeed feed = new SyntheticFeed();
    boolean grow = args.length > 1 && args[1].equals("grow");
    feed.synthetic(0); // loads the classes and the header before the baseline
    long before = usedHeap();
    long t0 = System.nanoTime();
    NearDuplicateIndex ix = feed.syntheticIndex(n, grow ? 0 : n);
    long t1 = System.nanoTime();
    long after = usedHeap();
    System.out.printf("config: %s%n", ix.config());
    System.out.printf("docs=%d %s build (synthetic signatures + add)=%.1f s%n", ix.size(),
        grow ? "grown from empty" : "created for n", (t1 - t0) / 1e9);
    System.out.printf("memoryBytes: %.1f bytes/doc (templates: %d bytes)%n",
        ix.memoryBytes() / (double) n, ix.templateBytes());
    long[] parts = ix.memoryParts();
    String[] names = {"values", "band tables", "per-doc fields", "ids", "clusters", "templates"};
    StringBuilder sb = new StringBuilder("  parts (bytes/doc):");
    for (int i = 0; i < parts.length; i++) {
      sb.append(String.format(" %s %.1f;", names[i], parts[i] / (double) n));
    }
    System.out.println(sb);
    System.out.printf("heap growth after GC: %.1f bytes/doc%n", (after - before) / (double) n);
    Path dir = Files.createTempDirectory("syndic-mem");
    Path f = dir.resolve("index.snap");
    long s0 = System.nanoTime();
    ix.save(f);
    long s1 = System.nanoTime();
    NearDuplicateIndex back = NearDuplicateIndex.load(f, IndexConfig.builder().window(null).build());
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
