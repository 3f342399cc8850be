package dev.streamer.runtime.aws.internal.requests;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Builds one conditional {@code UpdateItem}. Expressions refer to attributes only as {@code #name} (aliases are
 * derived from the text, so no reserved word ever appears bare) and to values as {@code :key}.
 */
final class ItemUpdate {
  private static final Pattern NAME_ALIAS = Pattern.compile("#(\\w+)");

  private final List<String> sets = new ArrayList<>();
  private final List<String> removes = new ArrayList<>();
  private final List<String> conditions = new ArrayList<>();
  private final Map<String, AttributeValue> values = new HashMap<>();

  /** {@code SET #attribute = :attribute}. */
  ItemUpdate set(String attribute, AttributeValue value) {
    sets.add("#" + attribute + " = :" + attribute);
    values.put(":" + attribute, value);
    return this;
  }

  /** {@code SET #attribute = :attribute}, or {@code REMOVE #attribute} when {@code value} is null. */
  ItemUpdate setOrRemove(String attribute, AttributeValue value) {
    return value == null ? remove(attribute) : set(attribute, value);
  }

  /** A raw SET clause such as {@code #retryCount = #retryCount + :one}. */
  ItemUpdate setExpression(String clause) {
    sets.add(clause);
    return this;
  }

  ItemUpdate remove(String attribute) {
    removes.add("#" + attribute);
    return this;
  }

  /** A condition, AND-ed with the others. */
  ItemUpdate condition(String expression) {
    conditions.add("(" + expression + ")");
    return this;
  }

  ItemUpdate value(String key, AttributeValue value) {
    values.put(":" + key, value);
    return this;
  }

  UpdateItemRequest build(String table, Map<String, AttributeValue> key) {
    StringBuilder update = new StringBuilder();
    if (!sets.isEmpty()) {
      update.append("SET ").append(String.join(", ", sets));
    }
    if (!removes.isEmpty()) {
      update.append(update.length() == 0 ? "" : " ").append("REMOVE ").append(String.join(", ", removes));
    }
    String condition = String.join(" AND ", conditions);
    Map<String, String> names = new HashMap<>();
    collectNames(update, names);
    collectNames(condition, names);
    UpdateItemRequest.Builder request = UpdateItemRequest.builder()
        .tableName(table)
        .key(key)
        .updateExpression(update.toString())
        .expressionAttributeNames(names)
        .returnValues(ReturnValue.ALL_NEW)
        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD);
    if (!condition.isEmpty()) {
      request.conditionExpression(condition);
    }
    if (!values.isEmpty()) {
      request.expressionAttributeValues(values);
    }
    return request.build();
  }

  /** The {@code #alias → attribute} map for every alias used in {@code expressions}. */
  static Map<String, String> aliasesIn(String... expressions) {
    Map<String, String> names = new HashMap<>();
    for (String expression : expressions) {
      collectNames(expression, names);
    }
    return names;
  }

  private static void collectNames(CharSequence expression, Map<String, String> names) {
    Matcher m = NAME_ALIAS.matcher(expression);
    while (m.find()) {
      names.put(m.group(), m.group(1));
    }
  }
}
