// Tests of the generated JavaScript client (sample-client.js) against the real local stack running the sample's
// generated handlers. Run by JavaScriptClientTest (JUnit), which starts the stack and sets:
//   STREAMER_WS_URL        ws://127.0.0.1:<port>/<stage>
//   STREAMER_TOKEN         a development JWT of user STREAMER_USER in tenant STREAMER_TENANT
//   STREAMER_CLIENT_MODULE absolute path of the generated client module
//   STREAMER_LIMITED_TOKEN a development JWT of a tenant whose echo is limited to 2 per 2 s
// Node 22+: `node --test`; Node 20/21: `node --experimental-websocket --test`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pathToFileURL } from 'node:url';

const { WS_URL, TOKEN, USER, TENANT, MODULE } = {
  WS_URL: required('STREAMER_WS_URL'),
  TOKEN: required('STREAMER_TOKEN'),
  USER: required('STREAMER_USER'),
  TENANT: required('STREAMER_TENANT'),
  MODULE: required('STREAMER_CLIENT_MODULE'),
};
const LIMITED_TOKEN = required('STREAMER_LIMITED_TOKEN');
const client = await import(pathToFileURL(MODULE).href);
const { SampleClient, StreamerError, ERROR_CODES, ACTIONS, EVENTS } = client;

const REPORT = { startDate: '2024-01-01', endDate: '2024-12-31', recordCount: 40 };

function required(name) {
  const value = process.env[name];
  if (!value) {
    throw new Error(`environment variable ${name} is not set: run these tests through JavaScriptClientTest`);
  }
  return value;
}

/**
 * A WebSocket constructor that remembers every socket it opened, the URL and protocols it was given and the code
 * the client closed it with. A socket's `muted` flag swallows incoming messages: a connection that looks open but
 * is dead.
 */
function recordingWebSocket() {
  const opened = [];
  class RecordingWebSocket extends WebSocket {
    #onmessage = null;

    constructor(url, protocols) {
      super(url, protocols);
      this.muted = false;
      this.closedWith = null;
      opened.push({ url, protocols, socket: this });
      super.onmessage = (event) => {
        if (!this.muted && this.#onmessage) {
          this.#onmessage(event);
        }
      };
    }

    get onmessage() {
      return this.#onmessage;
    }

    set onmessage(listener) {
      this.#onmessage = listener;
    }

    close(code, reason) {
      this.closedWith = code ?? null;
      super.close(code, reason);
    }
  }
  return { RecordingWebSocket, opened };
}

function newClient(options = {}) {
  return new SampleClient(WS_URL, { token: TOKEN, timeoutMs: 60_000, reconnect: { baseMs: 50, maxMs: 500 },
    ...options });
}

async function rejection(promise) {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  assert.fail('expected the promise to reject');
}

test('module exports the client, the error type, the error codes and the action table', () => {
  assert.equal(typeof SampleClient, 'function');
  assert.equal(client.default, SampleClient);
  assert.ok(ERROR_CODES.includes('VALIDATION_ERROR') && ERROR_CODES.includes('TIMEOUT'));
  assert.deepEqual(ACTIONS.generate_report, { mode: 'async', payload: true });
  assert.deepEqual(ACTIONS.echo, { mode: 'sync', payload: true });
  assert.deepEqual(ACTIONS.process_data, { mode: 'queueWhen', payload: true });
});

test('sync echo resolves with the result, the token travels in the query', async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  const c = newClient({ WebSocket: RecordingWebSocket });
  try {
    const result = await c.echo({ message: 'héllo 👋' });
    assert.deepEqual(result, { message: 'héllo 👋', userId: USER, tenantId: TENANT });
    assert.equal(opened.length, 1);
    const url = new URL(opened[0].url);
    assert.equal(url.searchParams.get('token'), TOKEN);
    assert.equal(opened[0].protocols, undefined);
    assert.equal(c.connected, true);
    assert.equal(c.connectionCount, 1);
    assert.equal(c.inFlight, 0);
  } finally {
    c.close();
  }
});

test('the token may be a function and may travel as a subprotocol', async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  let asked = 0;
  const c = newClient({ WebSocket: RecordingWebSocket, tokenIn: 'protocol', token: async () => { asked++; return TOKEN; } });
  try {
    const result = await c.request('echo', { message: 'by subprotocol' });
    assert.equal(result.userId, USER);
    assert.equal(asked, 1);
    assert.deepEqual(opened[0].protocols, ['streamer', TOKEN]);
    assert.equal(new URL(opened[0].url).searchParams.get('token'), null);
    assert.equal(opened[0].socket.protocol, 'streamer', 'the server selects streamer, never the token');
  } finally {
    c.close();
  }
});

