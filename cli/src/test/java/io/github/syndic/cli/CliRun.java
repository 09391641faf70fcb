package io.github.syndic.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/** Runs the command line in-process and captures exit code, stdout and stderr. */
record CliRun(int code, String out, String err) {
  static CliRun run(String... args) {
    return runWithStdin(null, args);
  }

  static CliRun runWithStdin(String stdin, String... args) {
    CommandLine cl = Main.newCommandLine();
    CleanCommand clean = cl.getSubcommands().get("clean").getCommand();
    clean.stdinIsTerminal = stdin == null; // no stdin given: as typed at a terminal
    if (stdin != null) {
      clean.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
      DedupCommand dedup = cl.getSubcommands().get("dedup").getCommand();
      dedup.stdin = new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8));
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out));
    cl.setErr(new PrintWriter(err));
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
