package dev.streamer.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonParser;
import com.google.testing.compile.Compilation;
import dev.streamer.core.json.JsonRead;
import dev.streamer.core.json.JsonReader;
import dev.streamer.core.validation.Path;
import dev.streamer.core.validation.Validator;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Custom messages interpolate the constraint's own attributes, for both annotation sets; nothing is evaluated. */
class MessageTemplatesTest {

  private static final String RECORD = """
      package msg;

      public record %1$s(
          @%2$s.Min(value = 1, message = "min is {value}") int a,
          @%2$s.Max(value = 9, message = "{value} at most, not ${value} nor ${1+1}") int b,
          @%2$s.Size(min = 2, max = 4, message = "between {min} and {max}, \\\\{min} stays") String c,
          @%2$s.Pattern(regexp = "[a-z]+", message = "must match {regexp} {unknown}") String d,
          @%2$s.NotBlank(message = "{jakarta.validation.constraints.NotBlank.message}") String e,
          @%2$s.Positive(message = "{value}") int f) {}
      """;

  @SuppressWarnings("unchecked")
  private static List<Violation> validate(ClassLoader classes, String record, String json) throws Exception {
    JsonReader<Object> reader = (JsonReader<Object>) classes.loadClass("msg." + record + "Json").getField("READER").get(null);
    Validator<Object> validator =
        (Validator<Object>) classes.loadClass("msg." + record + "Validator").getField("INSTANCE").get(null);
    Violations out = new Violations();
    try (JsonParser parser = JsonRead.parser(json)) {
      parser.nextToken();
      validator.validate(reader.read(parser), Path.ROOT, out);
    }
    return out.list();
  }

  @Test
  void attributesAreInterpolatedExpressionsAreNot() throws Exception {
    Compilation c = Compilations.compile(List.of(
        Compilations.source("msg.S", String.format(RECORD, "S", "dev.streamer.annotations")),
        Compilations.source("msg.J", String.format(RECORD, "J", "jakarta.validation.constraints")),
        Compilations.source("msg.Api", """
            package msg;
            public class Api {
              @dev.streamer.annotations.Action public void s(S s) {}
              @dev.streamer.annotations.Action public void j(J j) {}
            }
            """)), "-Astreamer.app=Msg");
    assertThat(c).succeededWithoutWarnings();
    ClassLoader classes = Compilations.classLoader(c);
    String json = "{\"a\":0,\"b\":10,\"c\":\"x\",\"d\":\"1\",\"e\":\" \",\"f\":0}";
    for (String record : List.of("S", "J")) {
      assertEquals(List.of(
          new Violation("a", "Min", "min is 1"),
          new Violation("b", "Max", "9 at most, not ${value} nor ${1+1}"),
          new Violation("c", "Size", "between 2 and 4, {min} stays"),
          new Violation("d", "Pattern", "must match [a-z]+ {unknown}"),
          new Violation("e", "NotBlank", "must not be blank"),
          new Violation("f", "Positive", "{value}")), validate(classes, record, json), record);
    }
  }
}
