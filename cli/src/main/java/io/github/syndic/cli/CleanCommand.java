package io.github.syndic.cli;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.boilerplate.BoilerplateConfig;
import io.github.syndic.boilerplate.Lexicon;
import io.github.syndic.boilerplate.TemplateModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code syndic clean}: removes boilerplate and duplicated blocks from scraped text files. */
@Command(
    name = "clean",
    mixinStandardHelpOptions = true,
    description = {
      "Removes boilerplate and duplicated paragraphs from text files.",
      "The kept lines are written unchanged, in their original order."
    },
    footer = {
      "",
      "Exit status: 0 all inputs cleaned, 1 some input failed (named on stderr), 2 usage error.",
      "Inputs are never modified unless --in-place is given; every output file is written",
      "atomically (temporary file, then rename)."
    })
final class CleanCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    jsonl,
    annotated
  }

  /** Files above which a progress bar is shown on a terminal. */
  static final int PROGRESS_MIN_FILES = 20;

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (kept lines), jsonl (one object per input with removals and metadata),"
          + " or annotated (every line marked and explained). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write one output file per input under DIR (same relative path and name)"
          + " instead of standard output.")
  Path out;

  @Option(names = "--in-place", description = "Replace each input file by its cleaned text"
      + " (atomically, after the whole file is processed). Only with --format text.")
  boolean inPlace;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "In directories, only files matching GLOB; repeatable. Default: '*.txt',"
          + " '*.html' and '*.htm'"
          + " (use --include '*' for every file).")
  List<String> includes = new ArrayList<>();

  /** Files taken from directories when no --include is given. */
  static final List<String> DEFAULT_INCLUDES = List.of("*.txt", "*.html", "*.htm");

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "auto (HTML when the name ends in .html/.htm or the content opens like an"
          + " HTML page, else text), text or html. Default: ${DEFAULT-VALUE}.")
  HtmlInput.Format inputFormat = HtmlInput.Format.auto;

  @Option(names = "--exclude", paramLabel = "GLOB",
      description = "In directories, skip files matching GLOB; repeatable.")
  List<String> excludes = new ArrayList<>();

  @Option(names = {"-j", "--jobs"}, paramLabel = "N",
      description = "Files processed in parallel (default: number of cores). Output does not"
          + " depend on N.")
  int jobs = Runtime.getRuntime().availableProcessors();

  @Option(names = "--charset", paramLabel = "NAME",
      description = "Input encoding (default: ${DEFAULT-VALUE}); bytes that are not valid in it"
          + " make the file fail. HTML without --charset: BOM, <meta charset>, then detection.")
  String charsetName = "UTF-8";

  @Option(names = "--no-boilerplate", description = "Keep boilerplate; remove duplicates only.")
  boolean noBoilerplate;

  @Option(names = "--no-duplicates", description = "Keep duplicates; remove boilerplate only.")
  boolean noDuplicates;

  /** How the input is laid out. */
  enum Layout {
    auto,
    article,
    page;

    /** The library's layout of the same name. */
    io.github.syndic.boilerplate.Layout library() {
      return io.github.syndic.boilerplate.Layout.parse(name());
    }
  }

  @Option(names = "--layout", paramLabel = "LAYOUT",
      description = "auto (chosen per file from its share of short lines; shown in jsonl and"
          + " annotated output and counted in the summary), article (an article with some"
          + " furniture, e.g. a crawler's extracted text) or page (a whole scraped page: menus,"
          + " teasers and footers around one article; only the densest region of running text is"
          + " kept). Default: ${DEFAULT-VALUE}. HTML input needs no layout: its structure tells"
          + " the article from the page around it.")
  Layout layout = Layout.auto;

  @Option(names = "--profile", paramLabel = "FILE",
      description = "Apply a source template learned by 'syndic learn'.")
  Path profile;

  @Option(names = "--cues", paramLabel = "FILE",
      description = "Extra cue phrases (the format of the built-in cue files); repeatable.")
  List<Path> cues = new ArrayList<>();

  @Option(names = "--progress", paramLabel = "WHEN",
      description = "Progress bar on stderr: auto (on a terminal, for " + PROGRESS_MIN_FILES
          + "+ files; Java sees a terminal only when stdin and stdout are one too), always, never."
          + " Default: ${DEFAULT-VALUE}.")
  String progressMode = "auto";

  @Option(names = {"-q", "--quiet"}, description = "No summary or progress on stderr.")
  boolean quiet;

  @Option(names = "--color", description = "Colours in annotated output: auto, always, never"
      + " (default: ${DEFAULT-VALUE}).")
  String color = "auto";

  @Parameters(arity = "1..*", paramLabel = "INPUT",
      description = "Files, directories (recursive) or - for standard input.")
  List<Path> inputs;

  InputStream stdin = System.in;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Charset charset = parseCharset();
    validate();
    List<InputFiles.Input> files = InputFiles.collect(inputs, includes.isEmpty() ? DEFAULT_INCLUDES : includes, excludes);
    checkOutputs(files);
    if (files.isEmpty()) {
      if (!quiet) {
        stderr.println("syndic: no input files found");
        stderr.flush();
      }
      return 0;
    }
    Cleaner cleaner = Cleaner.create(config(spec, layout, profile, cues)
        .withBoilerplate(!noBoilerplate)
        .withDuplicates(!noDuplicates));
    boolean colour = color.equals("always")
        || (color.equals("auto") && out == null && System.console() != null);
    boolean showProgress = progressMode.equals("always")
        || (progressMode.equals("auto") && !quiet && System.console() != null
            && files.size() >= PROGRESS_MIN_FILES);
    Progress progress = new Progress(stderr, showProgress, files.size());

    Summary sum = new Summary();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(r, "syndic-clean");
      t.setDaemon(true);
      return t;
    });
    try {
      Deque<Future<Outcome>> window = new ArrayDeque<>();
      int limit = Math.max(1, jobs) * 4;
      for (InputFiles.Input in : files) {
        window.add(pool.submit(() -> process(in, cleaner, charset, colour)));
        if (window.size() >= limit) {
          consume(window.poll(), stdout, stderr, sum, progress);
        }
      }
      while (!window.isEmpty()) {
        consume(window.poll(), stdout, stderr, sum, progress);
      }
    } finally {
      pool.shutdownNow();
    }
    stdout.flush();
    progress.finish();
    if (!quiet) {
      stderr.println(sum.describe());
      stderr.flush();
    }
    return sum.failures > 0 ? 1 : 0;
  }

  /**
   * The cleaner configuration for a layout, a template file and extra cue files; unreadable or
   * invalid files are usage errors naming the file.
   */
  static CleanerConfig config(CommandSpec spec, Layout layout, Path profile, List<Path> cues) {
    BoilerplateConfig b = BoilerplateConfig.defaults();
    for (Path c : cues) {
      try {
        String name = c.getFileName().toString();
        int dot = name.indexOf('.');
        b = b.withExtraCues(Lexicon.load(c, dot > 0 ? name.substring(0, dot) : name));
      } catch (IOException | RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "cannot use cue file " + c + ": "
            + e.getMessage());
      }
    }
    CleanerConfig config = CleanerConfig.news().withBoilerplateConfig(b)
        .withLayout(layout.library());
    if (profile != null) {
      try {
        config = config.withTemplate(TemplateModel.readFrom(profile));
      } catch (IOException | RuntimeException e) {
        throw new ParameterException(spec.commandLine(), "cannot use profile " + profile + ": "
            + e.getMessage());
      }
    }
    return config;
  }

  private Charset parseCharset() {
    return charset(spec, charsetName);
  }

  /** The named charset; an unknown name is a usage error naming it. */
  static Charset charset(CommandSpec spec, String name) {
    try {
      return Charset.forName(name);
    } catch (RuntimeException e) {
      throw new ParameterException(spec.commandLine(), "unknown charset '" + name + "'");
    }
  }

  private void validate() {
    if (jobs < 1) {
      throw new ParameterException(spec.commandLine(), "--jobs must be >= 1, got " + jobs);
    }
    if (inPlace && out != null) {
      throw new ParameterException(spec.commandLine(), "--in-place and --out exclude each other");
    }
    if (inPlace && format != Format.text) {
      throw new ParameterException(spec.commandLine(), "--in-place needs --format text");
    }
    if (!List.of("auto", "always", "never").contains(progressMode)) {
      throw new ParameterException(spec.commandLine(),
          "--progress must be auto, always or never, got '" + progressMode + "'");
    }
    if (!List.of("auto", "always", "never").contains(color)) {
      throw new ParameterException(spec.commandLine(),
          "--color must be auto, always or never, got '" + color + "'");
    }
    for (Path p : inputs) {
      if (p.toString().equals("-") && (inPlace || out != null)) {
        throw new ParameterException(spec.commandLine(),
            "standard input (-) can only be written to standard output");
      }
    }
  }

  /** Refuses (usage error) an --out inside an input directory or over an input file. */
  private void checkOutputs(List<InputFiles.Input> files) throws IOException {
    if (out == null) {
      return;
    }
    Path outAbs = canonical(out);
    for (Path p : inputs) {
      if (!p.toString().equals("-") && Files.isDirectory(p) && outAbs.startsWith(canonical(p))) {
        throw new ParameterException(spec.commandLine(),
            "--out " + out + " is inside input directory " + p + "; choose another directory");
      }
    }
    for (InputFiles.Input in : files) {
      if (in.file() != null && canonical(out.resolve(in.relative())).equals(canonical(in.file()))) {
        throw new ParameterException(spec.commandLine(),
            "output " + out.resolve(in.relative()) + " would overwrite input " + in.file());
      }
    }
  }

  /** The real path when it exists, else the absolute normalized path (parents resolved). */
  private static Path canonical(Path p) throws IOException {
    Path abs = p.toAbsolutePath().normalize();
    Path existing = abs;
    Path rest = null;
    while (existing != null && !Files.exists(existing)) {
      Path name = existing.getFileName();
      rest = rest == null ? name : name.resolve(rest);
      existing = existing.getParent();
    }
    if (existing == null) {
      return abs;
    }
    Path real = existing.toRealPath();
    return rest == null ? real : real.resolve(rest);
  }

  /** What processing one input gave. */
  private record Outcome(
      InputFiles.Input input, String rendered, String error, long bytesIn, long bytesOut,
      Map<RemovalKind, Integer> counts, io.github.syndic.boilerplate.Layout layout) {}

  private Outcome process(InputFiles.Input in, Cleaner cleaner, Charset charset, boolean colour) {
    byte[] bytes;
    try {
      bytes = InputFiles.readBytes(in, stdin);
    } catch (NoSuchFileException e) {
      return failed(in, "no such file");
    } catch (IOException e) {
      return failed(in, "cannot read: " + e.getMessage());
    } catch (OutOfMemoryError e) {
      return failed(in, "too large to read into memory");
    }
    CleanResult r;
    boolean page = HtmlInput.isHtml(inputFormat, in.file(), bytes);
    if (page) {
      if (HtmlInput.binary(bytes)) {
        return failed(in, "binary file (NUL byte), not HTML");
      }
      boolean explicit = spec.commandLine().getParseResult() != null
          && spec.commandLine().getParseResult().hasMatchedOption("--charset");
      r = cleaner.cleanHtml(bytes, explicit ? charset : null, "");
    } else {
      String text;
      try {
        text = InputFiles.decode(bytes, charset);
      } catch (InputFiles.BadInputException e) {
        return failed(in, e.getMessage());
      }
      r = cleaner.clean(text);
    }
    String name = in.file() == null ? "-" : in.relative().toString();
    String rendered = switch (format) {
      case text -> r.text();
      case jsonl -> Formats.jsonl(name, r);
      case annotated -> Formats.annotated(in.display(), r, colour);
    };
    long bytesOut = rendered.getBytes(StandardCharsets.UTF_8).length;
    try {
      if (inPlace) {
        AtomicFiles.write(in.file(), rendered);
        rendered = null;
      } else if (out != null) {
        AtomicFiles.write(out.resolve(outputName(in.relative(), page)), rendered, false);
        rendered = null;
      }
    } catch (IOException e) {
      Path target = inPlace ? in.file() : out.resolve(outputName(in.relative(), page));
      return failed(in, "cannot write " + target + ": " + e.getMessage());
    }
    return new Outcome(in, rendered, null, bytes.length, bytesOut, r.countsByKind(), r.layout());
  }

  /**
   * The output path of an input under --out: the same relative path, except that an HTML page's
   * text output ends in .txt instead of .html/.htm (a JSON Lines or annotated output keeps the
   * name).
   */
  Path outputName(Path relative, boolean page) {
    if (!page || format != Format.text || !HtmlInput.hasHtmlName(relative)) {
      return relative;
    }
    String n = relative.getFileName().toString();
    String txt = n.substring(0, n.lastIndexOf('.')) + ".txt";
    return relative.resolveSibling(txt);
  }

  private static Outcome failed(InputFiles.Input in, String why) {
    return new Outcome(in, null, why, 0, 0, Map.of(), null);
  }

  private void consume(Future<Outcome> f, PrintWriter stdout, PrintWriter stderr, Summary sum,
      Progress progress) throws InterruptedException {
    Outcome o;
    try {
      o = f.get();
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      stderr.println("syndic: internal error: " + c);
      stderr.flush();
      sum.failures++;
      return;
    }
    if (o.error() != null) {
      progress.clear();
      stderr.println("syndic: " + o.input().display() + ": " + o.error());
      stderr.flush();
      sum.failures++;
    } else {
      if (o.rendered() != null) {
        stdout.print(o.rendered());
      }
      sum.add(o);
    }
    progress.step();
  }

  /** Totals for the end-of-run summary. */
  private static final class Summary {
    int files;
    int failures;
    long bytesIn;
    long bytesOut;
    int pages;
    final Map<RemovalKind, Integer> counts = new EnumMap<>(RemovalKind.class);

    void add(Outcome o) {
      files++;
      if (o.layout() == io.github.syndic.boilerplate.Layout.PAGE) {
        pages++;
      }
      bytesIn += o.bytesIn();
      bytesOut += o.bytesOut();
      o.counts().forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }

    String describe() {
      StringBuilder sb = new StringBuilder("syndic: ");
      sb.append(files).append(files == 1 ? " file" : " files");
      if (failures > 0) {
        sb.append(", ").append(failures).append(" failed");
      }
      sb.append(String.format(Locale.ROOT, ", %s in, %s out", human(bytesIn), human(bytesOut)));
      sb.append(", layout: ").append(files - pages).append(" article, ").append(pages)
          .append(" page");
      int total = counts.values().stream().mapToInt(Integer::intValue).sum();
      sb.append(", ").append(total).append(" blocks removed");
      if (total > 0) {
        sb.append(" (");
        boolean first = true;
        for (var e : counts.entrySet()) {
          sb.append(first ? "" : ", ").append(e.getKey().label()).append(' ').append(e.getValue());
          first = false;
        }
        sb.append(')');
      }
      return sb.toString();
    }

    static String human(long b) {
      if (b < 1024) {
        return b + " B";
      }
      if (b < 1024 * 1024) {
        return String.format(Locale.ROOT, "%.1f KiB", b / 1024.0);
      }
      return String.format(Locale.ROOT, "%.1f MiB", b / (1024.0 * 1024));
    }
  }
}
