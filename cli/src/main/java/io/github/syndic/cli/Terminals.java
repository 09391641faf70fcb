package io.github.syndic.cli;

/**
 * Whether standard input and standard error are terminals. Java cannot ask about one stream, so
 * the {@code syndic} launcher passes {@code -Dsyndic.stdin.tty} and {@code -Dsyndic.stderr.tty}
 * ({@code 1} or {@code 0}, from the shell's {@code test -t}); without them (plain
 * {@code java -jar}) a console means both are terminals. Stateless; thread-safe.
 */
final class Terminals {
  private Terminals() {}

  static boolean stdin() {
    return ask("syndic.stdin.tty");
  }

  static boolean stderr() {
    return ask("syndic.stderr.tty");
  }

  private static boolean ask(String property) {
    String v = System.getProperty(property);
    if (v != null) {
      return v.equals("1");
    }
    return System.console() != null;
  }
}
