package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.model.ComponentModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.model.TypeRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/** Writes {@code <Record>Json} and {@code <Enum>Json}: streaming codecs, no reflection. */
public final class JsonCodecWriter {

  private JsonCodecWriter() {}

  public static TypeSpec record(RecordModel record, Hygiene hygiene) {
    ClassName codec = Naming.codec(record.name());
    TypeSpec.Builder type = codecShell(codec, record.name())
        .addJavadoc("JSON codec of record {@link $T}.\n\n<p>Reads it from a streaming parser (unknown fields are"
            + " ignored, primitive\ncomponents are required) and writes every component. Generated from the record's"
            + " components;\nno reflection.\n", record.name())
        .addOriginatingElement(record.element());

    NameAllocator fields = hygiene.allocator();
    fields.newName("CODEC");
    fields.newName("READER");
    fields.newName("WRITER");
    List<String> fieldNames = new ArrayList<>();
    for (ComponentModel component : record.components()) {
      String name = fields.newName("FIELD_" + upperSnake(component.name()));
      fieldNames.add(name);
      type.addField(FieldSpec.builder(Names.SERIALIZED_STRING, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T($S)", Names.SERIALIZED_STRING, component.name())
          .build());
    }
    type.addMethod(readRecord(record, hygiene));
    type.addMethod(writeRecord(record, fieldNames));
    return type.build();
  }

  public static TypeSpec enumeration(EnumModel model) {
    ClassName codec = Naming.codec(model.name());
    String allowed = String.join(", ", model.constants());
    MethodSpec.Builder read = readMethod(model.name(),
            "Reads a {@code $L} from its constant name; null for JSON null.\n", model.name().simpleName())
        .addStatement("$T value = $T.string(p)", Names.STRING, Names.JSON_READ)
        .beginControlFlow("if (value == null)")
        .addStatement("return null")
        .endControlFlow();
    CodeBlock.Builder cases = CodeBlock.builder().add("return switch (value) {\n$>");
    for (String constant : model.constants()) {
      cases.add("case $S -> $T.$N;\n", constant, model.name(), constant);
    }
    cases.add("default -> throw $T.unknownEnum(p, value, $S);\n", Names.JSON_READ, allowed).add("$<};\n");
    read.addCode(cases.build());
    MethodSpec write = writeMethod(model.name(), "Writes the constant name, or null.\n")
        .beginControlFlow("if (v == null)")
        .addStatement("g.writeNull()")
        .nextControlFlow("else")
        .addStatement("g.writeString(v.name())")
        .endControlFlow()
        .build();
    return codecShell(codec, model.name())
        .addJavadoc("JSON codec of enum {@link $T}.\n\n<p>Constants by name ($L); an unknown name is a decode"
            + " error. No reflection.\n", model.name(), allowed)
        .addOriginatingElement(model.element())
        .addMethod(read.build())
        .addMethod(write)
        .build();
  }

  /**
   * The codec class, which implements {@code JsonReader} and {@code JsonWriter} itself: {@code READER} and
   * {@code WRITER} are its one instance. Neither method references (each spins a class and method handles on first
   * use) nor a nested class (a class more to load): one class per type at a cold start.
   */
  private static TypeSpec.Builder codecShell(ClassName codec, ClassName target) {
    return TypeSpec.classBuilder(codec)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(Names.JSON_READER, target))
        .addSuperinterface(ParameterizedTypeName.get(Names.JSON_WRITER, target))
        .addField(FieldSpec.builder(codec, "CODEC", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .initializer("new $T()", codec)
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Names.JSON_READER, target), "READER",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("CODEC")
            .build())
        .addField(FieldSpec.builder(ParameterizedTypeName.get(Names.JSON_WRITER, target), "WRITER",
                Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("CODEC")
            .build())
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
  }

  /** {@code public T read(JsonParser p) throws IOException}, the {@code JsonReader} method, with its javadoc. */
  private static MethodSpec.Builder readMethod(ClassName target, String javadoc, Object... args) {
    return MethodSpec.methodBuilder("read")
        .addJavadoc(javadoc, args)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(target)
        .addParameter(Names.JSON_PARSER, "p")
        .addException(Names.IO_EXCEPTION);
  }

  /** {@code public void write(JsonGenerator g, T v) throws IOException}, the {@code JsonWriter} method. */
  private static MethodSpec.Builder writeMethod(ClassName target, String javadoc) {
    return MethodSpec.methodBuilder("write")
        .addJavadoc(javadoc)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(Names.JSON_GENERATOR, "g")
        .addParameter(target, "v")
        .addException(Names.IO_EXCEPTION);
  }

  private static MethodSpec readRecord(RecordModel record, Hygiene hygiene) {
    NameAllocator locals = hygiene.allocator();
    locals.newName("p");
    locals.newName("field");
    int depth = record.components().stream().mapToInt(c -> Types.depth(c.type())).max().orElse(0);
    for (int i = 1; i <= depth + 1; i++) {
      locals.newName("p" + i);
    }
    String simple = String.join(".", record.name().simpleNames());
    MethodSpec.Builder read = readMethod(record.name(),
            "Reads a {@code $L} from the parser positioned on its first token; null for JSON null.\n", simple)
        .beginControlFlow("if (p.currentToken() == $T.VALUE_NULL)", Names.JSON_TOKEN)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("$T.startObject(p, $S)", Names.JSON_READ, simple);

    List<String> vars = new ArrayList<>();
    List<String> presence = new ArrayList<>();
    for (ComponentModel component : record.components()) {
      String var = locals.newName(component.name());
      vars.add(var);
      read.addStatement("$T $N = $L", Types.of(component.type()), var, initialValue(component.type()));
      if (component.type().isPrimitive()) {
        String has = locals.newName("has" + Naming.pascal(component.name()));
        presence.add(has);
        read.addStatement("boolean $N = false", has);
      } else {
        presence.add(null);
      }
    }
    read.addStatement("$T field", Names.STRING)
        .beginControlFlow("while ((field = p.nextFieldName()) != null)")
        .addStatement("p.nextToken()")
        .beginControlFlow("switch (field)");
    for (int i = 0; i < record.components().size(); i++) {
      ComponentModel component = record.components().get(i);
      CodeBlock value = CodecExpressions.read(component.type(), "p", 0);
      if (presence.get(i) == null) {
        read.addStatement("case $S -> $N = $L", component.name(), vars.get(i), value);
      } else {
        read.beginControlFlow("case $S ->", component.name())
            .addStatement("$N = $L", vars.get(i), value)
            .addStatement("$N = true", presence.get(i))
            .endControlFlow();
      }
    }
    read.addStatement("default -> $T.skipValue(p)", Names.JSON_READ)
        .endControlFlow()
        .endControlFlow();
    for (int i = 0; i < record.components().size(); i++) {
      if (presence.get(i) != null) {
        read.beginControlFlow("if (!$N)", presence.get(i))
            .addStatement("throw $T.missing(p, $S)", Names.JSON_READ, record.components().get(i).name())
            .endControlFlow();
      }
    }
    CodeBlock args = CodeBlock.join(vars.stream().map(v -> CodeBlock.of("$N", v)).toList(), ", ");
    String rejected = locals.newName("e");
    read.beginControlFlow("try")
        .addStatement("return new $T($L)", record.name(), args)
        .nextControlFlow("catch ($T $N)", RuntimeException.class, rejected)
        .addComment("the record's constructor rejected the values: a client error, reported without its message")
        .addStatement("throw $T.of($T.path(p), $S)", Names.JSON_DECODE_EXCEPTION, Names.JSON_READ,
            "is not a valid " + simple)
        .endControlFlow();
    return read.build();
  }

  private static MethodSpec writeRecord(RecordModel record, List<String> fieldNames) {
    MethodSpec.Builder write = writeMethod(record.name(), "Writes every component (nulls as null), or null.\n")
        .beginControlFlow("if (v == null)")
        .addStatement("g.writeNull()")
        .addStatement("return")
        .endControlFlow()
        .addStatement("g.writeStartObject()");
    for (int i = 0; i < record.components().size(); i++) {
      ComponentModel component = record.components().get(i);
      write.addStatement("g.writeFieldName($N)", fieldNames.get(i))
          .addStatement(CodecExpressions.write(component.type(), "g", CodeBlock.of("v.$N()", component.name()), 0));
    }
    return write.addStatement("g.writeEndObject()").build();
  }

  private static CodeBlock initialValue(TypeRef type) {
    if (type instanceof TypeRef.Primitive p) {
      return switch (p.kind()) {
        case BOOLEAN -> CodeBlock.of("false");
        case CHAR -> CodeBlock.of("'\\0'");
        case LONG -> CodeBlock.of("0L");
        case FLOAT -> CodeBlock.of("0F");
        case DOUBLE -> CodeBlock.of("0D");
        case BYTE, SHORT -> CodeBlock.of("($T) 0", p.kind().typeName());
        default -> CodeBlock.of("0");
      };
    }
    if (type instanceof TypeRef.OptionalRef) {
      return CodeBlock.of("$T.empty()", Names.OPTIONAL);
    }
    return CodeBlock.of("null");
  }

  /** {@code startDate} → {@code START_DATE}. */
  static String upperSnake(String name) {
    return Naming.snake(name).toUpperCase(Locale.ROOT);
  }
}
