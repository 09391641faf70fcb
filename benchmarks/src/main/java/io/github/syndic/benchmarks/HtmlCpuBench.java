package io.github.syndic.benchmarks;

import io.github.syndic.Cleaner;
import io.github.syndic.html.HtmlReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;
import org.jsoup.Jsoup;

/**
 * Main-method companion of {@link HtmlBench} for a shared, loaded machine: thread CPU time per
 * page (which the load inflates far less than the wall-clock time JMH reports) of jsoup's parse
 * alone, {@link HtmlReader#read} and the whole pipeline ({@link Cleaner#cleanHtml(String,
 * String)}, news preset), one thread, over the AEB HTML pages ({@code ../shared/eval}; a
 * synthetic page without it). Each pass runs the three over every page in turn, so they share
 * the machine's state; the last pass's median and mean per page are printed.
 *
 * <pre>
 * mvn -B -q -pl benchmarks -am package -DskipTests
 * java -cp benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.HtmlCpuBench 8
 * </pre>
 *
 * <p>Not thread-safe (a program, not a library class).
 */
public final class HtmlCpuBench {
  private HtmlCpuBench() {}

  /** Optional arg: passes (default 8; the first ones warm the JIT up). */
  public static void main(String[] args) {
    int passes = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    String[] pages = HtmlBench.load();
    Cleaner cleaner = Cleaner.news();
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    String[] names = {"jsoupParse", "read", "cleanHtml"};
    long[][] cpu = new long[names.length][pages.length];
    long sink = 0;
    for (int pass = 0; pass < passes; pass++) {
      for (int i = 0; i < pages.length; i++) {
        for (int k = 0; k < names.length; k++) {
          long t0 = mx.getCurrentThreadCpuTime();
          sink += switch (k) {
            case 0 -> Jsoup.parse(pages[i]).childNodeSize();
            case 1 -> HtmlReader.read(pages[i], "").blocks().size();
            default -> cleaner.cleanHtml(pages[i], "").removals().size();
          };
          cpu[k][i] = mx.getCurrentThreadCpuTime() - t0;
        }
      }
      StringBuilder line = new StringBuilder("pass " + (pass + 1) + ":");
      double base = median(cpu[0]);
      for (int k = 0; k < names.length; k++) {
        double med = median(cpu[k]);
        line.append(String.format(Locale.ROOT, "  %s median %.2f ms (%.1fx), mean %.2f ms",
            names[k], med / 1e6, med / base, Arrays.stream(cpu[k]).average().orElse(0) / 1e6));
      }
      System.out.println(line);
    }
    System.out.println("[" + pages.length + " pages; checksum " + sink + "]");
  }

  private static double median(long[] v) {
    long[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2.0;
  }
}
