/**
 * In-document duplicates: exact, near (reworded), contained (truncated teasers, quoted lines) and
 * concatenated (run-on blobs that glue paragraphs) blocks, and the policies that choose which copy
 * stays. Entry point: {@link io.github.syndic.dup.DuplicateDetector}; the thresholds, with where
 * each value comes from, are its public constants.
 */
package io.github.syndic.dup;
