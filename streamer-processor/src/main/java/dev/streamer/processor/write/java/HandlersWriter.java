package dev.streamer.processor.write.java;

import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.HandlerModel;
import javax.lang.model.element.Modifier;

/** Writes {@code <App>Handlers}: where handler instances come from. */
public final class HandlersWriter {

  private HandlersWriter() {}

  public static TypeSpec write(AppModel app) {
    TypeSpec.Builder type = TypeSpec.interfaceBuilder(app.appType("Handlers"))
        .addAnnotation(Names.generated())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc("Supplies the handler instances of application {@code $L}: one method per class declaring\n"
            + "{@code @Action} methods. Each method is called once per route table. Methods with a default body use\n"
            + "the public no-arg constructor; to build handlers that have dependencies, implement this interface\n"
            + "(on a {@code @HandlerFactory} class, or pass an instance to {@link $T#create($T)}).\n",
            app.name(), app.appType("RouteTable"), app.appType("Handlers"));
    for (HandlerModel handler : app.handlers()) {
      type.addOriginatingElement(handler.element());
      MethodSpec.Builder method = MethodSpec.methodBuilder(handler.accessor())
          .returns(handler.name());
      if (handler.defaultConstructible()) {
        method.addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
            .addJavadoc("The {@link $T} instance; by default a new one.\n", handler.name())
            .addStatement("return new $T()", handler.name());
      } else {
        method.addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
            .addJavadoc("The {@link $T} instance (it has no public no-arg constructor).\n", handler.name());
      }
      type.addMethod(method.build());
    }
    type.addMethod(MethodSpec.methodBuilder("interceptors")
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .returns(ParameterizedTypeName.get(Names.LIST, Names.INTERCEPTOR))
        .addJavadoc("Interceptors around every action, outermost first ({@link $T}): sync, enqueue and async runs, in\n"
            + "{@code $$default} and the stream processor. None by default.\n", Names.INTERCEPTOR)
        .addStatement("return $T.of()", Names.LIST)
        .build());
    if (app.factory() != null) {
      type.addOriginatingElement(app.factory());
    }
    return type.build();
  }
}
