package dev.streamer.processor.model;

import com.palantir.javapoet.ClassName;
import javax.lang.model.element.TypeElement;

/**
 * One {@code @Event} record.
 *
 * @param name        event name on the wire
 * @param record      the record (its codec is generated with the other records)
 * @param description {@code @Event(description)}
 * @param element     the record (originating element)
 */
public record EventModel(String name, ClassName record, String description, TypeElement element) {}
