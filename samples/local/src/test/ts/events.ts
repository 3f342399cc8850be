// Compile-time checks of the generated typings' event listeners, run by TypeScriptTypingsTest with
// `tsc --strict --noEmit`. Every `@ts-expect-error` line MUST fail to type-check: tsc reports an unused directive.
import { SampleClient, EVENTS } from './client/sample-client.js';
import type { Announcement, EventName, Events } from './client/sample-client.js';

declare const client: SampleClient;

// A listener of the event's own type compiles; on() returns the function that stops it.
const stop: () => void = client.on('announcement', (a: Announcement) => {
  const text: string | null | undefined = a.text;
  void text;
});
stop();

// The data type is inferred from the event name.
client.on('announcement', (a) => {
  const from: string | null | undefined = a.from;
  void from;
});

const names: readonly EventName[] = EVENTS;
const data: Events['announcement'] = { text: 'hi', from: 'me' };
void names;
void data;

// @ts-expect-error a listener of another type is rejected
client.on('announcement', (n: number) => void n);

// @ts-expect-error a listener expecting another shape is rejected
client.on('announcement', (e: { invoiceId: string }) => void e);

// @ts-expect-error an event the application does not declare is rejected
client.on('invoice_ready', () => {});
