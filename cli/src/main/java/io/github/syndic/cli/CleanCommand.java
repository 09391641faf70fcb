package io.github.syndic.cli;

import io.github.syndic.CleanResult;
import io.github.syndic.Cleaner;
import io.github.syndic.CleanerConfig;
import io.github.syndic.doc.RemovalKind;
import io.github.syndic.boilerplate.BoilerplateConfig;
import io.github.syndic.boilerplate.Lexicon;
import io.github.syndic.boilerplate.TemplateModel;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
      "Exit status: 0 all inputs cleaned, 1 some input failed (named on stderr) or standard",
      "output could not be written, 2 usage error, 141 standard output closed (e.g. '| head'),",
      "which stops the run.",
      "Inputs are never modified unless --in-place is given; every output file is written",
      "atomically (temporary file, then rename). Inputs must be regular files of at most",
      (InputFiles.MAX_INPUT_BYTES >> 20) + " MiB (JSON Lines: lines of at most "
          + (JsonLines.MAX_LINE_BYTES >> 20) + " MiB); a UTF-16 file with a byte order mark is",
      "read as UTF-16. Text output: each kept line as it was (its CR of a CRLF ending dropped),",
      "ending with a line feed; blank lines are not kept."
    })
final class CleanCommand implements Callable<Integer> {
  /** Output formats. */
  enum Format {
    text,
    jsonl,
    annotated
  }

