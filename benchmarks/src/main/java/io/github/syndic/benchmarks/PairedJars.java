package io.github.syndic.benchmarks;

import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Locale;

/**
 * An A/B check of two or more builds in one JVM: each {@code benchmarks.jar} is loaded by a class
 * loader of its own, so the same benchmark class of each build runs side by side, round after
 * round, on the same inputs. On a shared machine the load moves between two JMH runs (and between
 * two benchmarks of one run); here every round times a batch of each build in turn (rotating which
 * goes first) by the thread's CPU time, and the per-round ratio to the first jar is reported as a
 * median beside the medians themselves.
 *
 * <p>Usage, from the repository root (the inputs are found there): {@code java -cp
 * benchmarks/target/benchmarks.jar io.github.syndic.benchmarks.PairedJars BASE.jar,NEW.jar
 * [-Dclass=CleanerBench] INPUTS METHODS ROUNDS}, e.g. {@code /tmp/base.jar,/tmp/new.jar
 * ar-1k,en-1k floor,oph 40}; system properties {@code batch} (operations per batch, default
 * 2000) and {@code warm} (warm-up seconds per input, default 6). The class is one of this module's
 * {@code @State} benchmarks with a public {@code input} field and a {@code setup()} method.
 *
 * <p>Not thread-safe (a command-line tool).
 */
public final class PairedJars {
  private static volatile Object sink;

  private PairedJars() {}

  public static void main(String[] args) throws Throwable {
    if (args.length != 4) {
      System.err.println("usage: PairedJars JAR,JAR[,...] INPUTS METHODS ROUNDS");
      System.exit(2);
    }
    String[] jars = args[0].split(",");
    for (String j : jars) {
      if (!Files.isRegularFile(Paths.get(j))) {
        throw new IllegalArgumentException("no such jar: " + j);
      }
    }
    String[] inputs = args[1].split(",");
    String[] methods = args[2].split(",");
    int rounds = Integer.parseInt(args[3]);
    if (rounds < 1) {
      throw new IllegalArgumentException("rounds must be at least 1, got " + rounds);
    }
    String className = "io.github.syndic.benchmarks." + System.getProperty("class", "SignatureBench");
    int batch = Integer.getInteger("batch", 2000);
    long warmNanos = Long.getLong("warm", 6) * 1_000_000_000L;
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (String input : inputs) {
      int nj = jars.length;
      int nm = methods.length;
      MethodHandle[][] ops = new MethodHandle[nj][nm];
      for (int j = 0; j < nj; j++) {
        ops[j] = load(Paths.get(jars[j]), className, input, methods);
      }
      double[][][] t = new double[nj][nm][rounds];
      long warmEnd = System.nanoTime() + warmNanos;
      while (System.nanoTime() < warmEnd) {
        for (int j = 0; j < nj; j++) {
          for (int m = 0; m < nm; m++) {
            for (int i = 0; i < batch; i++) {
              sink = ops[j][m].invokeExact();
            }
          }
        }
      }
      for (int r = 0; r < rounds; r++) {
        for (int m = 0; m < nm; m++) {
          for (int k = 0; k < nj; k++) {
            int j = (r + k) % nj; // rotate which build goes first
            long t0 = mx.getCurrentThreadCpuTime();
            for (int i = 0; i < batch; i++) {
              sink = ops[j][m].invokeExact();
            }
            t[j][m][r] = (mx.getCurrentThreadCpuTime() - t0) / 1000.0 / batch;
          }
        }
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-10s", input));
      for (int m = 0; m < nm; m++) {
        line.append(" | ").append(methods[m]).append(" µs:");
        for (int j = 0; j < nj; j++) {
          line.append(String.format(Locale.ROOT, " %.3f", median(t[j][m])));
        }
        for (int j = 1; j < nj; j++) {
          double[] q = new double[rounds];
          for (int r = 0; r < rounds; r++) {
            q[r] = t[j][m][r] / t[0][m][r];
          }
          line.append(String.format(Locale.ROOT, " [jar %d/jar 0: %.3f]", j, median(q)));
        }
      }
      System.out.println(line);
    }
  }

  /** The benchmark methods of one build, bound to an instance set up on {@code input}. */
  private static MethodHandle[] load(Path jar, String className, String input, String[] methods)
      throws Throwable {
    ClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
    Class<?> c = Class.forName(className, true, loader);
    Object bench = c.getConstructor().newInstance();
    c.getField("input").set(bench, input);
    PrintStream out = System.out;
    System.setOut(new PrintStream(OutputStream.nullOutputStream())); // setup's input banner
    try {
      c.getMethod("setup").invoke(bench);
    } finally {
      System.setOut(out);
    }
    MethodHandle[] ops = new MethodHandle[methods.length];
    for (int m = 0; m < methods.length; m++) {
      Class<?> ret = c.getMethod(methods[m]).getReturnType();
      ops[m] =
          MethodHandles.publicLookup()
              .findVirtual(c, methods[m], MethodType.methodType(ret))
              .bindTo(bench)
              .asType(MethodType.methodType(Object.class));
    }
    return ops;
  }

  private static double median(double[] x) {
    double[] y = x.clone();
    Arrays.sort(y);
    return y[y.length / 2];
  }
}
