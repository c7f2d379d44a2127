// One discharge across three units: the ward's admission notice, acknowledged by the
// municipal home care and the vårdcentral; the vårdcentral appoints the fast
// vårdkontakt; the ward gives notice that the person is ready; the vårdcentral sends
// the kallelse to a SIP meeting. axe-core finds nothing serious on the way.
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

test('a discharge goes from admission notice to SIP kallelse', async () => {
  const ward = await newPage(browser);
  await logIn(ward, samsyn.url, 'spec.med');
  await ward.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Utskrivning' }).click();
  await ward.getByRole('link', { name: 'Skicka inskrivningsmeddelande' }).click();
  assert.deepEqual(await seriousViolations(ward), []);
  await ward.getByLabel('Personnummer eller samordningsnummer').fill('19400101-1230');
  await ward.getByLabel('Kommunal hemsjukvård').selectOption('HSV-1880');
  await ward.getByLabel('Vårdcentral').selectOption('VC-1880');
  await ward.getByLabel(/Både region och kommun behövs/).check();
  await ward.getByLabel('Samtycke och sekretess').fill('Samtycker till informationsöverföring');
  await ward.getByRole('button', { name: 'Skicka inskrivningsmeddelande' }).click();
  assert.match(await ward.locator('h1').textContent(), /^Vårdtillfälle \d+$/);
  const url = ward.url();
  assert.deepEqual(await seriousViolations(ward), []);

  const home = await newPage(browser);
  await logIn(home, samsyn.url, 'ssk.1880');
  await home.goto(url);
  await home.getByRole('button', { name: /Kvittera Inskrivningsmeddelande/ }).click();
  assert.equal(await home.getByRole('button', { name: /Kvittera/ }).count(), 0, 'acknowledged');
  assert.deepEqual(await seriousViolations(home), []);

  const vc = await newPage(browser);
  await logIn(vc, samsyn.url, 'vc.1880');
  await vc.goto(url);
  await vc.getByRole('button', { name: /Kvittera Inskrivningsmeddelande/ }).click();
  await vc.getByLabel('Fast vårdkontakt (namn och telefon)').fill('Distriktssköterska Eva Ek, 019-00 00 00');
  await vc.getByRole('button', { name: 'Utse fast vårdkontakt' }).click();
  assert.match(await vc.getByRole('table', { name: 'Meddelanden' }).innerText(), /Fast vårdkontakt utsedd/);

  await ward.reload();
  await ward.getByLabel('Steg', { exact: true }).selectOption('utskrivningsklar');
  await ward.getByRole('button', { name: 'Registrera' }).click();
  assert.match(await ward.getByRole('table', { name: 'Meddelanden' }).innerText(), /Utskrivningsklar/);

  await vc.reload();
  await vc.getByLabel('SIP-mötets tid (ÅÅÅÅ-MM-DD TT:MM)').fill('2030-01-10 10:00');
  await vc.getByLabel('Plats eller videolänk').fill('https://video.example.se/sip-123');
  await vc.getByRole('button', { name: 'Skicka kallelse' }).click();
  const messages = await vc.getByRole('table', { name: 'Meddelanden' }).innerText();
  assert.match(messages, /Kallelse till SIP.*SIP-möte 2030-01-10 10:00, https:\/\/video\.example\.se\/sip-123/);
  assert.deepEqual(await seriousViolations(vc), []);

  await ward.goto(`${samsyn.url}/utskrivning`);
  assert.match(await ward.getByRole('table', { name: 'Vårdtillfällen' }).innerText(), /I tid/);
  assert.deepEqual(await seriousViolations(ward), []);
  await home.goto(`${samsyn.url}/utskrivning/betalningsansvar`);
  assert.match(await home.locator('h1').textContent(), /^Betalningsansvar \d{4}-\d{2}$/);
  assert.deepEqual(await seriousViolations(home), []);
  await home.getByRole('link', { name: 'Reglerna' }).click();
  assert.match(await home.getByRole('table', { name: 'Versioner' }).innerText(), /3 kalenderdagar/);
  assert.deepEqual(await seriousViolations(home), []);
});
