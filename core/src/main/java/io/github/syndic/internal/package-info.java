/**
 * Syndic's internal plumbing, shared by its packages and not part of the library's API (the module
 * does not export this package; its types may change in any release): the per-document {@link
 * io.github.syndic.internal.DocumentView} that the cleaner hands down its stages, the header codec
 * of every persisted form ({@link io.github.syndic.internal.FormatHeader}: magic, version,
 * CRC-32C), the spec codec of signatures and snapshots ({@link io.github.syndic.internal.SpecCodec})
 * and their one Java serialization proxy ({@link io.github.syndic.internal.BytesProxy}).
 */
package io.github.syndic.internal;
