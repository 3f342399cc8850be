package dev.streamer.processor.write;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import dev.streamer.core.app.AppManifest;
import dev.streamer.processor.diag.Message;
import dev.streamer.processor.diag.Reporter;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import dev.streamer.processor.model.EnumModel;
import dev.streamer.processor.model.Naming;
import dev.streamer.processor.model.RecordModel;
import dev.streamer.processor.read.ModelReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;
import dev.streamer.processor.write.js.JsClientWriter;
import dev.streamer.processor.write.java.ValidatorWriter;
import dev.streamer.processor.write.java.RouteWriter;
import dev.streamer.processor.write.java.RouteTableWriter;
import dev.streamer.processor.write.java.ManifestWriter;
import dev.streamer.processor.write.java.LambdaHandlersWriter;
import dev.streamer.processor.write.java.JsonCodecWriter;
import dev.streamer.processor.write.java.Hygiene;
import dev.streamer.processor.write.java.HandlersWriter;
import dev.streamer.processor.write.java.EventsWriter;
import dev.streamer.processor.write.asyncapi.AsyncApiWriter;

/**
 * Writes every generated file of the application: Java sources, and into CLASS_OUTPUT the AsyncAPI document, the
 * JavaScript client and the application manifest (paths in {@link DocumentSettings} and {@code AppManifest}). Each
 * file is built and written on its own: a failure becomes a diagnostic on the element it was generated from, and the
 * other files are still written.
 */
public final class AppWriter {

  private final Filer filer;
  private final Reporter reporter;
  private final DocumentSettings settings;
  private final Elements elements;
  private Hygiene hygiene;

  public AppWriter(Filer filer, Reporter reporter, DocumentSettings settings, Elements elements) {
    this.filer = filer;
    this.reporter = reporter;
    this.settings = settings;
    this.elements = elements;
  }

  public void write(AppModel app) {
    hygiene = new Hygiene(app, elements);
    for (RecordModel record : app.records()) {
      if (!app.isProvided(Naming.codec(record.name()))) {
        emit(record.name().packageName(), record.element(), () -> JsonCodecWriter.record(record, hygiene));
      }
      if (record.validated() && !app.isProvided(Naming.validator(record.name()))) {
        emit(record.name().packageName(), record.element(), () -> ValidatorWriter.write(app, record, hygiene));
      }
    }
    for (EnumModel e : app.enums()) {
      if (app.isProvided(Naming.codec(e.name()))) {
        continue;
      }
      emit(e.name().packageName(), e.element(), () -> JsonCodecWriter.enumeration(e));
    }
    for (ActionModel action : app.actions()) {
      emit(app.packageName(), action.element(), () -> RouteWriter.write(app, action));
    }
    Element appElement = app.handlers().isEmpty() ? null : app.handlers().get(0).element();
    emit(app.packageName(), appElement, () -> HandlersWriter.write(app));
    emit(app.packageName(), appElement, () -> RouteTableWriter.write(app, hygiene));
    if (!app.events().isEmpty()) {
      emit(app.packageName(), app.events().get(0).element(), () -> EventsWriter.write(app));
    }
    if (LambdaHandlersWriter.generates(app)) {
      for (TypeSpec handler : LambdaHandlersWriter.write(app)) {
        emit(app.packageName(), appElement, () -> handler);
      }
    }
    List<Element> origins = new ArrayList<>();
    app.handlers().forEach(h -> origins.add(h.element()));
    if (app.factory() != null) {
      origins.add(app.factory());
    }
    emitResource(DocumentSettings.asyncApiPath(app.name()), origins, () -> AsyncApiWriter.write(app, settings));
    emitResource(DocumentSettings.clientModulePath(app.name()), origins, () -> JsClientWriter.module(app));
    emitResource(DocumentSettings.clientTypingsPath(app.name()), origins, () -> JsClientWriter.typings(app));
    emitResource(AppManifest.path(app.name()), origins, () -> ManifestWriter.json(app));
    emitResource(AppManifest.INDEX, origins, () -> ManifestWriter.index(app));
  }

  /** Writes a UTF-8 resource into CLASS_OUTPUT, so it lands in the jar (and is easy to copy out of target/classes). */
  private void emitResource(String path, List<Element> origins, Supplier<String> build) {
    Element origin = origins.isEmpty() ? null : origins.get(0);
    String what = origin == null ? "application" : origin.toString();
    String text;
    try {
      text = build.get();
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
      return;
    }
    try {
      FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", path, origins.toArray(Element[]::new));
      try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        out.write(text);
      }
    } catch (IOException e) {
      reporter.report(Message.CANNOT_WRITE, origin, path, e.getMessage());
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
    }
  }

  private void emit(String packageName, Element origin, Supplier<TypeSpec> build) {
    String what = origin == null ? "application" : origin.toString();
    TypeSpec type;
    try {
      type = build.get();
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
      return;
    }
    String name = packageName.isEmpty() ? type.name() : packageName + "." + type.name();
    try {
      TypeSpec qualified = type.toBuilder().alwaysQualify(hygiene.alwaysQualify(packageName)).build();
      JavaFile.builder(packageName, qualified).skipJavaLangImports(true).build().writeTo(filer);
    } catch (IOException e) { // such as a FilerException: a type of that name exists already
      reporter.report(Message.CANNOT_WRITE, origin, name, e.getMessage());
    } catch (RuntimeException bug) {
      reporter.report(Message.INTERNAL_ERROR, origin, what, ModelReader.describe(bug));
    }
  }
}