test('async generate_report: ack, then monotonic progress from 0 to 1, then the result', async () => {
  const c = newClient();
  try {
    const acks = [];
    const updates = [];
    const result = await c.generateReport({ ...REPORT, format: 'JSON' }, {
      onAck: (requestId) => acks.push(requestId),
      onProgress: (update) => updates.push(update),
    });
    assert.equal(acks.length, 1);
    assert.equal(result.reportId, acks[0]);
    assert.equal(result.recordCount, 40);
    assert.equal(result.format, 'JSON');
    assert.match(result.generatedAt, /^\d{4}-\d{2}-\d{2}T/);
    assert.ok(updates.length >= 1, 'at least one progress message');
    for (let i = 0; i < updates.length; i++) {
      assert.equal(updates[i].requestId, acks[0]);
      assert.ok(updates[i].progress >= 0 && updates[i].progress <= 1, `progress in [0, 1]: ${updates[i].progress}`);
      if (i > 0) {
        assert.ok(updates[i].progress > updates[i - 1].progress, `progress went backwards: ${JSON.stringify(updates)}`);
      }
    }
    assert.equal(updates.at(-1).progress, 1);
    assert.match(updates.at(-1).message, /Processed 40 of 40 records/);
  } finally {
    c.close();
  }
});

test('a validation error rejects with a typed StreamerError and its violations', async () => {
  const c = newClient();
  try {
    const error = await rejection(c.echo({ message: '   ' }));
    assert.ok(error instanceof StreamerError, `a StreamerError, not ${error}`);
    assert.ok(error instanceof Error);
    assert.equal(error.code, 'VALIDATION_ERROR');
    assert.equal(error.retryable, false);
    assert.equal(error.retry.retryable, false);
    assert.ok(typeof error.requestId === 'string' && error.requestId.length > 0);
    const violations = error.details.violations;
    assert.ok(Array.isArray(violations) && violations.length === 1, JSON.stringify(error.details));
    assert.equal(violations[0].path, 'message');
    assert.equal(violations[0].constraint, 'NotBlank');

    const unknown = await rejection(c.request('no_such_action', {}));
    assert.equal(unknown.code, 'INVALID_ACTION');

    const tooBig = await rejection(c.echo({ message: 'x'.repeat(200_000) }));
    assert.equal(tooBig.code, 'VALIDATION_ERROR', 'rejected before sending');
    // under the 128 KB message limit, but a browser would send it as one frame over API Gateway's 32 KB (1009)
    const oneFrameTooBig = await rejection(c.echo({ message: 'x'.repeat(40 * 1024) }));
    assert.equal(oneFrameTooBig.code, 'VALIDATION_ERROR', 'rejected before sending');
    assert.match(oneFrameTooBig.message, /32768 bytes/);
    assert.equal(c.inFlight, 0);
    assert.equal((await c.echo({ message: 'still fine' })).message, 'still fine');
  } finally {
    c.close();
  }
});

test('a request without a final reply in time rejects with TIMEOUT', async () => {
  const c = newClient();
  try {
    await c.connect();
    // the report sleeps through 40 steps on the server: far longer than 100 ms
    const error = await rejection(c.generateReport(REPORT, { timeoutMs: 100 }));
    assert.ok(error instanceof StreamerError);
    assert.equal(error.code, 'TIMEOUT');
    assert.equal(error.retryable, true);
    assert.equal(c.inFlight, 0);
  } finally {
    c.close();
  }
});

test('a connection dropped mid-job is re-opened and the job re-subscribed automatically', async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  let tokens = 0;
  const c = newClient({ WebSocket: RecordingWebSocket, token: () => { tokens++; return TOKEN; } });
  try {
    const updates = [];
    let dropped = false;
    const result = await c.generateReport(REPORT, {
      onProgress: (update) => {
        updates.push(update);
        if (!dropped) { // the first progress: the job is running; cut the connection under the client
          dropped = true;
          opened[0].socket.close(4001, 'test drops the connection');
        }
      },
    });
    assert.ok(dropped, 'the connection was dropped while the job ran');
    assert.equal(result.recordCount, 40);
    assert.equal(c.connectionCount, 2, 'connected, dropped, reconnected');
    assert.equal(opened.length, 2);
    assert.equal(tokens, 2, 'the token function is asked again on reconnect');
    assert.equal(new URL(opened[1].url).searchParams.get('token'), TOKEN);
    for (let i = 1; i < updates.length; i++) {
      assert.ok(updates[i].progress > updates[i - 1].progress, `progress went backwards: ${JSON.stringify(updates)}`);
    }
    assert.equal(result.reportId, updates[0].requestId);
  } finally {
    c.close();
  }
});

