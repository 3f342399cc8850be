package dev.streamer.processor.write.java;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.HandlerModel;
import dev.streamer.processor.model.Naming;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code <App>RouteTable}: every route by action name, each built on first use with its handler (created once
 * per table), so a function's cold start builds only the route of the action it serves.
 */
public final class RouteTableWriter {

  private RouteTableWriter() {}

  public static TypeSpec write(AppModel app, Hygiene hygiene) {
    ClassName table = app.appType("RouteTable");
    ClassName handlers = app.appType("Handlers");
    TypeName anyRoute = ParameterizedTypeName.get(Names.ROUTE, WildcardTypeName.subtypeOf(Object.class),
        WildcardTypeName.subtypeOf(Object.class));
    TypeSpec.Builder type = TypeSpec.classBuilder(table)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Names.ROUTE_TABLE)
        .addJavadoc("The routes of application {@code $L}, by action name: one generated route per {@code @Action}\n"
            + "method, built on first use. Handler instances come from {@link $T}, each created once per table, when\n"
            + "a route that calls it is first built.\n", app.name(), handlers)
        .addField(FieldSpec.builder(Names.STRING, "APP_NAME", Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
            .initializer("$S", app.name())
            .build());
    app.handlers().forEach(h -> type.addOriginatingElement(h.element()));
    app.actions().forEach(a -> type.addOriginatingElement(a.element()));
    if (app.factory() != null) {
      type.addOriginatingElement(app.factory());
    }

    NameAllocator names = hygiene.allocator();
    names.newName("APP_NAME");
    names.newName("routes");
    names.newName("handlers");
    names.newName("route");
    names.newName("build");
    type.addField(handlers, "handlers", Modifier.PRIVATE, Modifier.FINAL);
    Map<HandlerModel, String> handlerFields = new HashMap<>();
    for (HandlerModel handler : app.handlers()) {
      String field = names.newName(handler.accessor());
      handlerFields.put(handler, field);
      type.addField(handler.name(), field, Modifier.PRIVATE);
      type.addMethod(MethodSpec.methodBuilder(field)
          .addModifiers(Modifier.PRIVATE)
          .returns(handler.name())
          .beginControlFlow("if ($N == null)", field)
          .addStatement("$N = $T.requireNonNull(handlers.$N(), $S)", field, Names.OBJECTS, handler.accessor(),
              handlers.simpleName() + "." + handler.accessor() + "() returned null")
          .endControlFlow()
          .addStatement("return $N", field)
          .build());
    }
    type.addMethod(MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(handlers, "handlers")
        .addStatement("this.handlers = handlers")
        .build());
    CodeBlock.Builder find = CodeBlock.builder()
        .beginControlFlow("if (action == null)")
        .addStatement("return null")
        .endControlFlow()
        .add("return switch (action) {\n$>");
    CodeBlock.Builder build = CodeBlock.builder()
        .addStatement("$T route = routes[index]", anyRoute)
        .beginControlFlow("if (route == null)")
        .add("route = switch (index) {\n$>");
    List<CodeBlock> all = new ArrayList<>();
    int index = 0;
    for (ActionModel action : app.actions()) {
      ClassName route = Naming.route(app.packageName(), action.name());
      String handlerField = app.handlers().stream().filter(h -> h.name().equals(action.handler()))
          .map(handlerFields::get).findFirst().orElseThrow();
      find.add("case $S -> route($L);\n", action.name(), index);
      build.add("case $L -> new $T($N());\n", index, route, handlerField);
      all.add(CodeBlock.of("route($L)", index));
      index++;
    }
    find.add("default -> null;\n$<};\n");
    build.add("default -> throw new $T(index);\n$<};\n", IndexOutOfBoundsException.class)
        .addStatement("routes[index] = route")
        .endControlFlow()
        .addStatement("return route");
    type.addField(FieldSpec.builder(ArrayTypeName.of(anyRoute), "routes", Modifier.PRIVATE, Modifier.FINAL)
        .addJavadoc("Built on first use: a cold start builds only the route it serves. Routes are immutable (final\n"
            + "fields only), so a thread that reads one unsynchronized sees it whole.\n")
        .initializer("new $T<?, ?>[$L]", Names.ROUTE, index)
        .build());
    type.addMethod(MethodSpec.methodBuilder("route")
        .addModifiers(Modifier.PRIVATE)
        .returns(anyRoute)
        .addParameter(TypeName.INT, "index")
        .addStatement("$T route = routes[index]", anyRoute)
        .addStatement("return route != null ? route : build(index)")
        .build());
    type.addMethod(MethodSpec.methodBuilder("build")
        .addJavadoc("Builds route {@code index} once, and each handler once (under this table's lock).\n")
        .addModifiers(Modifier.PRIVATE, Modifier.SYNCHRONIZED)
        .returns(anyRoute)
        .addParameter(TypeName.INT, "index")
        .addCode(build.build())
        .build());

    if (app.hasDefaultCreate()) {
      MethodSpec.Builder create = MethodSpec.methodBuilder("create")
          .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
          .returns(table);
      if (app.factory() != null) {
        create.addJavadoc("A route table whose handlers come from the {@code @HandlerFactory} {@link $T}.\n",
                app.factoryName())
            .addStatement("return create(new $T())", app.factoryName());
      } else {
        create.addJavadoc("A route table with a new instance of every handler class.\n")
            .addStatement("return create(new $T() {})", handlers);
      }
      type.addMethod(create.build());
    }
    type.addMethod(MethodSpec.methodBuilder("create")
        .addJavadoc("A route table whose handlers come from {@code handlers} (each method called once).\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(table)
        .addParameter(handlers, "handlers")
        .addStatement("return new $T($T.requireNonNull(handlers, $S))", table, Names.OBJECTS, "handlers")
        .build());
    type.addMethod(MethodSpec.methodBuilder("appName")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(Names.STRING)
        .addStatement("return APP_NAME")
        .build());
    type.addMethod(MethodSpec.methodBuilder("find")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(anyRoute)
        .addParameter(Names.STRING, "action")
        .addCode(find.build())
        .build());
    if (!app.events().isEmpty()) {
      type.addMethod(MethodSpec.methodBuilder("events")
          .addJavadoc("The application's {@code @Event} types.\n")
          .addAnnotation(Override.class)
          .addModifiers(Modifier.PUBLIC)
          .returns(EventsWriter.EVENT_REGISTRY)
          .addStatement("return $T.$N", app.appType("Events"), EventsWriter.REGISTRY)
          .build());
    }
    type.addMethod(MethodSpec.methodBuilder("routes")
        .addJavadoc("Every route, sorted by action name.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Names.COLLECTION, anyRoute))
        .addStatement("return $T.of($L)", Names.LIST, CodeBlock.join(all, ",$W"))
        .build());
    return type.build();
  }
}
