package io.github.syndic.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.github.syndic.hostile.Invariants;
import io.github.syndic.text.BlockSegmenter;

/**
 * Fuzzes {@link BlockSegmenter}: the blocks are exactly the non-blank lines of the input (LF,
 * CRLF and lone CR end lines) with the right line numbers and offsets, checked against the
 * independent splitter in {@link Invariants}.
 */
class SegmenterFuzzTest {
  @FuzzTest(maxDuration = "10m", maxExecutions = 1_000_000)
  void blocksAreTheNonBlankLines(byte[] data) {
    String text = FuzzText.decode(data);
    Invariants.checkBlocks(text, BlockSegmenter.lines(text));
  }
}
