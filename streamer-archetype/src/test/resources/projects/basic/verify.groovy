// After the generated project's `mvn verify`: streamer:sam (bound to package) wrote the Lambda jar and the template.
def target = new File(basedir, 'project/orders/target')   // basedir: this IT's directory
def jar = new File(target, 'orders-lambda.jar')
def template = new File(target, 'sam/template.yaml')
assert jar.isFile() && jar.length() > 1_000_000 : "no Lambda jar: $jar"
def entries = new java.util.zip.ZipFile(jar).entries().toList()*.name
assert entries.contains('com/example/orders/OrdersDefaultHandler.class')
// Test scope stays out: the test kit, the local stack, DynamoDB Local, the logging binding.
['dev/streamer/test/', 'dev/streamer/local/', 'com/amazonaws/services/dynamodbv2/local/', 'org/slf4j/simple/'].each { p ->
  assert !entries.any { it.startsWith(p) } : "the Lambda jar holds $p"
}
assert template.isFile() && template.text.contains('com.example.orders.OrdersDefaultHandler') : "no template: $template"

// Then `mvn streamer:run` (exitAfterStart): the app's own handlers on the local stack, its own action in the banner.
def log = new File(basedir, 'project/orders/build.log').text
assert log.contains('Streamer local stack is running') : 'streamer:run did not start the local stack'
assert log.contains('then send: {"id":"1","action":"greet"') : 'the banner does not name the app\'s own action'
assert !log.contains('org.eclipse.jetty.server.Server - Started') : 'Jetty start-up lines are not quietened'

// Its tests ran, all of them (a Surefire that finds no JUnit 5 test would pass with none).
assert log.contains('Tests run: 10, Failures: 0, Errors: 0, Skipped: 0') : 'not all 10 generated tests ran'
