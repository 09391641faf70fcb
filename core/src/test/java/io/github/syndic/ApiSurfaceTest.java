package io.github.syndic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's public face is closed: every type that a public signature of an exported package
 * names (parameters, results, exceptions, fields, supertypes, type arguments) is the JDK's or a
 * public type of an exported package. So no fastutil or jsoup type and nothing of {@code
 * internal} or another package the module keeps to itself leaks into the API, and a user on the
 * module path can call every public method it sees.
 */
class ApiSurfaceTest {
  /** The compiled module: target/classes (or the jar) holding module-info.class. */
  private static Path moduleRoot() throws URISyntaxException, IOException {
    Path p = Path.of(Cleaner.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    if (Files.isDirectory(p)) {
      return p;
    }
    FileSystem jar = FileSystems.newFileSystem(p);
    return jar.getPath("/");
  }

  private static ModuleDescriptor descriptor(Path root) throws IOException {
    try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  private static Set<String> exported(ModuleDescriptor d) {
    return d.exports().stream().filter(e -> !e.isQualified()).map(ModuleDescriptor.Exports::source)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /** Every class of the module, by file, sorted. */
  private static List<Path> classFiles(Path root) throws IOException {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(f -> f.toString().endsWith(".class")
              && !f.getFileName().toString().equals("module-info.class"))
          .sorted().collect(Collectors.toList());
    }
  }

  @Test
  void internalPackagesAreNotExported() throws Exception {
    Path root = moduleRoot();
    Set<String> exported = exported(descriptor(root));
    Set<String> packages = new TreeSet<>();
    for (Path f : classFiles(root)) {
      packages.add(root.relativize(f.getParent()).toString().replace('\\', '/').replace('/', '.'));
    }
    assertTrue(packages.contains("io.github.syndic.internal"), packages.toString());
    for (String p : packages) {
      assertTrue(exported.contains(p) || p.endsWith(".internal") || p.contains(".internal."),
          p + " is neither exported nor internal: say in module-info.java which it is");
    }
    for (String p : exported) {
      assertFalse(p.contains("internal"), p + " is exported");
    }
  }

  @Test
  void publicSignaturesNameOnlyExportedTypes() throws Exception {
    Path root = moduleRoot();
    Set<String> exported = exported(descriptor(root));
    List<String> leaks = new ArrayList<>();
    int types = 0;
    for (Path f : classFiles(root)) {
      String rel = root.relativize(f).toString().replace('\\', '/');
      if (rel.endsWith("package-info.class")) {
        continue;
      }
      String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
      Class<?> c = Class.forName(name, false, Cleaner.class.getClassLoader());
      if (!exported.contains(c.getPackageName()) || !visible(c)) {
        continue;
      }
      types++;
      check(c.getGenericSuperclass(), c.getName() + " extends", exported, leaks);
      for (Type t : c.getGenericInterfaces()) {
        check(t, c.getName() + " implements", exported, leaks);
      }
      for (Field x : c.getDeclaredFields()) {
        if (api(x)) {
          check(x.getGenericType(), c.getName() + "." + x.getName(), exported, leaks);
        }
      }
      List<Executable> members = new ArrayList<>(List.of(c.getDeclaredMethods()));
      members.addAll(List.of(c.getDeclaredConstructors()));
      for (Executable x : members) {
        if (!api(x) || x.isSynthetic() || (x instanceof Method m && m.isBridge())) {
          continue;
        }
        String where = c.getName() + "." + x.getName();
        if (x instanceof Method m) {
          check(m.getGenericReturnType(), where, exported, leaks);
        }
        for (Type t : x.getGenericParameterTypes()) {
          check(t, where, exported, leaks);
        }
        for (Type t : x.getGenericExceptionTypes()) {
          check(t, where, exported, leaks);
        }
      }
    }
    assertTrue(types > 40, "only " + types + " public types found under " + root);
    assertTrue(leaks.isEmpty(), "public signatures name types a module user cannot see:\n"
        + String.join("\n", leaks));
  }

  /** A public type whose enclosing types are public too (a user can name it). */
  private static boolean visible(Class<?> c) {
    for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
      if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  /** Public, or protected in a class that can be subclassed outside its package. */
  private static boolean api(Member m) {
    int mod = m.getModifiers();
    return Modifier.isPublic(mod)
        || (Modifier.isProtected(mod) && !Modifier.isFinal(m.getDeclaringClass().getModifiers()));
  }

  private static void check(Type t, String where, Set<String> exported, List<String> leaks) {
    if (t == null) {
      return;
    }
    if (t instanceof Class<?> c) {
      while (c.isArray()) {
        c = c.getComponentType();
      }
      if (c.isPrimitive() || c.getClassLoader() == null) {
        return; // the JDK's
      }
      if (!exported.contains(c.getPackageName()) || !visible(c)) {
        leaks.add(where + ": " + c.getName());
      }
    } else if (t instanceof ParameterizedType p) {
      check(p.getRawType(), where, exported, leaks);
      check(p.getOwnerType(), where, exported, leaks);
      for (Type a : p.getActualTypeArguments()) {
        check(a, where, exported, leaks);
      }
    } else if (t instanceof GenericArrayType g) {
      check(g.getGenericComponentType(), where, exported, leaks);
    } else if (t instanceof WildcardType w) {
      for (Type b : w.getUpperBounds()) {
        check(b, where, exported, leaks);
      }
      for (Type b : w.getLowerBounds()) {
        check(b, where, exported, leaks);
      }
    } else if (t instanceof TypeVariable<?> v) {
      for (Type b : v.getBounds()) {
        // the raw bound only: a bound may name the variable itself (T extends Comparable<T>)
        check(b instanceof ParameterizedType p ? p.getRawType() : b, where, exported, leaks);
      }
    }
  }

  /** Shapes the check must see through: a fastutil type as a type argument, an internal array. */
  @SuppressWarnings("unused")
  private static java.util.Map<String, List<it.unimi.dsi.fastutil.longs.LongArrayList>> sample(
      io.github.syndic.internal.DocumentView[] views, List<? extends io.github.syndic.doc.Block> ok) {
    return null;
  }

  @Test
  void theCheckFindsLeaksInsideTypeArgumentsAndArrays() throws Exception {
    Method m = ApiSurfaceTest.class.getDeclaredMethod("sample",
        io.github.syndic.internal.DocumentView[].class, List.class);
    Set<String> exported = exported(descriptor(moduleRoot()));
    List<String> leaks = new ArrayList<>();
    check(m.getGenericReturnType(), "result", exported, leaks);
    for (Type t : m.getGenericParameterTypes()) {
      check(t, "parameter", exported, leaks);
    }
    assertEquals(List.of("result: it.unimi.dsi.fastutil.longs.LongArrayList",
        "parameter: io.github.syndic.internal.DocumentView"), leaks);
  }
}
