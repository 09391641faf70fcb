package io.github.syndic.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The ratios of {@link SignatureBench} measured interleaved, as a check on JMH's: JMH times one
 * benchmark after another, minutes apart, so on a shared machine a load change between {@code
 * floor} and {@code oph} moves their ratio. Here every round times a batch of each benchmark in
 * turn (the same {@link SignatureBench} methods and inputs) by the thread's CPU time, and the
 * ratios are taken between per-benchmark medians (and minima) over the rounds after warm-up.
 *
 * <p>Usage: {@code java -cp benchmarks/target/benchmarks.jar
 * io.github.syndic.benchmarks.SignatureRatios [inputs, comma-separated] [rounds]}. Each input is
 * measured in a JVM of its own (started with the same class path), as JMH forks.
 *
 * <p>Not thread-safe (a command-line tool).
 */
public final class SignatureRatios {
  private static volatile Object sink;

  /** Warm-up per input before any round is recorded (JIT compilation of every path). */
  private static final long WARM_UP_NANOS = 5_000_000_000L;

  /** Third argument of the child JVM that measures one input. */
  private static final String IN_PROCESS = "--in-process";

  private static final String HEADER =
      "input      median µs/doc: floor  oph  sigOnly  anchor | oph/floor anchor/oph"
          + " | min-based oph/floor";

  private SignatureRatios() {}

  /** One batch of each op in turn; CPU µs per op into {@code t[op][r]} unless t is null. */
  private static void round(
      ThreadMXBean mx, Supplier<Object>[] ops, int batch, double[][] t, int r) {
    for (int w = 0; w < ops.length; w++) {
      int n = w == ops.length - 1 ? Math.max(2, batch / 10) : batch; // the last: java-LSH
      long t0 = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < n; i++) {
        sink = ops[w].get();
      }
      if (t != null) {
        t[w][r] = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / n;
      }
    }
  }

  public static void main(String[] args) throws IOException, InterruptedException {
    String[] inputs =
        (args.length > 0 ? args[0] : "ar-1k,ar-10k,en-1k,en-10k,ar-corpus").split(",");
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 150;
    if (args.length < 3 || !args[2].equals(IN_PROCESS)) {
      System.out.println(HEADER);
      // One JVM per input, as JMH forks: in a shared JVM the inputs measured first shape the JIT's
      // profile of java-LSH's code (its time on one input moved by up to 3x with the order).
      String java = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
      for (String input : inputs) {
        Process p =
            new ProcessBuilder(
                    java, "-cp", System.getProperty("java.class.path"),
                    SignatureRatios.class.getName(), input, String.valueOf(rounds), IN_PROCESS)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                .start();
        if (p.waitFor() != 0) {
          throw new IllegalStateException("the run of input " + input + " failed");
        }
      }
      return;
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String input : inputs) {
      SignatureBench b = new SignatureBench();
      b.input = input;
      b.setup();
      @SuppressWarnings("unchecked")
      Supplier<Object>[] ops =
          new Supplier[] {b::floor, b::oph, b::ophShinglesOnly, b::javaLshAnchor};
      double[][] t = new double[ops.length][rounds];
      long warmEnd = System.nanoTime() + WARM_UP_NANOS;
      while (System.nanoTime() < warmEnd) {
        round(mx, ops, 16, null, 0); // warm-up rounds: run the same way, not recorded
      }
      // Then about 2 ms of oph per batch (java-LSH runs a tenth as many documents).
      long probe = mx.getCurrentThreadCpuTime();
      for (int i = 0; i < 2000; i++) {
        sink = b.oph();
      }
      double ophMicros = Math.max(0.1, (mx.getCurrentThreadCpuTime() - probe) / 2000 / 1000.0);
      int batch = Math.max(8, (int) (2000 / ophMicros));
      for (int r = 0; r < rounds; r++) {
        round(mx, ops, batch, t, r);
      }
      double[] med = new double[ops.length];
      double[] min = new double[ops.length];
      for (int w = 0; w < ops.length; w++) {
        double[] y = t[w].clone();
        Arrays.sort(y);
        med[w] = y[y.length / 2];
        min[w] = y[0];
      }
      System.out.printf(
          Locale.ROOT,
          "%-10s %8.2f %8.2f %8.2f %8.1f | %5.2fx %6.1fx | %5.2fx%n",
          input, med[0], med[1], med[2], med[3], med[1] / med[0], med[3] / med[1],
          min[1] / min[0]);
    }
  }
}