test('a heartbeat left unanswered drops the silent connection; the job is re-subscribed on a new one', async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  const c = newClient({ WebSocket: RecordingWebSocket, heartbeatMs: 100, heartbeatTimeoutMs: 300 });
  try {
    let muted = false;
    const result = await c.generateReport(REPORT, {
      onProgress: () => {
        if (!muted) { // from now on the first connection hears nothing, as if it had died silently
          muted = true;
          opened[0].socket.muted = true;
        }
      },
    });
    assert.ok(muted);
    assert.equal(result.recordCount, 40);
    assert.equal(opened[0].socket.closedWith, 4000, 'the client dropped the silent connection');
    assert.equal(c.connectionCount, 2);
  } finally {
    c.close();
  }
});

test('a request unanswered when its connection drops fails as SERVICE_UNAVAILABLE; later ones reconnect', async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  const c = newClient({ WebSocket: RecordingWebSocket });
  try {
    await c.connect();
    const pending = c.echo({ message: 'lost?' }); // sent synchronously
    opened[0].socket.close(4002, 'test drops the connection'); // a closing socket delivers no more messages
    const error = await rejection(pending);
    assert.equal(error.code, 'SERVICE_UNAVAILABLE', 'the client cannot know whether the echo ran');
    assert.equal(error.retryable, true);
    assert.equal((await c.echo({ message: 'again' })).message, 'again');
    assert.equal(c.connectionCount, 2);
  } finally {
    c.close();
  }
});

test('status and cancel built-ins', async () => {
  const c = newClient();
  try {
    let acked;
    const ack = new Promise((resolve) => { acked = resolve; });
    const job = c.generateReport(REPORT, { onAck: acked });
    // The CANCELLED error of a queued request may arrive before the cancel reply: observe the outcome from the start.
    const outcome = job.then((value) => ({ value }), (error) => ({ error }));
    const requestId = await ack;
    const status = await c.status(requestId);
    assert.equal(status.requestId, requestId);
    assert.equal(status.action, 'generate_report');
    assert.ok(['PENDING', 'PROCESSING', 'COMPLETED'].includes(status.status), status.status);
    const cancelled = await c.cancel(requestId);
    assert.ok(['CANCELLED', 'CANCEL_REQUESTED', 'ALREADY_FINISHED'].includes(cancelled.outcome), cancelled.outcome);
    const settled = await outcome;
    if (cancelled.outcome === 'ALREADY_FINISHED') {
      assert.equal(settled.value.reportId, requestId);
    } else { // a queued job never runs, a running one stops: either way the waiting request ends as CANCELLED
      const error = settled.error;
      assert.ok(error, 'the waiting request was rejected');
      assert.equal(error.code, 'CANCELLED');
      assert.equal(error.requestId, requestId);
    }
    const missing = await rejection(c.status('00000000-0000-0000-0000-000000000000'));
    assert.equal(missing.code, 'NOT_FOUND');
  } finally {
    c.close();
  }
});

test('an invalid token is refused at the handshake', async () => {
  const c = newClient({ token: 'not-a-jwt', reconnect: false, connectTimeoutMs: 60_000 });
  try {
    const started = Date.now();
    const error = await rejection(c.connect());
    assert.ok(Date.now() - started < 30_000, 'refused at once, not after the connect timeout');
    assert.ok(error instanceof StreamerError);
    assert.equal(error.code, 'SERVICE_UNAVAILABLE');
    assert.ok(!error.message.includes('not-a-jwt'), 'the token never appears in messages');
    assert.equal(c.connected, false);
  } finally {
    c.close();
  }
});

