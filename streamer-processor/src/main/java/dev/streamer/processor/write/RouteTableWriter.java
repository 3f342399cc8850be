package dev.streamer.processor.write;

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

/** Writes {@code <App>RouteTable}: every route by action name, handlers created once per table. */
final class RouteTableWriter {

  private RouteTableWriter() {}

  static TypeSpec write(AppModel app, Hygiene hygiene) {
    ClassName table = app.appType("RouteTable");
    ClassName handlers = app.appType("Handlers");
    TypeName anyRoute = ParameterizedTypeName.get(Names.ROUTE, WildcardTypeName.subtypeOf(Object.class),
        WildcardTypeName.subtypeOf(Object.class));
    TypeSpec.Builder type = TypeSpec.classBuilder(table)
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(Names.ROUTE_TABLE)
        .addJavadoc("The routes of application {@code $L}, by action name: one generated route per {@code @Action}\n"
            + "method. Handler instances come from {@link $T}, each created once per table.\n", app.name(), handlers)
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
    Map<HandlerModel, String> handlerLocals = new HashMap<>();
    for (HandlerModel handler : app.handlers()) {
      handlerLocals.put(handler, names.newName(handler.accessor()));
    }
    MethodSpec.Builder constructor = MethodSpec.constructorBuilder()
        .addModifiers(Modifier.PRIVATE)
        .addParameter(handlers, "handlers");
    for (HandlerModel handler : app.handlers()) {
      constructor.addStatement("$T $N = $T.requireNonNull(handlers.$N(), $S)", handler.name(),
          handlerLocals.get(handler), Names.OBJECTS, handler.accessor(),
          handlers.simpleName() + "." + handler.accessor() + "() returned null");
    }
    List<CodeBlock> fields = new ArrayList<>();
    CodeBlock.Builder find = CodeBlock.builder()
        .beginControlFlow("if (action == null)")
        .addStatement("return null")
        .endControlFlow()
        .add("return switch (action) {\n$>");
    for (ActionModel action : app.actions()) {
      ClassName route = Naming.route(app.packageName(), action.name());
      String field = names.newName(Naming.camel(action.name()));
      type.addField(route, field, Modifier.PRIVATE, Modifier.FINAL);
      String handlerLocal = app.handlers().stream().filter(h -> h.name().equals(action.handler()))
          .map(handlerLocals::get).findFirst().orElseThrow();
      constructor.addStatement("this.$N = new $T($N)", field, route, handlerLocal);
      fields.add(CodeBlock.of("this.$N", field));
      find.add("case $S -> $N;\n", action.name(), field);
    }
    find.add("default -> null;\n$<};\n");
    type.addField(ParameterizedTypeName.get(Names.LIST, anyRoute), "routes", Modifier.PRIVATE, Modifier.FINAL);
    constructor.addStatement("this.routes = $T.of($L)", Names.LIST, CodeBlock.join(fields, ",$W"));
    type.addMethod(constructor.build());

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
    type.addMethod(MethodSpec.methodBuilder("routes")
        .addJavadoc("Every route, sorted by action name.\n")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Names.COLLECTION, anyRoute))
        .addStatement("return routes")
        .build());
    return type.build();
  }
}
