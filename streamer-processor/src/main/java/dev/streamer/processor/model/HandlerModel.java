package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * A class declaring {@code @Action} methods.
 *
 * @param name              the class
 * @param accessor          its method in {@code <App>Handlers} ({@code reports()})
 * @param defaultConstructible public, concrete, static if nested, with a public no-arg constructor: the Handlers
 *                          method gets a {@code default} body {@code new Reports()}
 * @param element           source element
 */
public record HandlerModel(ClassName name, String accessor, boolean defaultConstructible, TypeElement element) {}