test("a query token that would take the URL past API Gateway's 4096 characters is refused before any handshake", async () => {
  const { RecordingWebSocket, opened } = recordingWebSocket();
  const longToken = TOKEN + 'x'.repeat(4096);
  const c = newClient({ token: longToken, WebSocket: RecordingWebSocket });
  try {
    const error = await rejection(c.connect());
    assert.ok(error instanceof StreamerError);
    assert.equal(error.code, 'VALIDATION_ERROR');
    assert.match(error.message, /4096/);
    assert.ok(!error.message.includes(longToken), 'the token never appears in messages');
    const request = await rejection(c.echo({ message: 'x' }));
    assert.equal(request.code, 'VALIDATION_ERROR', 'a request waiting for the connection fails with the same error');
    assert.equal(opened.length, 0, 'no socket was opened');
  } finally {
    c.close();
  }
  const { RecordingWebSocket: Protocol, opened: viaProtocol } = recordingWebSocket();
  const p = newClient({ token: longToken, tokenIn: 'protocol', WebSocket: Protocol, reconnect: false });
  try {
    assert.equal((await rejection(p.connect())).code, 'SERVICE_UNAVAILABLE', 'sent as a subprotocol and refused');
    assert.equal(viaProtocol.length, 1, 'the subprotocol carries it to the handshake');
  } finally {
    p.close();
  }
});

test('close fails waiting requests with CANCELLED and refuses new ones', async () => {
  const c = newClient();
  await c.connect();
  const job = c.generateReport(REPORT);
  c.close();
  assert.equal((await rejection(job)).code, 'CANCELLED');
  assert.equal((await rejection(c.echo({ message: 'x' }))).code, 'CANCELLED');
  assert.equal((await rejection(c.connect())).code, 'CANCELLED');
  assert.equal(c.connected, false);
});

test('a listener receives the announcement another client of the tenant sends, until it stops listening', async () => {
  const listener = newClient();
  const sender = newClient();
  try {
    assert.deepEqual(EVENTS, ['announcement']);
    await listener.connect();
    const received = [];
    let wake = () => {};
    const stop = listener.on('announcement', (data) => {
      received.push(data);
      wake();
    });
    const others = [];
    listener.on('no_such_event', (data) => others.push(data));
    // the tenant index is eventually consistent: announce until the new connection is reached
    const text = `from node ${Date.now()}`;
    for (let attempt = 0; attempt < 50 && !received.some((a) => a.text === text); attempt++) {
      const arrived = new Promise((resolve) => {
        wake = resolve;
        setTimeout(resolve, 200);
      });
      const result = await sender.announce({ text });
      assert.equal(result.failed, 0);
      assert.ok(result.delivered >= 1, `delivered to ${result.delivered}`);
      await arrived;
    }
    assert.deepEqual(received.find((a) => a.text === text), { text, from: USER });
    assert.deepEqual(others, []);

    stop();
    const count = received.length;
    await sender.announce({ text: 'after stop' });
    await listener.echo({ message: 'flush' }); // anything sent before this reply has arrived by now
    assert.equal(received.length, count, 'a stopped listener hears nothing');
  } finally {
    listener.close();
    sender.close();
  }
});

test('RATE_LIMITED rejects with its retry time; rateLimitRetry waits it out', async () => {
  const refusing = new SampleClient(WS_URL, { token: LIMITED_TOKEN });
  const waiting = new SampleClient(WS_URL, { token: LIMITED_TOKEN, rateLimitRetry: { maxAttempts: 5, maxWaitMs: 5000 } });
  try {
    const settled = await Promise.allSettled([0, 1, 2, 3].map((i) => refusing.echo({ message: `r${i}` })));
    const refused = settled.filter((r) => r.status === 'rejected').map((r) => r.reason);
    assert.ok(refused.length >= 2, `at most 2 of 4 pass in one 2 s window, got ${refused.length} refused`);
    for (const error of refused) {
      assert.ok(error instanceof StreamerError);
      assert.equal(error.code, 'RATE_LIMITED');
      assert.equal(error.retryable, true);
      const after = Date.parse(error.retry.after);
      assert.ok(after > Date.now() - 2_000 && after <= Date.now() + 2_000, error.retry.after);
      assert.equal(error.details.scope, 'user');
    }
    const started = Date.now();
    const results = await Promise.all([0, 1, 2, 3, 4].map((i) => waiting.echo({ message: `w${i}` })));
    assert.deepEqual(results.map((r) => r.message), ['w0', 'w1', 'w2', 'w3', 'w4']);
    assert.ok(Date.now() - started >= 1_000, 'five echoes at 2 per 2 s take more than one window');
    assert.throws(() => new SampleClient(WS_URL, { rateLimitRetry: { maxAttempts: -1 } }), TypeError);
  } finally {
    refusing.close();
    waiting.close();
  }
});
