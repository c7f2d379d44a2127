// The foundation's journey: a demo user logs in, lands on the start page for their
// role, and every page visited passes axe-core without serious violations.
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

test('the login page is accessible and a wrong password gets one generic error', async () => {
  const page = await newPage(browser);
  await page.goto(`${samsyn.url}/`);
  assert.match(page.url(), /\/logga-in/);
  assert.equal(await page.locator('h1').textContent(), 'Logga in');
  assert.deepEqual(await seriousViolations(page), []);

  await logIn(page, samsyn.url, 'admin', 'fel-losenord-123');
  assert.equal(await page.getByRole('alert').innerText(), 'Fel användarnamn eller lösenord.');
  assert.deepEqual(await seriousViolations(page), []);
});

test('an administrator logs in, reaches the start page and reviews the audit log', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'admin');
  assert.equal(await page.locator('h1').textContent(), 'Välkommen, Alva Admin');
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Granskningslogg' }).click();
  assert.equal(await page.locator('h1').textContent(), 'Granskningslogg');
  const rows = await page.locator('tbody tr').allInnerTexts();
  assert.ok(rows.some((r) => r.includes('session.login')), 'the login itself is in the log');
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByRole('link', { name: 'Enheter' }).first().click();
  assert.ok((await page.locator('tbody tr').count()) >= 24, 'a vårdcentral and home care per municipality');
  assert.deepEqual(await seriousViolations(page), []);

  await page.getByRole('button', { name: 'Logga ut' }).click();
  assert.match(page.url(), /\/logga-in/);
});

test('a nurse lands on the staff start page without the audit log in the menu', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'vardpersonal');
  assert.match(await page.locator('h1').textContent(), /Välkommen, Sara Sjöberg/);
  assert.match(await page.locator('.lead').textContent(), /enhet HSV-1880/);
  assert.equal(await page.getByRole('link', { name: 'Granskningslogg' }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);

  const response = await page.goto(`${samsyn.url}/granskningslogg`);
  assert.equal(response.status(), 403);
  assert.deepEqual(await seriousViolations(page), []);
});
