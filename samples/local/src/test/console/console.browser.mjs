// Drives the dev console in headless Chromium (Debian's /usr/bin/chromium) with playwright-core, against the
// local stack the JUnit test ConsoleBrowserTest started. Exits 0 when every check passes; prints what it checked.
// Environment: CONSOLE_URL, PLAYWRIGHT_CORE (the installed package's folder), CHROMIUM, SCREENSHOT (a .png path).
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE);
const url = process.env.CONSOLE_URL;
const timeout = 30_000;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console error: ${m.text()}`); });
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout });
  assert.match(await page.locator('#token').inputValue(), /^[\w-]+\.[\w-]+\.[\w-]+$/, 'token box holds a JWT');
  console.log('ok: page loaded, token box prefilled');

  // A sync action: the result shows and the bar is full.
  const echo = page.locator('[data-action="echo"]');
  await echo.locator('input[name="message"]').fill('hello from the console');
  await echo.locator('[data-role="send"]').click();
  await echo.locator('[data-role="result"]').waitFor({ timeout });
  assert.match(await echo.locator('[data-role="result"]').textContent(), /hello from the console/);
  assert.equal(await echo.locator('[data-role="progress"]').evaluate((p) => p.value), 1);
  console.log('ok: sync echo shows its result, progress 100%');

  // A validation error shows next to its field.
  await echo.locator('input[name="message"]').fill('   ');
  await echo.locator('[data-role="send"]').click();
  await echo.locator('[data-role="error"][data-code="VALIDATION_ERROR"]').waitFor({ timeout });
  const violation = echo.locator('.violation[data-path="message"]');
  assert.notEqual((await violation.textContent()).trim(), '', 'violation shown next to the message field');
  assert.ok(await echo.locator('[data-field="message"].invalid').count() === 1, 'message field marked invalid');
  console.log(`ok: validation error next to its field: ${(await violation.textContent()).trim()}`);

  // An async action: live progress (values strictly between 0 and 1 seen on the bar), then 100% and the result.
  const report = page.locator('[data-action="generate_report"]');
  await report.locator('input[name="startDate"]').fill('2024-01-01');
  await report.locator('input[name="endDate"]').fill('2024-01-31');
  await report.locator('input[name="recordCount"]').fill('500');
  await report.locator('select[name="format"]').selectOption('CSV');
  await report.locator('[data-role="progress"]').evaluate((bar) => {
    window.progressSeen = [];
    new MutationObserver(() => window.progressSeen.push(bar.value))
      .observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
  await report.locator('[data-role="send"]').click();
  await report.locator('[data-role="result"]').waitFor({ timeout: 60_000 });
  assert.equal(await report.locator('[data-role="progress"]').evaluate((p) => p.value), 1);
  const seen = await page.evaluate(() => window.progressSeen);
  assert.ok(seen.some((v) => v > 0 && v < 1), `live progress between 0 and 1 was shown: ${JSON.stringify(seen)}`);
  const status = await report.locator('[data-role="status"]').textContent();
  console.log(`ok: async generate_report: progress ${JSON.stringify(seen)}, result shown (${status})`);

  // The requests table (read from DynamoDB) lists it as completed, with its user and tenant.
  const reportId = await report.getAttribute('data-request');
  const row = page.locator(`#requests tbody tr[data-request="${reportId}"][data-status="COMPLETED"]`);
  await row.waitFor({ timeout });
  assert.match(await row.textContent(), /dev-user \/ dev-tenant/);
  assert.match(await row.textContent(), /100%/);
  console.log(`ok: requests table shows ${reportId} completed`);

  // Cancel a queued request from its card (the built-in cancel over the socket): the reply shows, the request ends
  // CANCELLED and the requests table shows it so.
  await report.locator('input[name="recordCount"]').fill('1000');
  await report.locator('[data-role="send"]').click();
  await report.locator('[data-role="cancel"]:not([hidden])').click({ timeout });
  const cancelReply = report.locator('[data-role="cancel-reply"]');
  await cancelReply.waitFor({ timeout });
  assert.match(await cancelReply.getAttribute('data-outcome'), /^(CANCELLED|CANCEL_REQUESTED)$/,
    await cancelReply.textContent());
  await report.locator('[data-role="error"][data-code="CANCELLED"]').waitFor({ timeout });
  const cancelled = await report.getAttribute('data-request');
  await page.locator(`#requests tbody tr[data-request="${cancelled}"][data-status="CANCELLED"]`).waitFor({ timeout });
  console.log(`ok: cancel from the page: ${await cancelReply.textContent()}, table shows CANCELLED`);

  // Act as another user and tenant: the stack mints the token, the next request runs as them.
  const devToken = await page.locator('#token').inputValue();
  await page.locator('#as-user').fill('console-other');
  await page.locator('#as-tenant').fill('tenant-b');
  await page.locator('#act-as').click();
  await page.waitForFunction((before) => document.querySelector('#token').value !== before, devToken, { timeout });
  await echo.locator('input[name="message"]').fill('who am I');
  await echo.locator('[data-role="send"]').click();
  await echo.locator('[data-role="result"]', { hasText: 'console-other' }).waitFor({ timeout });
  assert.match(await echo.locator('[data-role="result"]').textContent(), /tenant-b/);
  console.log('ok: acting as console-other in tenant-b');

  // The connections table shows the page's open connection.
  await page.locator('#connections tbody tr', { hasText: 'console-other' }).first().waitFor({ timeout });
  console.log('ok: connections table lists the open connection');

  await page.screenshot({ path: process.env.SCREENSHOT, fullPage: true });
  console.log(`screenshot: ${process.env.SCREENSHOT}`);
  assert.deepEqual(problems, [], 'no errors on the page');
} finally {
  await browser.close();
}
