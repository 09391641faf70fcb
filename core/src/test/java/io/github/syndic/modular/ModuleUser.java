package io.github.syndic.modular;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.boilerplate.TemplateModel;
import io.github.syndic.index.IndexConfig;
import io.github.syndic.index.Match;
import io.github.syndic.index.NearDuplicateIndex;
import io.github.syndic.minhash.MinHashSpec;
import io.github.syndic.minhash.Signature;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * A program outside the module that uses it from the module path, as a user's would ({@link
 * ModulePathTest} runs it): cleans text (the cue files are resources of the module) and HTML
 * (jsoup), saves and loads an index snapshot and a template model, serializes a signature, and
 * finds the internal package closed. Prints "ok" and exits 0, or throws.
 */
public final class ModuleUser {
  private ModuleUser() {}

  public static void main(String[] args) throws Exception {
    if (!Cleaner.class.getModule().isNamed()) {
      throw new AssertionError("syndic is not a named module here: " + Cleaner.class.getModule());
    }
    String doc = "The council met on Monday to discuss the budget for next year.\n"
        + "Read also: the mayor's plan for the harbour\n"
        + "The council met on Monday to discuss the budget for next year.\n"
        + "Tags: council, budget\n";
    CleanResult r = Cleaner.create(CleanerConfig.news()).clean(doc);
    if (r.removals().size() < 2) {
      throw new AssertionError("expected the repeat and the tags to go: " + r.removals());
    }
    CleanResult page = Cleaner.news().cleanHtml(
        "<html><body><nav>Home | World | Sport</nav><article><p>" + doc + "</p></article></body></html>",
        "");
    if (page.text().isEmpty()) {
      throw new AssertionError("nothing kept of the page");
    }
    Path dir = Files.createTempDirectory("syndic-module");
    NearDuplicateIndex index = NearDuplicateIndex.create(IndexConfig.defaults());
    index.add("a", doc, Instant.parse("2025-12-21T13:21:00Z"), "example.com");
    index.save(dir.resolve("index.snap"));
    Match m = NearDuplicateIndex.load(dir.resolve("index.snap"), IndexConfig.defaults())
        .add("b", doc, Instant.parse("2025-12-21T14:00:00Z"), "example.org");
    if (m.neighbors().isEmpty()) {
      throw new AssertionError("the copy found no earlier copy");
    }
    TemplateModel.Builder b = TemplateModel.builder();
    for (int i = 0; i < 6; i++) {
      b.addDocument("Follow us on our channel\nStory " + i);
    }
    TemplateModel model = b.build();
    model.save(dir.resolve("site.model"));
    if (!TemplateModel.load(dir.resolve("site.model")).equals(model)) {
      throw new AssertionError("template model round trip");
    }
    Signature s = MinHashSpec.defaults().hasher().sign(doc);
    ByteArrayOutputStream bos = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bos)) {
      out.writeObject(s);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bos.toByteArray()))) {
      if (!in.readObject().equals(s)) {
        throw new AssertionError("signature serialization round trip");
      }
    }
    // The internal package exists in the module but is not exported: its public types cannot be
    // used from outside.
    Class<?> view = Class.forName("io.github.syndic.internal.DocumentView");
    if (Cleaner.class.getModule().isExported("io.github.syndic.internal")) {
      throw new AssertionError("io.github.syndic.internal is exported");
    }
    try {
      view.getMethod("of", java.util.List.class).invoke(null, java.util.List.of());
      throw new AssertionError("io.github.syndic.internal.DocumentView is usable from outside");
    } catch (IllegalAccessException expected) {
      // closed, as it should be
    }
    System.out.println("ok");
  }
}
