// The template parses, names the app's five handlers, and the jar it deploys holds them.
import java.util.jar.JarFile
import org.yaml.snakeyaml.Yaml

def target = new File(basedir, 'target')
def templateFile = new File(target, 'sam/template.yaml')
assert templateFile.isFile() : 'no template'
def jarFile = new File(target, 'greeter-lambda.jar')
assert jarFile.isFile() : 'no Lambda jar'

def template = new Yaml().load(templateFile.text)
def functions = template.Resources.findAll { it.value.Type == 'AWS::Serverless::Function' }
assert functions.size() == 5 : functions.keySet()
assert template.Globals.Function.CodeUri == '../greeter-lambda.jar'

new JarFile(jarFile).withCloseable { jar ->
  functions.each { name, resource ->
    String handler = resource.Properties.Handler
    assert handler.startsWith('com.example.greeter.Greeter') : handler
    assert jar.getEntry(handler.replace('.', '/') + '.class') != null : "$handler is not in the jar"
  }
  assert jar.getEntry('com/example/greeter/Greetings.class') != null
  assert jar.getEntry('dev/streamer/runtime/aws/lambda/AwsRuntime.class') != null
  assert jar.getEntry('META-INF/streamer/greeter-manifest.json') != null
  assert jar.getEntry('META-INF/streamer/greeter-asyncapi.json') == null : 'documents stay out of the jar'
  assert jar.getEntry('software/amazon/awssdk/services/dynamodb/streams/DynamoDbStreamsClient.class') == null
  // the pom's <filters> and <excludeArtifacts>
  assert jar.getEntry('com/amazonaws/services/lambda/runtime/events/SQSEvent.class') != null
  assert jar.getEntry('com/amazonaws/services/lambda/runtime/events/APIGatewayV2WebSocketEvent.class') != null
  assert jar.getEntry('com/amazonaws/services/lambda/runtime/events/S3Event.class') == null
  assert jar.getEntry('org/apiguardian/api/API.class') == null
  // joda-time's core stays: Lambda's event deserializer loads org.joda.time.DateTime for every event type
  assert jar.getEntry('org/joda/time/DateTime.class') != null
  def services = jar.getInputStream(jar.getEntry('META-INF/services/software.amazon.awssdk.http.SdkHttpService')).text
  assert services.contains('UrlConnectionSdkHttpService') : services
}
def log = new File(basedir, 'build.log').text
assert log.contains('Lambda jar of Greeter') && log.contains('SAM template of Greeter')
assert !log.contains('overlapping resource') : 'the built-in rules leave no duplicate entries'
assert log.contains('streamer:run') && log.contains('streamer:sam') : 'streamer:help lists the goals'
return true
