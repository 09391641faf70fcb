/**
 * How a feed's records are read, the same in every reader of syndic (the {@code syndic} command,
 * {@code syndic-spark}): the time forms ({@link io.github.syndic.feed.FeedTimes}), the window
 * and duration forms, the id rule ({@link io.github.syndic.feed.DocIds}) and the metadata TSV
 * ({@link io.github.syndic.feed.MetaTable}). No JSON or CLI library: callers parse their syntax
 * and hand the values here. Depends on nothing else in syndic.
 */
package io.github.syndic.feed;
