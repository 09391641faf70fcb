package io.github.syndic.modular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.syndic.Cleaner;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * syndic works as a module: {@link ModuleUser} runs in a JVM with syndic-core, fastutil-core and
 * jsoup on the module path (the tests themselves run on the class path).
 */
class ModulePathTest {
  @Test
  void aProgramOnTheModulePathUsesTheExportedApiAndCannotUseInternal() throws Exception {
    Path module = Path.of(Cleaner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Path tests = Path.of(ModuleUser.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    assumeTrue(Files.exists(module.resolve("module-info.class")) || Files.isRegularFile(module),
        "syndic-core is not built as a module here: " + module);
    List<String> modulePath = new ArrayList<>();
    modulePath.add(module.toString());
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String name = Path.of(e).getFileName().toString();
      if (name.startsWith("fastutil-core-") || name.startsWith("jsoup-")) {
        modulePath.add(e);
      }
    }
    assertEquals(3, modulePath.size(), "fastutil-core and jsoup on the class path: " + modulePath);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process p = new ProcessBuilder(java.toString(), "-Xmx256m",
        "-p", String.join(File.pathSeparator, modulePath),
        "--add-modules", "io.github.syndic.core",
        "-cp", tests.toString(), ModuleUser.class.getName())
        .redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(true, p.waitFor(2, TimeUnit.MINUTES), "timed out: " + out);
    assertEquals(0, p.exitValue(), out);
    assertEquals("ok", out.strip());
  }
}
