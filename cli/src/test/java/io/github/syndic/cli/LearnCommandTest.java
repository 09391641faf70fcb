package io.github.syndic.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnCommandTest {
  @TempDir Path tmp;

  private static final String FOOTER = "To reach the newsroom send a message to 4455 with your name";

  private Path corpus(String dir, int n) throws IOException {
    Path d = tmp.resolve(dir);
    Files.createDirectories(d);
    String[] towns = {"Alder", "Birch", "Cedar", "Dunmore", "Elmwood", "Fairview", "Glenrock",
        "Hollis", "Ironbridge", "Juniper", "Kestrel", "Larkfield", "Millbrook", "Northgate"};
    String[] topics = {"ferry schedule", "school budget", "bridge repairs", "market hours",
        "water supply", "bus routes", "library hours", "harbour fees", "park lighting",
        "road tolls", "clinic staffing", "power lines", "snow clearing", "waste collection"};
    for (int i = 0; i < n; i++) {
      String town = towns[i % towns.length];
      String topic = topics[(i * 5) % topics.length];
      Files.writeString(d.resolve("doc" + i + ".txt"),
          "The council of " + town + " changed the " + topic + " after a long meeting on the"
              + " question of costs.\n"
              + "Residents of " + town + " said the " + topic + " had been a worry since the"
              + " spring, and the mayor promised a review.\n"
              + FOOTER + "\n");
    }
    return d;
  }

  @Test
  void learnsARepeatedLineAndCleanRemovesItWithTheProfile() throws IOException {
    Path d = corpus("site", 12);
    Path model = tmp.resolve("site.model");
    CliRun r = CliRun.run("learn", "-o", model.toString(), d.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().contains("1 template lines"), r.err());
    Path doc = d.resolve("doc3.txt");
    String without = CliRun.run("clean", "-q", doc.toString()).out();
    assertTrue(without.contains(FOOTER));
    CliRun with = CliRun.run("clean", "-q", "--profile", model.toString(), doc.toString());
    assertEquals(0, with.code(), with.err());
    assertFalse(with.out().contains(FOOTER));
    assertTrue(with.out().contains("The council of Dunmore"));
  }

  @Test
  void sameDocumentsGiveTheSameModelInAnyOrder() throws IOException {
    Path d = corpus("site", 12);
    Path a = tmp.resolve("a.model");
    Path b = tmp.resolve("b.model");
    assertEquals(0, CliRun.run("learn", "-q", "-o", a.toString(), d.toString()).code());
    // The same documents as JSON Lines in reverse order.
    StringBuilder jsonl = new StringBuilder();
    for (int i = 11; i >= 0; i--) {
      String text = Files.readString(d.resolve("doc" + i + ".txt"));
      jsonl.append("{\"id\":\"doc").append(i).append("\",\"text\":")
          .append(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text))
          .append("}\n");
    }
    Path j = tmp.resolve("docs.jsonl");
    Files.writeString(j, jsonl);
    assertEquals(0, CliRun.run("learn", "-q", "-o", b.toString(), j.toString()).code());
    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
  }

  @Test
  void severalSourcesGiveOneModelEach() throws IOException {
    StringBuilder jsonl = new StringBuilder();
    for (int i = 0; i < 12; i++) {
      for (String src : new String[] {"north", "south/desk"}) {
        jsonl.append("{\"id\":\"").append(src).append(i).append("\",\"source\":\"").append(src)
            .append("\",\"text\":\"Item ").append(i).append(" from ").append(src)
            .append(" about something else entirely.\\nFollow ").append(src)
            .append(" on every channel\"}\n");
      }
    }
    Path j = tmp.resolve("docs.jsonl");
    Files.writeString(j, jsonl);
    Path out = tmp.resolve("models");
    CliRun r = CliRun.run("learn", "-o", out.toString(), j.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.exists(out.resolve("north.model")));
    assertTrue(Files.exists(out.resolve("south_desk.model")));
  }

  @Test
  void badInputsAndOptions() throws IOException {
    Path j = tmp.resolve("bad.jsonl");
    Files.writeString(j, "{\"id\":\"a\",\"text\":\"ok text here\"}\nnot json\n{\"id\":\"b\"}\n");
    CliRun r = CliRun.run("learn", "-o", tmp.resolve("m").toString(), j.toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("bad.jsonl:2: invalid JSON"), r.err());
    assertTrue(r.err().contains("bad.jsonl:3: no 'text'"), r.err());
    assertEquals(2, CliRun.run("learn", j.toString()).code());
    assertEquals(2, CliRun.run("learn", "--min-count", "1", "-o", "x", j.toString()).code());
    Path corrupt = tmp.resolve("corrupt.model");
    Files.writeString(corrupt, "not a model");
    Path doc = tmp.resolve("d.txt");
    Files.writeString(doc, "Some text line here.\n");
    CliRun c = CliRun.run("clean", "--profile", corrupt.toString(), doc.toString());
    assertEquals(2, c.code());
    assertTrue(c.err().contains("cannot use profile"), c.err());
  }
}
