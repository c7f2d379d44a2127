// The follow-up dashboard: an analyst sees the county's figures with charts and
// small counts hidden; the MAS sees their own municipality's counts as they are.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startSamsyn, launchBrowser, newPage, seriousViolations, logIn } from './harness.js';

let samsyn;
let browser;

before(async () => {
  samsyn = await startSamsyn();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await samsyn?.stop();
});

test('an analyst reads the dashboard with charts and suppressed small counts', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'analytiker');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Uppföljning' }).click();
  assert.match(await page.locator('h1').textContent(), /^Uppföljning \d{4}$/);
  assert.match(await page.title(), /^Uppföljning \d{4} – samsyn$/, 'the title holds no page content');
  assert.ok(await page.getByRole('img', { name: /Personer med kommunal hälso- och sjukvård/ }).isVisible(), 'the persons chart');
  assert.ok(await page.getByRole('img', { name: /Insatser per KVÅ-kod/ }).isVisible(), 'the KVÅ chart');
  const table = await page.getByRole('table', { name: /Antal personer/ }).innerText();
  assert.match(table, /Örebro län/);
  assert.match(table, /<5/, 'the demo\'s small counts are hidden from an analyst');
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByLabel('Länsdel', { exact: true }).selectOption('norr');
  await page.getByRole('button', { name: 'Visa' }).click();
  const norr = await page.getByRole('table', { name: /Antal personer/ }).innerText();
  assert.match(norr, /Nora/);
  assert.doesNotMatch(norr, /Askersund/);
  assert.deepEqual(await seriousViolations(page), []);
});

test('the MAS sees the counts of their own municipality', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'mas');
  await page.goto(`${samsyn.url}/uppfoljning`);
  const orebro = await page.getByRole('table', { name: /Antal personer/ }).getByRole('row', { name: /^Örebro \d/ }).innerText();
  assert.doesNotMatch(orebro, /<5/);
  assert.deepEqual(await seriousViolations(page), []);
});

test('the economy page shows the supplementary amount step by step', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'analytiker');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Ekonomi' }).click();
  assert.match(await page.locator('h1').textContent(), /^Ekonomi \d{4}$/);
  const table = page.getByRole('table', { name: /Tilläggsbelopp per kommun/ });
  await table.getByText('Visa beräkningen').first().click();
  assert.match(await table.innerText(), /4,10 %/);
  assert.equal(await page.getByRole('table', { name: 'Per patient (din kommun)' }).count(), 0, 'an analyst sees no patients');
  assert.deepEqual(await seriousViolations(page), []);
});
