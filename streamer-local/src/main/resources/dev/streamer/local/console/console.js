// The dev console: the app's actions from its AsyncAPI document, sent over a real WebSocket with the app's generated
// JavaScript client (served by the stack from the class path); the requests and connections tables and the
// handlers' log lines, polled from the stack's JSON endpoints under /_console/api/.
import { schemaForm } from '/_console/schema-form.js';

const $ = (selector) => document.querySelector(selector);
const API = '/_console/api/';
const BUILT_INS = new Set(['status', 'subscribe', 'cancel']);
const ACTIVE = new Set(['PENDING', 'PROCESSING']);
let client = null;
let clientModule = null;
let info = null;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== undefined && v !== null && v !== false) node.setAttribute(k, v === true ? '' : v);
  }
  node.append(...children);
  return node;
}

async function getJson(path, init) {
  const response = await fetch(API + path, init);
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${await response.text()}`);
  return response.json();
}

/** A fresh client for the token in the box (the token is read again on every reconnect). */
function connectClient() {
  client?.close();
  client = new clientModule.StreamerClient(info.webSocketUrl, { token: () => $('#token').value.trim() });
  client.connect().catch((e) => { $('#connection-state').textContent = `connect failed: ${e.code} ${e.message}`; });
}

/** The actions a client can send: the `receive` operations, with their request message and payload schema. */
function actionsOf(doc) {
  const out = [];
  for (const operation of Object.values(doc.operations ?? {})) {
    if (operation.action !== 'receive') continue;
    const ref = operation.messages?.[0]?.$ref ?? '';
    const name = ref.split('/').pop();
    const message = doc.components?.messages?.[name];
    if (!message) continue;
    const replies = (operation.reply?.messages ?? []).map((m) => m.$ref.split('/').pop());
    out.push({
      name: message.name ?? name,
      summary: operation.summary ?? message.summary ?? '',
      kind: BUILT_INS.has(name) ? 'built-in' : replies.some((r) => r.endsWith('Ack')) ? 'async' : 'sync',
      payload: message.payload?.properties?.payload ?? {},
    });
  }
  return out;
}

function renderAction(action, doc) {
  const card = el('div', { class: 'action', 'data-action': action.name },
    el('h3', {}, action.name, el('span', { class: 'kind' }, action.kind)), el('div', { class: 'muted' }, action.summary));
  const formBox = el('div');
  card.append(formBox);
  const form = schemaForm(formBox, action.payload, doc);
  const send = el('button', { type: 'button', 'data-role': 'send' }, 'Send');
  const bar = el('progress', { max: 1, value: 0, 'data-role': 'progress', hidden: true });
  const status = el('div', { class: 'muted', 'data-role': 'status' });
  const outcome = el('div', { class: 'outcome', 'data-role': 'outcome' });
  const cancel = el('button', { type: 'button', 'data-role': 'cancel', hidden: true }, 'Cancel');
  let queuedAs = null;
  cancel.addEventListener('click', async () => {
    cancel.disabled = true;
    try {
      const reply = await client.cancel(queuedAs);
      outcome.append(el('div', { class: 'muted', 'data-role': 'cancel-reply', 'data-outcome': reply.outcome },
        `cancel: ${reply.outcome} (${reply.status})`));
    } catch (e) {
      outcome.append(el('div', { class: 'error', 'data-role': 'cancel-reply' }, `cancel: ${e.code}: ${e.message}`));
    }
  });
  card.append(send, cancel, bar, status, outcome);
  send.addEventListener('click', async () => {
    form.clear();
    outcome.textContent = '';
    let payload;
    try {
      payload = form.read();
    } catch (e) {
      form.showViolations([{ path: e.path ?? '', message: e.message }]);
      return;
    }
    bar.hidden = false;
    bar.value = 0;
    queuedAs = null;
    cancel.hidden = true;
    cancel.disabled = false;
    bar.removeAttribute('data-done');
    status.textContent = 'sent';
    const started = performance.now();
    try {
      const result = await client.request(action.name, payload, {
        onAck: (requestId) => {
          queuedAs = requestId;
          cancel.hidden = false;
          status.textContent = `queued as ${requestId}`;
          card.setAttribute('data-request', requestId);
        },
        onProgress: ({ progress, message }) => {
          bar.value = progress;
          status.textContent = `${Math.round(progress * 100)}%${message ? ` ${message}` : ''}`;
        },
      });
      cancel.hidden = true;
      bar.value = 1;
      bar.setAttribute('data-done', 'true');
      status.textContent = `done in ${Math.round(performance.now() - started)} ms`;
      outcome.append(el('pre', { 'data-role': 'result' }, JSON.stringify(result, null, 2)));
    } catch (e) {
      cancel.hidden = true;
      bar.hidden = true;
      status.textContent = '';
      const code = e.code ?? 'ERROR';
      outcome.append(el('div', { class: 'error', 'data-role': 'error', 'data-code': code }, `${code}: ${e.message}`));
      const violations = e.details?.violations
        ?? (e.details?.path !== undefined ? [{ path: e.details.path, message: e.message }] : []);
      if (violations.length) form.showViolations(violations);
      if (e.retry?.retryable) outcome.append(el('div', { class: 'muted' }, 'retryable'));
    }
  });
  return card;
}

function time(millis) {
  return millis ? new Date(Number(millis)).toLocaleTimeString() : '';
}

async function refreshRequests() {
  const { requests } = await getJson('requests');
  $('#requests-total').textContent = `(newest ${requests.length})`;
  const body = $('#requests tbody');
  body.replaceChildren(...requests.map((r) => {
    const progress = r.status === 'COMPLETED' ? 1 : Number(r.progress ?? 0);
    const cancel = ACTIVE.has(r.status)
      ? el('button', { type: 'button', 'data-role': 'cancel' }, 'cancel') : '';
    if (cancel) {
      cancel.addEventListener('click', () => client.cancel(r.requestId)
        .then((reply) => { cancel.replaceWith(JSON.stringify(reply)); })
        .catch((e) => { cancel.replaceWith(`${e.code}: ${e.message}`); }));
    }
    const runTime = r.started && r.ended ? `${Number(r.ended) - Number(r.started)} ms` : '';
    return el('tr', { 'data-request': r.requestId, 'data-status': r.status },
      el('td', { class: 'mono' }, r.requestId), el('td', {}, r.action ?? ''),
      el('td', { title: r.errorMessage ?? '' }, r.status + (r.errorCode && r.errorCode !== r.status ? ` ${r.errorCode}` : '')),
      el('td', {}, el('progress', { max: 1, value: progress }), ` ${Math.round(progress * 100)}%`),
      el('td', {}, String(r.attempts ?? 0)), el('td', {}, time(r.createdAt)), el('td', {}, runTime),
      el('td', {}, `${r.userId ?? ''} / ${r.tenantId ?? ''}`), el('td', {}, cancel));
  }));
}

async function refreshConnections() {
  const { connections } = await getJson('connections');
  $('#connections tbody').replaceChildren(...connections.map((c) => el('tr', {},
    el('td', { class: 'mono' }, c.connectionId), el('td', {}, `${c.userId ?? ''} / ${c.tenantId ?? ''}`),
    el('td', {}, c.open ? 'yes' : 'no'), el('td', {}, c.connectedAt ?? ''), el('td', {}, c.lastActiveAt ?? ''),
    el('td', { class: 'muted' }, c.userAgent ?? ''))));
  $('#connection-state').textContent = client?.connected ? 'connected' : 'not connected';
}

/** A JsonLog line as "time LEVEL message {other keys}"; other lines (metrics in EMF) as they are. */
function logLine(text) {
  let line;
  try {
    line = JSON.parse(text);
  } catch {
    return el('div', {}, text);
  }
  if (typeof line.message !== 'string') return el('div', { class: 'DEBUG' }, text);
  const { timestamp, level, message, service, ...rest } = line;
  const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
  return el('div', { class: level ?? '', title: text }, `${timestamp ?? ''} ${level ?? ''} ${message}${extra}`);
}

let lastLog = 0;
async function refreshLogs() {
  const { lines } = await getJson(`logs?after=${lastLog}`);
  const box = $('#logs');
  const atBottom = box.scrollTop + box.clientHeight >= box.scrollHeight - 4;
  for (const { seq, text } of lines) {
    lastLog = seq;
    box.append(logLine(text));
  }
  while (box.childElementCount > 1000) box.firstElementChild.remove();
  if (atBottom) box.scrollTop = box.scrollHeight;
}

/** Runs `task` every `ms`, one at a time; a failure is shown on the page and polling goes on. */
function every(ms, task) {
  const run = () => task().catch((e) => console.warn(e)).finally(() => setTimeout(run, ms));
  run();
}

async function main() {
  info = await getJson('app');
  $('#token').value = info.token;
  $('#as-user').value = info.user;
  $('#as-tenant').value = info.tenant;
  $('#app-name').textContent = info.app ? `— ${info.app}` : '';
  clientModule = await import('/_console/client.js');
  connectClient();
  $('#act-as').addEventListener('click', async () => {
    const minted = await getJson('token', { method: 'POST', headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user: $('#as-user').value.trim(), tenant: $('#as-tenant').value.trim() }) });
    $('#token').value = minted.token;
    connectClient();
  });
  $('#token').addEventListener('change', connectClient);
  if (!info.asyncapi) {
    $('#no-app').hidden = false;
  } else {
    $('#actions').append(...actionsOf(info.asyncapi).map((a) => renderAction(a, info.asyncapi)));
  }
  document.body.setAttribute('data-ready', 'true');
  every(1000, refreshRequests);
  every(2000, refreshConnections);
  every(1000, refreshLogs);
}

main().catch((e) => {
  document.body.prepend(el('p', { class: 'error' }, `console failed to start: ${e.message}`));
});
