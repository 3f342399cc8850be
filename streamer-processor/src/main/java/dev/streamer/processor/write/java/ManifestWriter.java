package dev.streamer.processor.write.java;

import dev.streamer.core.app.AppManifest;
import dev.streamer.core.app.HandlerKind;
import dev.streamer.processor.model.ActionModel;
import dev.streamer.processor.model.AppModel;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the application's {@link AppManifest} ({@code META-INF/streamer/<app>-manifest.json}) and the index that
 * lists it ({@link AppManifest#INDEX}), so tools learn the application without loading its classes.
 */
public final class ManifestWriter {

  private ManifestWriter() {}

  static AppManifest manifest(AppModel app) {
    List<AppManifest.Action> actions = app.actions().stream().map(ManifestWriter::action).toList();
    Map<HandlerKind, String> functions = new EnumMap<>(HandlerKind.class);
    if (LambdaHandlersWriter.generates(app)) {
      for (HandlerKind kind : LambdaHandlersWriter.kinds(app)) {
        functions.put(kind, app.appType(kind.classSuffix()).canonicalName());
      }
    }
    return new AppManifest(app.name(), app.packageName(), app.appType("RouteTable").canonicalName(),
        app.appType("Handlers").canonicalName(),
        app.factory() == null ? null : app.factoryName().canonicalName(), actions, functions);
  }

  public static String json(AppModel app) {
    return manifest(app).toJson();
  }

  public static String index(AppModel app) {
    return "# Streamer application manifests in this jar or directory, one class-path path per line\n"
        + AppManifest.path(app.name()) + "\n";
  }

  private static AppManifest.Action action(ActionModel action) {
    return new AppManifest.Action(action.name(), action.hasPayload() ? action.payload().canonicalName() : null,
        action.result().javaType().toString(), action.async(), action.estimatedMillis(), action.queueWhen() != null,
        action.isolated());
  }
}
