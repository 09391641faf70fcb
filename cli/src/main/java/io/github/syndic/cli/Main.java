package io.github.syndic.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code syndic} command. */
@Command(
    name = "syndic",
    mixinStandardHelpOptions = true,
    version = "syndic 0.1.0-SNAPSHOT",
    description = "Finds near-duplicate and boilerplate text in syndicated news.",
    subcommands = {CleanCommand.class, DedupCommand.class, LearnCommand.class, EvalCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
  /** Exit status of a usage error (picocli's default for invalid input). */
  static final int USAGE = 2;

  /** What to do when the heap is too small; printed with the file being processed. */
  static final String HEAP_HINT = "out of memory; raise the Java heap with SYNDIC_JAVA_OPTS,"
      + " e.g. SYNDIC_JAVA_OPTS=-Xmx8g syndic ... (see README)";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    CommandLine cl = newCommandLine();
    StdOut out = StdOut.out();
    StdOut err = StdOut.err();
    cl.setOut(out);
    cl.setErr(err);
    int code;
    try {
      code = cl.execute(args);
    } catch (OutOfMemoryError e) {
      err.println("syndic: " + HEAP_HINT);
      code = 1;
    }
    out.flush();
    if (StdOut.failed(out) && code == 0) {
      code = StdOut.brokenPipe(out) ? StdOut.BROKEN_PIPE_STATUS : 1;
      if (code == 1) {
        err.println("syndic: cannot write standard output: " + StdOut.reason(out));
      }
    }
    err.flush();
    System.exit(code);
  }

  /** A configured command line (tests call {@code execute} on it). */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(Main::usageError);
    cl.setExecutionExceptionHandler((ex, line, parsed) -> {
      PrintWriter err = line.getErr();
      err.println("syndic: " + oneLine(ex));
      err.flush();
      return 1;
    });
    return cl;
  }

  /** One line naming the problem, then where the full help is; status 2. */
  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine c = ex.getCommandLine();
    PrintWriter err = c.getErr();
    err.println("syndic: " + firstLine(ex.getMessage()));
    err.println("see '" + helpCommand(c) + "'");
    err.flush();
    return USAGE;
  }

  /** {@code syndic help clean} for a command, {@code syndic eval neardup --help} deeper down. */
  static String helpCommand(CommandLine c) {
    CommandLine parent = c.getParent();
    if (parent == null) {
      return "syndic --help";
    }
    if (parent.getParent() == null) {
      return "syndic help " + c.getCommandName();
    }
    return c.getCommandSpec().qualifiedName(" ") + " --help";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "invalid arguments";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).strip();
  }

  /** An exception as one line: its message (or its type), control characters made visible. */
  static String oneLine(Throwable t) {
    String m = t.getMessage();
    if (t instanceof java.nio.file.NoSuchFileException) {
      m = t.getMessage() + ": no such file";
    } else if (t instanceof java.nio.file.AccessDeniedException) {
      m = t.getMessage() + ": permission denied";
    } else if (t instanceof java.io.IOException || t instanceof java.io.UncheckedIOException
        || t instanceof IllegalArgumentException) {
      m = m == null ? t.getClass().getSimpleName() : m;
    } else {
      m = "internal error: " + t;
    }
    return printable(m);
  }

  /** {@code s} with line breaks and other control characters replaced by spaces. */
  static String printable(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      sb.append(Character.isISOControl(c) ? ' ' : c);
    }
    return sb.toString();
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
