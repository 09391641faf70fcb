/**
 * What every persisted form of syndic shares: the header codec and CRC-32C checksum ({@link
 * io.github.syndic.format.FormatHeader}) and the exception family ({@link
 * io.github.syndic.format.FormatException}). The forms: {@code minhash.Signature}, {@code
 * boilerplate.TemplateModel}, {@code index.SourceTemplates} (toBytes/fromBytes, Java
 * serialization through a proxy to those bytes) and the index snapshot ({@code
 * NearDuplicateIndex.save/load}). Depends on nothing else in syndic.
 */
package io.github.syndic.format;
