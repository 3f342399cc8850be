package dev.streamer.processor.write.java;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EventModel;
import dev.streamer.processor.model.Naming;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>Events}: one {@code EventType} constant per {@code @Event} record ({@code invoice_ready} →
 * {@code INVOICE_READY}) and {@code REGISTRY}, which the notifier uses to encode any event without reflection and
 * the route table returns from {@code events()}.
 */
public final class EventsWriter {

  static final ClassName EVENT_TYPE = Names.EVENT_TYPE;
  static final ClassName EVENT_REGISTRY = Names.EVENT_REGISTRY;
  static final String REGISTRY = "REGISTRY";

  private EventsWriter() {}

  public static TypeSpec write(AppModel app) {
    ClassName events = app.appType("Events");
    TypeSpec.Builder type = TypeSpec.classBuilder(events)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc("The server events of application {@code $L}: one constant per {@code @Event} record, and\n"
            + "{@link #$L} of them all. Listen with the Java client's {@code onEvent(constant, listener)}.\n",
            app.name(), REGISTRY)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    NameAllocator names = new NameAllocator();
    names.newName(REGISTRY);
    List<CodeBlock> constants = new ArrayList<>();
    for (EventModel event : app.events()) {
      type.addOriginatingElement(event.element());
      String constant = names.newName(event.name().toUpperCase(Locale.ROOT));
      ClassName codec = Naming.codec(event.record());
      FieldSpec.Builder field = FieldSpec.builder(ParameterizedTypeName.get(EVENT_TYPE, event.record()), constant,
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T<>($S, $T.class, $T.WRITER, $T.READER)", EVENT_TYPE, event.name(), event.record(),
              codec, codec);
      field.addJavadoc("Event {@code $L}: {@link $T}.$L\n", event.name(), event.record(),
          event.description().isEmpty() ? "" : " " + event.description().replace("*/", "*&#47;"));
      type.addField(field.build());
      constants.add(CodeBlock.of("$N", constant));
    }
    type.addField(FieldSpec.builder(EVENT_REGISTRY, REGISTRY, Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc("Every event type of the application.\n")
        .initializer("$T.of($L)", EVENT_REGISTRY, CodeBlock.join(constants, ",$W"))
        .build());
    return type.build();
  }
}