  @Spec CommandSpec spec;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (kept lines), jsonl (one object per input with removals and metadata),"
          + " or annotated (every line marked and explained). Default: ${DEFAULT-VALUE}.")
  Format format = Format.text;

  @Option(names = {"-o", "--out"}, paramLabel = "DIR",
      description = "Write one output file per input under DIR (same relative path; the name"
          + " ends in .jsonl for --format jsonl, .annotated.txt for annotated) instead of standard"
          + " output. Two inputs with the same output name are refused before anything is"
          + " written.")
  Path out;

  @Option(names = "--in-place", description = "Replace each input file by its cleaned text"
      + " (atomically, after the whole file is processed; the file keeps its permissions, and"
      + " its owner where permitted; a symbolic link is followed and its target replaced). Only"
      + " with --format text.")
  boolean inPlace;

  @Option(names = "--include", paramLabel = "GLOB",
      description = "In directories, only files matching GLOB; repeatable. Default: '*.txt',"
          + " '*.html' and '*.htm'"
          + " (use --include '*' for every file).")
  List<String> includes = new ArrayList<>();

  /** Files taken from directories when no --include is given. */
  static final List<String> DEFAULT_INCLUDES = List.of("*.txt", "*.html", "*.htm");

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
      description = "Progress bar on stderr (documents, rate, time left): auto (when stderr is a"
          + " terminal and the run lasts over a second), always, never. Default: ${DEFAULT-VALUE}.")
  String progressMode = "auto";

  /** How inputs are read. */
  enum InputFormat {
    auto,
    text,
    html,
    jsonl
  }

  @Option(names = "--input-format", paramLabel = "FORMAT",
      description = "auto (files named .jsonl or .json are JSON Lines; HTML when the name ends in"
          + " .html/.htm or the content opens like an HTML page; else text), text, html, or jsonl (records with 'id' and 'text', as dedup reads them; each is"
          + " cleaned and written back with its id and other fields, so 'clean | dedup' chains)."
          + " Default: ${DEFAULT-VALUE}.")
  InputFormat inputFormat = InputFormat.auto;

  @Option(names = {"-q", "--quiet"}, description = "No summary or progress on stderr.")
  boolean quiet;

  @Option(names = "--color", description = "Colours in annotated output: auto, always, never"
      + " (default: ${DEFAULT-VALUE}).")
  String color = "auto";

  @Parameters(arity = "0..*", paramLabel = "INPUT",
      description = "Files, directories (recursive) or - for standard input (the default when"
          + " standard input is not a terminal).")
  List<Path> inputs;

  InputStream stdin = System.in;

  /** Whether standard input is a terminal; null: ask {@link Terminals} (tests set it). */
  Boolean stdinIsTerminal;

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Charset charset = parseCharset();
    if (inputs == null || inputs.isEmpty()) {
      if (stdinIsTerminal != null ? stdinIsTerminal : Terminals.stdin()) {
        throw new ParameterException(spec.commandLine(),
            "no input: give files, directories, or - for standard input");
      }
      inputs = List.of(Path.of("-"));
    }
    validate();
    List<InputFiles.Input> files = InputFiles.collect(inputs, includes.isEmpty() ? DEFAULT_INCLUDES : includes, excludes);
    Map<InputFiles.Input, Path> targets = checkOutputs(files);
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
        || (progressMode.equals("auto") && !quiet && Terminals.stderr());
    boolean anyRecords = files.stream().anyMatch(this::isRecords);
    Progress progress = new Progress(stderr, showProgress, anyRecords ? -1 : files.size(),
        anyRecords ? "documents" : "files", progressMode.equals("always"));

    Run run = new Run(cleaner, charset, colour, stdout, stderr, progress, targets);
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, jobs), r -> {
      Thread t = new Thread(r, "syndic-clean");
      t.setDaemon(true);
      return t;
    });
    run.pool = pool;
    try {
      for (InputFiles.Input in : files) {
        if (in.error() != null) {
          run.submitDone(new Outcome(Unit.of(in), null, in.error(), 0));
        } else if (isRecords(in)) {
          run.records(in);
        } else {
          Unit u = Unit.of(in);
          run.submit(u);
        }
      }
      run.drain(0);
    } catch (StopException stopped) {
      // standard output failed: reported below
    } finally {
      pool.shutdownNow();
      run.abortOpen();
    }
    progress.finish();
    if (run.stdoutFailure != null) {
      if (run.brokenPipe) {
        return StdOut.BROKEN_PIPE_STATUS;
      }
      stderr.println("syndic: cannot write standard output: " + run.stdoutFailure
          + "; stopped");
      if (!quiet) {
        stderr.println(run.sum.describe() + " (stopped)");
      }
      stderr.flush();
      return 1;
    }
    if (!quiet) {
      stderr.println(run.sum.describe());
      stderr.flush();
    }
    return run.sum.failures > 0 ? 1 : 0;
  }

  private boolean isRecords(InputFiles.Input in) {
    return switch (inputFormat) {
      case text, html -> false;
      case jsonl -> true;
      case auto -> in.file() != null && FeedDocs.isJsonl(in.file());
    };
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
        config = config.withTemplate(TemplateModel.load(profile));
      } catch (RuntimeException e) { // FormatException, UncheckedIOException
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
      if (InputFiles.isStdin(p) && (inPlace || out != null)) {
        throw new ParameterException(spec.commandLine(),
            "standard input (-) can only be written to standard output");
      }
    }
    if (out != null && Files.exists(out) && !Files.isDirectory(out)) {
      throw new ParameterException(spec.commandLine(),
          "--out " + out + " is not a directory; --out names the directory that receives one"
              + " output per input");
    }
    if (inputFormat != InputFormat.text && InputFiles.isUtf16(parseCharset())) {
      throw new ParameterException(spec.commandLine(), "JSON Lines are not read in "
          + charsetName + "; give --input-format text or another charset");
    }
  }

  /** The name of an input's output under --out: the format's extension replaces the input's. */
  private Path outputName(InputFiles.Input in) {
    Path rel = in.relative();
    String name = rel.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    boolean page = inputFormat != InputFormat.text && HtmlInput.hasHtmlName(rel);
    String renamed = switch (format) {
      case text -> page ? base + ".txt" : name;
      case jsonl -> isRecords(in) ? name : base + ".jsonl";
      case annotated -> base + ".annotated.txt";
    };
    return rel.resolveSibling(renamed);
  }

  /**
   * The output file of each input (with --out or --in-place; empty otherwise). Refuses (usage
   * error, before anything is written) an --out inside an input directory, an output over any
   * input file, and two inputs with the same output, naming both.
   */
  private Map<InputFiles.Input, Path> checkOutputs(List<InputFiles.Input> files)
      throws IOException {
    Map<InputFiles.Input, Path> targets = new java.util.HashMap<>();
    if (inPlace) {
      for (InputFiles.Input in : files) {
        if (in.file() != null && in.error() == null) {
          targets.put(in, in.file());
        }
      }
      return targets;
    }
    if (out == null) {
      return targets;
    }
    Path outAbs = canonical(out);
    for (Path p : inputs) {
      if (!InputFiles.isStdin(p) && Files.isDirectory(p) && outAbs.startsWith(canonical(p))) {
        throw new ParameterException(spec.commandLine(),
            "--out " + out + " is inside input directory " + p + "; choose another directory");
      }
    }
    Map<Path, InputFiles.Input> inputFiles = new java.util.HashMap<>();
    for (InputFiles.Input in : files) {
      if (in.file() != null && in.error() == null) {
        inputFiles.put(canonical(in.file()), in);
      }
    }
    Map<Path, InputFiles.Input> byTarget = new java.util.HashMap<>();
    for (InputFiles.Input in : files) {
      if (in.file() == null || in.error() != null) {
        continue;
      }
      Path target = out.resolve(outputName(in));
      Path key = canonical(target);
      InputFiles.Input over = inputFiles.get(key);
      if (over != null) {
        throw new ParameterException(spec.commandLine(),
            "output " + target + " would overwrite input " + over.file());
      }
      InputFiles.Input other = byTarget.putIfAbsent(key, in);
      if (other != null) {
        throw new ParameterException(spec.commandLine(), "inputs " + other.file() + " and "
            + in.file() + " would both be written to " + target + "; clean them in separate runs"
            + " or to separate --out directories");
      }
      targets.put(in, target);
    }
    return targets;
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

  /** What a unit of work is. */
  private enum Kind {
    /** A text file (or standard input), one document. */
    FILE,
    /** One record of a JSON Lines input. */
    RECORD,
    /** A line of a JSON Lines input that is no valid record (its error is in the outcome). */
    BAD_RECORD,
    /** A JSON Lines input begins: its output opens. */
    START,
    /** A JSON Lines input ends: its output is committed. */
    END
  }

  /** One unit of work, in input order. */
  private record Unit(Kind kind, InputFiles.Input in, long line, ObjectNode record, String id,
      String text) {
    static Unit of(InputFiles.Input in) {
      return new Unit(Kind.FILE, in, 0, null, null, null);
    }

    String where() {
      return line > 0 ? in.display() + ":" + line : in.display();
    }
  }

  /** What processing one unit gave: a result, or the error that stopped it. */
  private record Outcome(Unit unit, CleanResult result, String error, long bytesIn) {}

  /** Thrown to stop the run when standard output fails. */
  private static final class StopException extends RuntimeException {
    StopException() {
      super(null, null, false, false);
    }
  }

  /** One run: the window of work in flight, the open output, the totals. Main thread only. */
  private final class Run {
    final Cleaner cleaner;
    final Charset charset;
    final boolean colour;
    final PrintWriter stdout;
    final PrintWriter stderr;
    final Progress progress;
    final Map<InputFiles.Input, Path> targets;
    final Summary sum = new Summary();
    final Deque<Future<Outcome>> window = new ArrayDeque<>();
    /** Work in flight at most: enough to keep every job busy, few results held at once. */
    final int limit = Math.max(1, jobs) * 2;
    ExecutorService pool;
    /** The output of the JSON Lines input being written (with --out or --in-place). */
    AtomicFiles.Pending open;
    CountingWriter openWriter;
    /** The JSON Lines input whose output failed: its records are not written. */
    InputFiles.Input openFailed;
    String stdoutFailure;
    boolean brokenPipe;

    Run(Cleaner cleaner, Charset charset, boolean colour, PrintWriter stdout, PrintWriter stderr,
        Progress progress, Map<InputFiles.Input, Path> targets) {
      this.cleaner = cleaner;
      this.charset = charset;
      this.colour = colour;
      this.stdout = stdout;
      this.stderr = stderr;
      this.progress = progress;
      this.targets = targets;
    }

    void submit(Unit u) throws InterruptedException {
      window.add(pool.submit(() -> process(u)));
      drain(limit - 1);
    }

    void submitDone(Outcome o) throws InterruptedException {
      window.add(java.util.concurrent.CompletableFuture.completedFuture(o));
      drain(limit - 1);
    }

    /** Consumes finished work, in order, until at most {@code keep} units are in flight. */
    void drain(int keep) throws InterruptedException {
      while (window.size() > keep) {
        consume(window.poll());
      }
    }

    /** Reads a JSON Lines input record by record into the window. */
    void records(InputFiles.Input in) throws InterruptedException {
      InputStream s;
      try {
        s = InputFiles.open(in, stdin);
      } catch (NoSuchFileException e) {
        submitDone(new Outcome(Unit.of(in), null, "no such file", 0));
        return;
      } catch (IOException e) {
        submitDone(new Outcome(Unit.of(in), null, "cannot read: " + InputFiles.reason(e), 0));
        return;
      } catch (InputFiles.BadInputException e) {
        submitDone(new Outcome(Unit.of(in), null, e.getMessage(), 0));
        return;
      }
      submitDone(new Outcome(new Unit(Kind.START, in, 0, null, null, null), null, null, 0));
      try {
        new JsonLines(charset).read(s, new JsonLines.Handler() {
          @Override
          public void record(long line, ObjectNode o) throws IOException {
            JsonNode idNode = o.get("id");
            String id = Records.idOf(idNode);
            String bad = id == null ? (idNode == null || idNode.isNull() ? "no 'id'"
                : "'id' must be a string or an integer") : Records.idProblem(id);
            JsonNode text = o.get("text");
            if (bad == null && (text == null || !text.isTextual())) {
              bad = "no string 'text'";
            }
            try {
              if (bad != null) {
                submitDone(new Outcome(new Unit(Kind.BAD_RECORD, in, line, null, null, null),
                    null, bad, 0));
              } else {
                submit(new Unit(Kind.RECORD, in, line, o, id, text.textValue()));
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.io.InterruptedIOException();
            }
          }

          @Override
          public void error(long line, String reason) throws IOException {
            try {
              submitDone(new Outcome(new Unit(Kind.BAD_RECORD, in, line, null, null, null), null,
                  reason, 0));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new java.io.InterruptedIOException();
            }
          }
        });
      } catch (java.io.InterruptedIOException e) {
        throw new InterruptedException();
      } catch (IOException e) {
        submitDone(new Outcome(new Unit(Kind.BAD_RECORD, in, 0, null, null, null), null,
            "cannot read: " + InputFiles.reason(e), 0));
      } finally {
        if (s != stdin) {
          try {
            s.close();
          } catch (IOException ignored) {
            // read-only
          }
        }
      }
      submitDone(new Outcome(new Unit(Kind.END, in, 0, null, null, null), null, null, 0));
    }

    private Outcome process(Unit u) {
      try {
        if (u.kind() == Kind.RECORD) {
          long bytes = u.text().getBytes(StandardCharsets.UTF_8).length;
          return new Outcome(u, cleaner.clean(u.text()), null, bytes);
        }
        byte[] bytes;
        try {
          bytes = InputFiles.readBytes(u.in(), stdin);
        } catch (NoSuchFileException e) {
          return new Outcome(u, null, "no such file", 0);
        } catch (IOException e) {
          return new Outcome(u, null, "cannot read: " + InputFiles.reason(e), 0);
        } catch (InputFiles.BadInputException e) {
          return new Outcome(u, null, e.getMessage(), 0);
        }
        HtmlInput.Format hf = inputFormat == InputFormat.html ? HtmlInput.Format.html
            : inputFormat == InputFormat.text ? HtmlInput.Format.text : HtmlInput.Format.auto;
        if (HtmlInput.isHtml(hf, u.in().file(), bytes)) {
          if (HtmlInput.binary(bytes)) {
            return new Outcome(u, null, "binary file (NUL byte), not HTML", 0);
          }
          boolean explicit = spec.commandLine().getParseResult() != null
              && spec.commandLine().getParseResult().hasMatchedOption("--charset");
          return new Outcome(u, cleaner.cleanHtml(bytes, explicit ? charset : null, ""), null,
              bytes.length);
        }
        String text;
        try {
          text = InputFiles.decode(bytes, charset);
        } catch (InputFiles.BadInputException e) {
          return new Outcome(u, null, e.getMessage(), 0);
        }
        int n = bytes.length;
        bytes = null; // let the collector take them while the text is cleaned
        return new Outcome(u, cleaner.clean(text), null, n);
      } catch (OutOfMemoryError e) {
        return new Outcome(u, null, Main.HEAP_HINT, 0);
      }
    }

    private void consume(Future<Outcome> f) throws InterruptedException {
      Outcome o;
      try {
        o = f.get();
      } catch (ExecutionException e) {
        error("syndic: internal error: " + e.getCause());
        return;
      }
      Unit u = o.unit();
      switch (u.kind()) {
        case START -> {
          openFailed = null;
          Path target = targets.get(u.in());
          if (target != null) {
            try {
              open = AtomicFiles.open(target, inPlace, null);
              openWriter = new CountingWriter(new OutputStreamWriter(open.stream(),
                  StandardCharsets.UTF_8));
            } catch (IOException e) {
              openFailed = u.in();
              error("syndic: " + u.in().display() + ": cannot write " + target + ": "
                  + InputFiles.reason(e));
            }
          }
          return;
        }
        case END -> {
          if (open != null) {
            Path target = targets.get(u.in());
            try {
              openWriter.flush();
              open.commit();
            } catch (IOException e) {
              error("syndic: " + u.in().display() + ": cannot write " + target + ": "
                  + InputFiles.reason(e));
            } finally {
              open = null;
              openWriter = null;
            }
          }
          return;
        }
        default -> {
          // written below
        }
      }
      if (o.error() != null) {
        error("syndic: " + Main.printable(u.where()) + ": " + o.error());
        progress.step();
        return;
      }
      try {
        write(u, o);
      } catch (OutOfMemoryError e) {
        error("syndic: " + u.where() + ": " + Main.HEAP_HINT);
      }
      progress.step();
    }

    private void write(Unit u, Outcome o) {
      CleanResult r = o.result();
      if (u.kind() == Kind.RECORD) {
        if (openFailed == u.in()) {
          sum.failures++;
          return;
        }
        CountingWriter w = open != null ? openWriter : new CountingWriter(stdout);
        try {
          render(w, u, r);
          if (open == null) {
            checkStdout();
          }
        } catch (IOException e) {
          // the output file of this input failed: the END unit reports it when committing
          openFailed = u.in();
          error("syndic: " + u.in().display() + ": cannot write " + targets.get(u.in()) + ": "
              + InputFiles.reason(e));
          return;
        }
        sum.add(o, w.bytes(), true);
        return;
      }
      Path target = targets.get(u.in());
      if (target == null) {
        CountingWriter w = new CountingWriter(stdout);
        try {
          render(w, u, r);
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e); // a PrintWriter does not throw
        }
        checkStdout();
        sum.add(o, w.bytes(), false);
        return;
      }
      try (AtomicFiles.Pending p = AtomicFiles.open(target, inPlace, null)) {
        CountingWriter w = new CountingWriter(new OutputStreamWriter(p.stream(),
            StandardCharsets.UTF_8));
        render(w, u, r);
        w.flush();
        p.commit();
        sum.add(o, w.bytes(), false);
      } catch (IOException e) {
        error("syndic: " + u.in().display() + ": cannot write " + target + ": "
            + InputFiles.reason(e));
      }
    }

    private void render(Writer w, Unit u, CleanResult r) throws IOException {
      if (u.kind() == Kind.RECORD) {
        switch (format) {
          case text -> {
            ObjectNode rec = u.record();
            rec.put("text", r.text());
            JSON.writeValue(w, rec);
            w.write('\n');
          }
          case jsonl -> Formats.jsonl(w, u.id(), r);
          case annotated -> w.write(Formats.annotated(u.id(), r, colour));
        }
        return;
      }
      String name = u.in().file() == null ? "-" : u.in().relative().toString();
      switch (format) {
        case text -> r.writeText(w);
        case jsonl -> Formats.jsonl(w, name, r);
        case annotated -> w.write(Formats.annotated(u.in().display(), r, colour));
      }
    }

    /** Stops the run when standard output cannot be written (a full disk, a closed pipe). */
    private void checkStdout() {
      if (StdOut.failed(stdout)) {
        stdoutFailure = StdOut.reason(stdout);
        brokenPipe = StdOut.brokenPipe(stdout);
        throw new StopException();
      }
    }

    private void error(String line) {
      progress.clear();
      stderr.println(line);
      stderr.flush();
      sum.failures++;
    }

    /** Discards an output left open by a stopped run. */
    void abortOpen() {
      if (open != null) {
        try {
          open.close();
        } catch (IOException ignored) {
          // the run failed already
        }
        open = null;
      }
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper()
      .disable(com.fasterxml.jackson.core.JsonGenerator.Feature.AUTO_CLOSE_TARGET);

  /** Totals for the end-of-run summary. */
  private static final class Summary {
    int files;
    int records;
    int failures;
    long bytesIn;
    long bytesOut;
    int pages;
    final Map<RemovalKind, Integer> counts = new EnumMap<>(RemovalKind.class);

    void add(Outcome o, long written, boolean record) {
      if (record) {
        records++;
      } else {
        files++;
      }
      if (o.result().layout() == io.github.syndic.boilerplate.Layout.PAGE) {
        pages++;
      }
      bytesIn += o.bytesIn();
      bytesOut += written;
      o.result().countsByKind().forEach((k, v) -> counts.merge(k, v, Integer::sum));
    }

    String describe() {
      StringBuilder sb = new StringBuilder("syndic: ");
      if (files > 0 || records == 0) {
        sb.append(files).append(files == 1 ? " file" : " files");
      }
      if (records > 0) {
        sb.append(files > 0 ? ", " : "").append(records)
            .append(records == 1 ? " record" : " records");
      }
      if (failures > 0) {
        sb.append(", ").append(failures).append(" failed");
      }
      sb.append(String.format(Locale.ROOT, ", %s in, %s out", human(bytesIn), human(bytesOut)));
      sb.append(", layout: ").append(files + records - pages).append(" article, ").append(pages)
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
