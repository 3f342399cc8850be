package dev.streamer.processor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.SchemaLoader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * The official AsyncAPI 3.0.0 JSON Schema (test resource {@code asyncapi/asyncapi-3.0.0.json}, see its README) as a
 * validator. Its {@code $ref}s name {@code http://asyncapi.com/...} ids, all defined in the same bundled file: they
 * are served from there, json-schema.org meta-schemas from the validator's own class path copies, and any other
 * reference fails instead of being fetched over the network.
 */
public final class OfficialAsyncApiSchema {

  public static final ObjectMapper JSON = new ObjectMapper();
  private static final String ROOT_ID = "http://asyncapi.com/definitions/3.0.0/asyncapi.json";

  private final JsonSchemaFactory factory;
  private final JsonSchema schema;

  private OfficialAsyncApiSchema(JsonSchemaFactory factory) {
    this.factory = factory;
    this.schema = factory.getSchema(SchemaLocation.of(ROOT_ID));
  }

  public static OfficialAsyncApiSchema load() {
    String text;
    try (InputStream in = OfficialAsyncApiSchema.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.json")) {
      if (in == null) {
        throw new IllegalStateException("test resource asyncapi/asyncapi-3.0.0.json is missing");
      }
      text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, String> byId = new HashMap<>();
    try {
      JsonNode bundle = JSON.readTree(text);
      byId.put(ROOT_ID, text);
      for (Iterator<Map.Entry<String, JsonNode>> it = bundle.get("definitions").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> definition = it.next();
        byId.put(definition.getKey(), JSON.writeValueAsString(definition.getValue()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    SchemaLoader bundled = iri -> {
      String id = iri.toString();
      String definition = byId.get(id);
      if (definition != null) {
        return () -> new ByteArrayInputStream(definition.getBytes(StandardCharsets.UTF_8));
      }
      if (id.startsWith("classpath:")) {
        return null; // the validator's own copy of a json-schema.org meta-schema
      }
      throw new IllegalStateException("schema " + id + " is not bundled; refusing to fetch it over the network");
    };
    return new OfficialAsyncApiSchema(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
        builder -> builder.schemaLoaders(loaders -> loaders.add(bundled))));
  }

  /** Every violation of the AsyncAPI 3.0.0 schema by {@code document}; empty when it is valid. */
  public Set<ValidationMessage> validate(JsonNode document) {
    return schema.validate(document);
  }

  /**
   * A validator of one message payload of {@code document}: its {@code #/components/...} references resolve within
   * the document.
   */
  public JsonSchema payloadSchema(JsonNode document, String message) {
    com.fasterxml.jackson.databind.node.ObjectNode root = document.deepCopy();
    root.put("$ref", "#/components/messages/" + message + "/payload");
    return factory.getSchema(root);
  }
}
