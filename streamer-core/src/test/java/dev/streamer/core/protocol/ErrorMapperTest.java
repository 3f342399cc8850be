package dev.streamer.core.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.streamer.core.FatalException;
import dev.streamer.core.RetryableException;
import dev.streamer.core.StreamerException;
import dev.streamer.core.json.Json;
import dev.streamer.core.json.JsonDecodeException;
import dev.streamer.core.validation.ValidationException;
import dev.streamer.core.validation.Violation;
import dev.streamer.core.validation.Violations;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ErrorMapperTest {

  private static final Instant NOW = Instant.parse("2024-05-01T12:00:00Z");
  private final ErrorMapper mapper = new ErrorMapper(Clock.fixed(NOW, ZoneOffset.UTC));

  @Test
  void decodeFaultNamesItsPath() {
    StreamerError e = mapper.toError(new JsonDecodeException("items[2].quantity", "expected an integer"), "r");

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("items[2].quantity: expected an integer", e.message());
    assertEquals(Map.of("path", "items[2].quantity"), e.details());
  }

  @Test
  void decodeFaultOfThePayloadItself() {
    StreamerError e = mapper.toError(new JsonDecodeException("", "expected an object"), "r");

    assertEquals("expected an object", e.message());
    assertEquals(Map.of("path", ""), e.details());
  }

  @Test
  void validationFaultListsEveryViolation() {
    List<Violation> violations = List.of(new Violation("name", "NotBlank", "must not be blank"),
        new Violation("age", "Min", "must be at least 0"));

    StreamerError e = mapper.toError(new ValidationException(violations), "r");

    assertEquals(ErrorCode.VALIDATION_ERROR, e.code());
    assertEquals("payload has 2 constraint violations", e.message());
    assertEquals(Map.of("violations", violations), e.details());
    Violations collected = new Violations();
    for (Violation violation : violations) {
      collected.add(violation.path(), violation.constraint(), violation.message());
    }
    assertEquals(e, mapper.violations(collected)); // what the router answers an invalid payload with
  }

  @Test
  void throwIfAnyThrowsEveryViolationAndNothingForNone() {
    ValidationException.throwIfAny(new Violations());
    Violations two = new Violations();
    two.add("name", "NotBlank", "must not be blank");
    two.add("age", "Min", "must be at least 0");
    ValidationException thrown = assertThrows(ValidationException.class, () -> ValidationException.throwIfAny(two));
    assertEquals(two.list(), thrown.violations());
  }

  @Test
  void jacksonReadFaultsGetFixedMessages() {
    assertEquals("payload nesting too deep (at most 64 levels)", readFault("[".repeat(65)).message());
    assertEquals("number too long (at most 200 characters)", readFault("1".repeat(201)).message());
    StreamerError malformed = readFault("{\"a\" 1}");
    assertEquals("malformed JSON", malformed.message());
    assertEquals(1, malformed.details().get("line"));
    assertEquals(6, malformed.details().get("column"));
    assertEquals("number out of range", coercionFault().message());
  }

  private StreamerError readFault(String json) {
    JsonProcessingException fault = assertThrows(JsonProcessingException.class, () -> {
      try (JsonParser p = Json.FACTORY.createParser(json)) {
        while (p.nextToken() != null) {
          p.getText();
        }
      }
    });
    StreamerError error = mapper.toError(fault, "r");
    assertEquals(ErrorCode.VALIDATION_ERROR, error.code());
    return error;
  }

  private StreamerError coercionFault() {
    JsonProcessingException fault = assertThrows(JsonProcessingException.class, () -> {
      try (JsonParser p = Json.FACTORY.createParser("12345678901234")) {
        p.nextToken();
        p.getIntValue();
      }
    });
    return mapper.toError(fault, "r");
  }

  @Test
  void jacksonFaultsDuringExecutionOrWritingAreInternal() throws IOException {
    JsonProcessingException parse = assertThrows(JsonProcessingException.class, () -> {
      try (JsonParser p = Json.FACTORY.createParser("{x")) {
        p.nextToken();
        p.nextToken();
      }
    });
    assertEquals(ErrorCode.INTERNAL_ERROR, mapper.toExecutionError(parse, "r").code());

    JsonGenerator generator = Json.FACTORY.createGenerator(new StringWriter());
    JsonProcessingException write = assertThrows(JsonProcessingException.class, generator::writeEndObject);
    assertEquals(ErrorCode.INTERNAL_ERROR, mapper.toError(write, "r").code());
  }

  @Test
  void retryableExceptionKeepsItsCodeAndRetryTime() {
    StreamerError e = mapper.toError(
        new RetryableException(ErrorCode.RATE_LIMITED, "later", Duration.ofSeconds(90), null), "r");

    assertEquals(ErrorCode.RATE_LIMITED, e.code());
    assertEquals("later", e.message());
    assertEquals(new RetryInfo(true, NOW.plusSeconds(90), 0, 0), e.retry());
  }

  @Test
  void retryableExceptionWithoutDelay() {
    StreamerError e = mapper.toError(new RetryableException("down"), "r");

    assertEquals(ErrorCode.SERVICE_UNAVAILABLE, e.code());
    assertEquals(new RetryInfo(true, null, 0, 0), e.retry());
  }

  @Test
  void fatalExceptionIsNeverRetryable() {
    StreamerError e = mapper.toError(new FatalException(ErrorCode.RATE_LIMITED, "quota exhausted for good"), "r");

    assertEquals(ErrorCode.RATE_LIMITED, e.code());
    assertEquals(new RetryInfo(false, null, 0, 0), e.retry());
  }

  @Test
  void streamerExceptionKeepsCodeMessageAndDetails() {
    StreamerError e = mapper.toError(
        new StreamerException(ErrorCode.FORBIDDEN, "not yours", Map.of("resource", "r-9"), null), "r");

    assertEquals(new StreamerError(ErrorCode.FORBIDDEN, "not yours", Map.of("resource", "r-9"), null), e);
  }

  @Test
  void streamerExceptionWithoutMessageGetsOneFromItsCode() {
    assertEquals("service unavailable",
        mapper.toError(new StreamerException(ErrorCode.SERVICE_UNAVAILABLE, null), "r").message());
  }

  @Test
  void anythingElseIsAnOpaqueInternalError() {
    for (Throwable t : List.of(new NullPointerException("secret"), new IOException("secret"),
        new IllegalStateException("secret", new StreamerException(ErrorCode.NOT_FOUND, "secret")),
        new StackOverflowError("secret"))) {
      StreamerError e = mapper.toError(t, "r-1");
      assertEquals(ErrorCode.INTERNAL_ERROR, e.code());
      assertEquals("internal error", e.message());
      assertTrue(e.details().isEmpty());
      assertNull(e.retry());
    }
  }
}
