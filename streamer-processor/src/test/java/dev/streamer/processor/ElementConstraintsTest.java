package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Constraints on type arguments, Streamer's and jakarta's: each value checked, with its own path. */
class ElementConstraintsTest {

  /** The same record with either annotation set ({@code %2$s}: the package of the constraints). */
  private static final String ORDER = """
      package el;

      import %2$s.*;
      import java.time.Instant;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;
      import java.util.Set;

      public record %1$s(
          @NotEmpty List<@NotNull @%3$s LineRef> lines,
          Optional<@Pattern(regexp = "[a-z]+", message = "lower case only, like {regexp}") String> nickname,
          Map<String, @Positive Integer> quantities,
          Set<@NotBlank @Size(max = 3) String> tags,
          List<List<@NotNull @Min(1) Integer>> matrix,
          Map<String, List<@Email String>> contacts,
          List<@Past Instant> times,
          java.util.@NotNull List<String> qualified) {}
      """;

  private static final String LINE_REF = """
      package el;

      public record LineRef(@dev.streamer.annotations.NotBlank String sku) {}
      """;

  private static final String API = """
      package el;

      public class Api {
        @dev.streamer.annotations.Action public void s(S s) {}
        @dev.streamer.annotations.Action public void j(J j) {}
      }
      """;

  private static ClassLoader loader;
  private static Compilation compilation;

  @BeforeAll
  static void compile() {
    compilation = Compilations.compile(List.of(
        Compilations.source("el.S", String.format(ORDER, "S", "dev.streamer.annotations", "Valid")),
        Compilations.source("el.J", String.format(ORDER, "J", "jakarta.validation.constraints",
            "jakarta.validation.Valid")),
        Compilations.source("el.LineRef", LINE_REF), Compilations.source("el.Api", API)), "-Astreamer.app=El");
    assertThat(compilation).succeededWithoutWarnings();
    loader = Compilations.classLoader(compilation);
  }

  @SuppressWarnings("unchecked")
  private static List<Violation> validate(String record, String json) throws Exception {
    JsonReader<Object> reader = (JsonReader<Object>) loader.loadClass("el." + record + "Json").getField("READER").get(null);
    Validator<Object> validator =
        (Validator<Object>) loader.loadClass("el." + record + "Validator").getField("INSTANCE").get(null);
    Violations out = new Violations();
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      validator.validate(reader.read(parser), Path.ROOT, out);
    }
    return out.list();
  }

  private static final String VALID = "\"lines\":[{\"sku\":\"a\"}],\"qualified\":[]";

  @Test
  void everyValueIsCheckedWithItsPath() throws Exception {
    for (String record : List.of("S", "J")) {
      assertEquals(List.of(), validate(record, "{" + VALID + ",\"nickname\":\"abc\",\"quantities\":{\"a\":1},"
          + "\"tags\":[\"x\"],\"matrix\":[[1,2]],\"contacts\":{\"k\":[\"a@b.example\"]},"
          + "\"times\":[\"2001-01-01T00:00:00Z\"]}"), record);
      assertEquals(List.of(
          new Violation("lines[1]", "NotNull", "must not be null"),
          new Violation("lines[2].sku", "NotBlank", "must not be blank"),
          new Violation("nickname", "Pattern", "lower case only, like [a-z]+"),
          new Violation("quantities[sku-1]", "Positive", "must be greater than 0"),
          new Violation("matrix[0][1]", "NotNull", "must not be null"),
          new Violation("matrix[1][0]", "Min", "must be greater than or equal to 1"),
          new Violation("contacts[k][1]", "Email", "must be a well-formed email address"),
          new Violation("times[0]", "Past", "must be a past date"),
          new Violation("qualified", "NotNull", "must not be null")),
          validate(record, "{\"lines\":[{\"sku\":\"a\"},null,{\"sku\":\" \"}],\"nickname\":\"ABC\","
              + "\"quantities\":{\"ok\":2,\"sku-1\":0,\"none\":null},\"matrix\":[[1,null],[0]],"
              + "\"contacts\":{\"k\":[\"a@b.example\",\"nope\"]},\"times\":[\"2999-01-01T00:00:00Z\"]}"), record);
    }
  }

  @Test
  void setElementsAreEachChecked() throws Exception {
    List<Violation> found = validate("S", "{" + VALID + ",\"tags\":[\"\",\"abcd\",\"ok\"]}");
    assertEquals(2, found.size(), found.toString());
    assertTrue(found.stream().anyMatch(v -> v.constraint().equals("NotBlank") && v.path().startsWith("tags[")));
    assertTrue(found.stream().anyMatch(v -> v.constraint().equals("Size") && v.path().startsWith("tags[")));
  }

  @Test
  void schemasPutValueConstraintsOnItemsAndAdditionalProperties() {
    String doc = Compilations.generatedResources(compilation).get("META-INF/streamer/el-asyncapi.json");
    String compact = doc.replaceAll("\\s+", "");
    assertTrue(compact.contains("\"quantities\":{\"type\":[\"object\",\"null\"],\"additionalProperties\":"
        + "{\"type\":\"integer\",\"format\":\"int32\",\"exclusiveMinimum\":0}}"), doc);
    assertTrue(compact.contains("\"items\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\","
        + "\"maxLength\":3}"), doc);
    assertTrue(compact.contains("\"nickname\":{\"type\":[\"string\",\"null\"],\"pattern\":\"^(?:[a-z]+)$\"}"), doc);
  }
}
