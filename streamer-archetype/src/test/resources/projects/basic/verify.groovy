// After the generated project's `mvn verify`: streamer:sam (bound to package) wrote the Lambda jar and the template.
def target = new File(basedir, 'project/orders/target')   // basedir: this IT's directory
def jar = new File(target, 'orders-lambda.jar')
def template = new File(target, 'sam/template.yaml')
assert jar.isFile() && jar.length() > 1_000_000 : "no Lambda jar: $jar"
assert new java.util.zip.ZipFile(jar).getEntry('com/example/orders/OrdersDefaultHandler.class') != null
assert template.isFile() && template.text.contains('com.example.orders.OrdersDefaultHandler') : "no template: $template"
