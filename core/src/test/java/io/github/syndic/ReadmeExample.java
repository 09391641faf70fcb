package io.github.syndic;

import java.util.ArrayList;
import java.util.List;

/** The Java example of the README, compiled and run by {@link ReadmeExampleTest}. */
final class ReadmeExample {
  private ReadmeExample() {}

  static List<String> run(String rawText) {
    List<String> log = new ArrayList<>();
    // README-EXAMPLE-START
    Cleaner cleaner = Cleaner.create(CleanerConfig.news()); // build once; thread-safe
    CleanResult r = cleaner.clean(rawText);
    String text = r.text(); // the kept lines, unchanged, in order
    for (Removal x : r.removals()) {
      log.add(x.block().line() + " " + x.kind().label() + " " + x.score()
          + (x.twin() == null ? "" : " twin=" + x.twin().line()) + " " + x.reason());
    }
    // README-EXAMPLE-END
    log.add(0, text);
    return log;
  }
}
