package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.validation.Constraints;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Generated validators: jakarta constraints by name, cascades through containers, numbers, time. */
class ValidatorRuntimeTest {

  private static final String JAKARTA = """
      package val;

      import jakarta.validation.Valid;
      import jakarta.validation.constraints.*;
      import java.util.List;

      public record Signup(
          @NotBlank @Size(min = 3, max = 20) String user,
          @Email String email,
          @Pattern(regexp = "[a-z]+", flags = Pattern.Flag.CASE_INSENSITIVE, message = "letters only") String code,
          @NotNull @Min(18) @Max(130) Integer age,
          @Positive double score,
          @PositiveOrZero long credits,
          @NotEmpty List<@Valid Contact> contacts,
          @Valid Contact primary) {

        public record Contact(@NotBlank String name, @Size(max = 2) List<String> phones) {}
      }
      """;

  private static final String CONTAINERS = """
      package val;

      import dev.streamer.annotations.*;
      import java.math.BigInteger;
      import java.time.Instant;
      import java.util.List;
      import java.util.Map;
      import java.util.Optional;

      public record Deep(
          @Valid Map<String, Leaf> byName,
          @Valid Leaf[] array,
          @Valid List<List<Leaf>> matrix,
          @Valid Optional<Leaf> maybe,
          @Valid Deep next,
          @NotEmpty @Size(max = 2) int[] numbers,
          @Max(10) BigInteger big,
          @PositiveOrZero Double ratio,
          @Past Instant created,
          @Future Instant due,
          List<Leaf> notCascaded) {

        public record Leaf(@Min(1) int n) {}
      }
      """;

  private static final String API = """
      package val;

      public class Api {
        @dev.streamer.annotations.Action public void signup(Signup s) {}
        @dev.streamer.annotations.Action public void deep(Deep d) {}
      }
      """;

  private static ClassLoader loader;

  private static synchronized ClassLoader loader() {
    if (loader == null) {
      Compilation compilation = Compilations.compile(List.of(Compilations.source("val.Signup", JAKARTA),
          Compilations.source("val.Deep", CONTAINERS), Compilations.source("val.Api", API)), "-Astreamer.app=Val");
      assertThat(compilation).succeededWithoutWarnings();
      loader = Compilations.classLoader(compilation);
    }
    return loader;
  }

  @AfterEach
  void restoreClock() {
    Constraints.useClock(null);
  }

  @SuppressWarnings("unchecked")
  private static List<Violation> validate(String record, String json) throws Exception {
    ClassLoader classes = loader();
    JsonReader<Object> reader = (JsonReader<Object>) classes.loadClass("val." + record + "Json").getField("READER").get(null);
    Validator<Object> validator =
        (Validator<Object>) classes.loadClass("val." + record + "Validator").getField("INSTANCE").get(null);
    Object value;
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      value = reader.read(parser);
    }
    Violations out = new Violations();
    validator.validate(value, Path.ROOT, out);
    return out.list();
  }

  @Test
  void jakartaConstraintsAreHonouredByName() throws Exception {
    String json = "{\"user\":\"ab\",\"email\":\"nope\",\"code\":\"AbC1\",\"age\":17,\"score\":0,\"credits\":-1,"
        + "\"contacts\":[{\"name\":\"ok\"},{\"name\":\" \",\"phones\":[\"1\",\"2\",\"3\"]}],\"primary\":{\"name\":\"\"}}";
    assertEquals(List.of(
        new Violation("user", "Size", "size must be between 3 and 20"),
        new Violation("email", "Email", "must be a well-formed email address"),
        new Violation("code", "Pattern", "letters only"),
        new Violation("age", "Min", "must be greater than or equal to 18"),
        new Violation("score", "Positive", "must be greater than 0"),
        new Violation("credits", "PositiveOrZero", "must be greater than or equal to 0"),
        new Violation("contacts[1].name", "NotBlank", "must not be blank"),
        new Violation("contacts[1].phones", "Size", "size must be at most 2"),
        new Violation("primary.name", "NotBlank", "must not be blank")), validate("Signup", json));
  }

  @Test
  void patternFlagsApply() throws Exception {
    String json = "{\"user\":\"ada\",\"code\":\"AbC\",\"age\":30,\"score\":1,\"credits\":0,\"contacts\":[{\"name\":\"x\"}]}";
    assertEquals(List.of(), validate("Signup", json));
  }

  @Test
  void nullsBreakOnlyNotNullNotBlankAndNotEmpty() throws Exception {
    assertEquals(List.of(
        new Violation("user", "NotBlank", "must not be blank"),
        new Violation("age", "NotNull", "must not be null"),
        new Violation("contacts", "NotEmpty", "must not be empty")), validate("Signup", "{\"score\":1,\"credits\":0}"));
  }

  @Test
  void cascadesThroughMapsArraysNestedListsOptionalsAndRecursion() throws Exception {
    String json = "{\"byName\":{\"k\":{\"n\":0}},\"array\":[{\"n\":1},{\"n\":0}],\"matrix\":[[{\"n\":1}],[{\"n\":5},{\"n\":-1}]],"
        + "\"maybe\":{\"n\":0},\"next\":{\"maybe\":{\"n\":-2},\"numbers\":[1]},\"numbers\":[1,2,3],"
        + "\"notCascaded\":[{\"n\":0}]}";
    assertEquals(List.of(
        new Violation("byName[k].n", "Min", "must be greater than or equal to 1"),
        new Violation("array[1].n", "Min", "must be greater than or equal to 1"),
        new Violation("matrix[1][1].n", "Min", "must be greater than or equal to 1"),
        new Violation("maybe.n", "Min", "must be greater than or equal to 1"),
        new Violation("next.maybe.n", "Min", "must be greater than or equal to 1"),
        new Violation("numbers", "Size", "size must be at most 2")), validate("Deep", json));
  }

  @Test
  void bigNumbersFloatingPointAndTime() throws Exception {
    Constraints.useClock(Clock.fixed(Instant.parse("2024-06-01T00:00:00Z"), ZoneOffset.UTC));
    String json = "{\"numbers\":[1],\"big\":100000000000000000000,\"ratio\":-0.5,"
        + "\"created\":\"2024-07-01T00:00:00Z\",\"due\":\"2024-05-01T00:00:00Z\"}";
    assertEquals(List.of(
        new Violation("big", "Max", "must be less than or equal to 10"),
        new Violation("ratio", "PositiveOrZero", "must be greater than or equal to 0"),
        new Violation("created", "Past", "must be a past date"),
        new Violation("due", "Future", "must be a future date")), validate("Deep", json));
    String fine = "{\"numbers\":[1],\"big\":10,\"ratio\":0,\"created\":\"2024-05-01T00:00:00Z\","
        + "\"due\":\"2024-07-01T00:00:00Z\"}";
    assertEquals(List.of(), validate("Deep", fine));
  }

  @Test
  void emptyArrayBreaksNotEmpty() throws Exception {
    assertEquals(List.of(new Violation("numbers", "NotEmpty", "must not be empty")),
        validate("Deep", "{\"numbers\":[]}"));
  }
}
