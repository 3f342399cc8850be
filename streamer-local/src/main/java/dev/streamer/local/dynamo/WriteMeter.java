package dev.streamer.local.dynamo;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * Counts the write calls made through a DynamoDB client, per table: {@code PutItem}, {@code UpdateItem} and
 * {@code DeleteItem} (conditional ones that fail included: DynamoDB Local takes its write lock for them too), and
 * {@code BatchWriteItem}/{@code TransactWriteItems} as one call per table they touch. A call the SDK retries counts
 * once. What a request costs in writes, measured rather than assumed (the jobs benchmark divides by it).
 */
final class WriteMeter implements ExecutionInterceptor {

  private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    SdkRequest request = context.request();
    if (request instanceof PutItemRequest put) {
      count(put.tableName());
    } else if (request instanceof UpdateItemRequest update) {
      count(update.tableName());
    } else if (request instanceof DeleteItemRequest delete) {
      count(delete.tableName());
    } else if (request instanceof BatchWriteItemRequest batch) {
      batch.requestItems().keySet().forEach(this::count);
    } else if (request instanceof TransactWriteItemsRequest transaction) {
      transaction.transactItems().stream().map(item -> item.put() != null ? item.put().tableName()
          : item.update() != null ? item.update().tableName() : item.delete() != null ? item.delete().tableName()
          : item.conditionCheck().tableName()).distinct().forEach(this::count);
    }
  }

  private void count(String table) {
    byTable.computeIfAbsent(table, t -> new LongAdder()).increment();
  }

  /** Write calls on {@code table} so far, or on every table when null. */
  long writes(String table) {
    if (table == null) {
      return byTable.values().stream().mapToLong(LongAdder::sum).sum();
    }
    LongAdder count = byTable.get(table);
    return count == null ? 0 : count.sum();
  }
}
