def log = new File(basedir, 'build.log').text
def client = new File(basedir, 'target/streamer-run/client.log').text
println client

// the banner names the app's own action, with the payload the processor wrote for it
assert log.contains('Streamer local stack is running')
assert log =~ /then send: \{"id":"1","action":"greet","payload":\{"name":"[^"]*"\}\}/
assert !log.contains('"action":"echo"')
assert !client.contains('error') : client
assert client =~ /reply1 \{.*"id":"1".*/ : client
assert client.contains('"greeting":"Hello, ') : client
// a reload keeps the stack and its connections: the same socket is answered by the new handlers
assert log.contains('handlers reloaded') && log.contains('1 connections kept') : 'no reload in the log'
assert client =~ /reply2 \{.*"id":"2".*"greeting":"Hello, again!".*/ : client
assert log.contains('stopping the local stack')
return true
