/**
 * Syndic's internal plumbing, shared by its packages and not part of the library's API: the
 * per-document {@link io.github.syndic.internal.DocumentView} that the cleaner hands down its
 * stages. Types here may change in any release.
 */
package io.github.syndic.internal;
