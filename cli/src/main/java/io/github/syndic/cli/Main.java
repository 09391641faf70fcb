package io.github.syndic.cli;

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
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** A configured command line (tests call {@code execute} on it). */
  public static CommandLine newCommandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    return cl;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }
}
