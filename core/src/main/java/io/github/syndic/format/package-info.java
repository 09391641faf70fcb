/**
 * The exception family of syndic's persisted forms: {@link io.github.syndic.format.FormatException}
 * (and its {@code index.SnapshotException}) says, naming the format, why bytes or a file cannot be
 * read. The forms share one header codec and checksum (magic, version, CRC-32C; internal) and one
 * verb pair each: {@code toBytes}/{@code fromBytes} for the bytes ({@code minhash.Signature},
 * {@code boilerplate.TemplateModel}, {@code index.SourceTemplates}, whose Java serialization goes
 * through one proxy to those bytes) and {@code save}/{@code load} for a file ({@code
 * boilerplate.TemplateModel}, {@code index.NearDuplicateIndex}'s snapshot). Depends on nothing
 * else in syndic.
 */
package io.github.syndic.format;
