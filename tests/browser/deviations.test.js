// A deviation in collaboration from report to answer and feedback: the vårdcentral
// reports to the municipal home care, which investigates and answers; the reporter
// reads the answer and gives feedback. axe-core finds nothing serious on the way.
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

test('a deviation goes from report to answer and feedback', async () => {
  const reporter = await newPage(browser);
  await logIn(reporter, samsyn.url, 'samordnare');
  await reporter.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Avvikelser' }).click();
  await reporter.getByRole('link', { name: 'Rapportera en avvikelse' }).click();
  assert.deepEqual(await seriousViolations(reporter), []);
  await reporter.getByLabel('Ansvarig enhet').selectOption('HSV-1880');
  await reporter.getByLabel('Kategori').selectOption('lakemedel');
  await reporter.getByLabel('Allvarlighet').selectOption('mattlig');
  await reporter.getByLabel('Vad hände?').fill('Läkemedelslistan följde inte med när personen kom hem.');
  await reporter.getByRole('button', { name: 'Rapportera' }).click();
  assert.match(await reporter.locator('h1').textContent(), /^Avvikelse \d+$/);
  assert.match(await reporter.locator('.status').textContent(), /Rapporterad/);
  const url = reporter.url();
  assert.deepEqual(await seriousViolations(reporter), []);

  const home = await newPage(browser);
  await logIn(home, samsyn.url, 'vardpersonal');
  await home.goto(`${samsyn.url}/avvikelser`);
  assert.deepEqual(await seriousViolations(home), []);
  await home.goto(url);
  await home.getByLabel('Svar efter utredning').fill('Vi har infört en kontroll av läkemedelslistan vid hemkomst.');
  await home.getByRole('button', { name: 'Skicka svar' }).click();
  assert.match(await home.locator('.status').textContent(), /Besvarad/);
  assert.deepEqual(await seriousViolations(home), []);

  await reporter.reload();
  assert.match(await reporter.getByRole('region', { name: 'Svar från den ansvariga enheten' }).innerText(), /kontroll av läkemedelslistan/);
  await reporter.getByLabel('Din återkoppling på svaret').fill('Tack – vi följer upp i länsdelsgruppen.');
  await reporter.getByRole('button', { name: 'Skicka återkoppling' }).click();
  assert.match(await reporter.getByRole('region', { name: 'Återkoppling från rapportören' }).innerText(), /länsdelsgruppen/);
  assert.deepEqual(await seriousViolations(reporter), []);
});

test('the county parts get their quarterly summary and the conference its annual report', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'vardpersonal');
  await page.goto(`${samsyn.url}/avvikelser`);
  await page.getByRole('link', { name: 'Sammanställning per länsdel och kvartal, och årsrapporten' }).click();
  assert.match(await page.locator('h1').textContent(), /^Avvikelser i samverkan \d{4}$/);
  assert.ok(await page.locator('svg[role="img"]').first().isVisible(), 'a chart');
  const table = await page.getByRole('table', { name: 'Per länsdel och kvartal' }).innerText();
  assert.match(table, /Örebro/);
  assert.deepEqual(await seriousViolations(page), []);
  const href = await page.getByRole('link', { name: /Årsrapport \d{4} \(PDF\)/ }).getAttribute('href');
  const pdf = await page.request.get(`${samsyn.url}${href}`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
  assert.equal((await pdf.body()).subarray(0, 5).toString(), '%PDF-');
});
