package io.github.syndic.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.hostile.Invariants;

/**
 * Fuzzes the {@link Cleaner} facade: whatever the text, cleaning succeeds, the cleaned text is a
 * subsequence of the input's lines (unchanged), kept plus removed blocks account for every
 * non-blank line, every twin is a kept block, and a second run gives the same result.
 *
 * <p>The input's length picks the configuration, so each execution cleans twice (not four
 * times): even lengths use the news preset, odd lengths the news preset with a small {@code
 * maxBlockChars} (40), which exercises the unanalyzed-long-block path. The fuzzer reaches both
 * with every input it mutates by one byte; the stored inputs cover both. A fuzzing run stops at
 * 10^6 executions or after 150 minutes (at ~150-300 executions per second on one loaded core).
 */
class CleanerFuzzTest {
  private static final Cleaner NEWS = Cleaner.create(CleanerConfig.news());
  private static final Cleaner SMALL_BLOCKS =
      Cleaner.create(CleanerConfig.news().withMaxBlockChars(40));

  @FuzzTest(maxDuration = "150m", maxExecutions = 1_000_000)
  void cleanedTextIsASubsequenceOfTheInputLines(byte[] data) {
    String text = FuzzText.decode(data);
    Cleaner c = (data.length & 1) == 0 ? NEWS : SMALL_BLOCKS;
    CleanResult r = c.clean(text);
    Invariants.checkResult(text, r);
    CleanResult again = c.clean(text);
    if (!again.text().equals(r.text()) || !again.removals().equals(r.removals())) {
      throw new AssertionError("two runs differ on " + Invariants.escape(text));
    }
  }
}
