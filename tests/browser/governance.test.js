// A collaboration body's meeting from plan to verified protocol: the secretary plans a
// meeting, builds the agenda with underlag, records attendance, writes the minutes
// with decisions and an assignment and sends them for approval; the chair and the
// adjuster approve; the PDF is downloaded and verified on the public page.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

test('a meeting goes from plan to a signed protocol that anyone can verify', async () => {
  const secretary = await newPage(browser);
  await logIn(secretary, samsyn.url, 'sekreterare');
  await secretary.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Organ och möten' }).click();
  assert.deepEqual(await seriousViolations(secretary), []);
  await secretary.getByRole('link', { name: 'Chefsgrupp för samverkan social välfärd samt vård och omsorg' }).click();
  assert.deepEqual(await seriousViolations(secretary), []);

  // plan
  await secretary.getByLabel('Datum (ÅÅÅÅ-MM-DD)').fill('2027-03-11');
  await secretary.getByLabel('Starttid (TT:MM)').fill('13:00');
  await secretary.getByLabel('Sluttid (TT:MM)').fill('15.30');
  await secretary.getByLabel('Mötesform').selectOption('digitalt');
  await secretary.getByLabel('Plats eller länk').fill('Teams');
  await secretary.getByRole('button', { name: 'Lägg till i mötesplanen' }).click();
  await secretary.waitForURL(/\/moten\/\d+$/);
  const meetingUrl = secretary.url();
  assert.match(await secretary.locator('h1').textContent(), /2027-03-11/);

  // agenda with underlag
  await secretary.getByLabel('Rubrik').fill('Länsgemensam rutin för fast vårdkontakt');
  await secretary.getByLabel('Föredragande (flera åtskilda med komma)').fill('Karin Holm');
  await secretary.getByLabel('Underlag krävs före sista dag').check();
  await secretary.getByRole('button', { name: 'Lägg till punkten' }).click();
  const dir = mkdtempSync(join(tmpdir(), 'samsyn-underlag-'));
  const underlag = join(dir, 'rutin-fast-vardkontakt.txt');
  writeFileSync(underlag, 'Förslag till rutin för fast vårdkontakt.\n');
  await secretary.getByLabel(/Underlag till punkt \d+/).last().setInputFiles(underlag);
  await secretary.getByRole('button', { name: /Ladda upp underlag till punkt/ }).last().click();
  await secretary.getByRole('link', { name: 'rutin-fast-vardkontakt.txt' }).waitFor();
  assert.deepEqual(await seriousViolations(secretary), []);

  // attendance
  await secretary.getByRole('link', { name: 'Registrera närvaro' }).click();
  assert.deepEqual(await seriousViolations(secretary), []);
  await secretary.getByLabel('Närvaro för Ulla Nyberg').selectOption('absent_notice');
  await secretary.getByLabel('Närvaro för Per Sandberg').selectOption('late');
  await secretary.getByLabel('Namn', { exact: true }).fill('Lena Ersättare');
  await secretary.getByLabel('Ersätter (namn)').last().fill('Ulla Nyberg');
  await secretary.getByRole('button', { name: 'Spara närvaron' }).click();
  await secretary.waitForURL(/\/moten\/\d+#narvaro$/);
  const attendance = await secretary.locator('#narvaro + .scroll').innerText();
  assert.match(attendance, /Ulla Nyberg.*Anmält förhinder/);
  assert.match(attendance, /Lena Ersättare.*ersätter Ulla Nyberg/);

  // minutes with decisions and an assignment
  await secretary.getByRole('link', { name: 'Skriv protokoll' }).click();
  assert.deepEqual(await seriousViolations(secretary), []);
  const decisions = secretary.getByLabel(/Beslut under punkt \d+/).last();
  await decisions.fill('att anta rutinen för fast vårdkontakt\natt rutinen gäller från 2027-05-01');
  await secretary.getByLabel(/Anteckningar till punkt \d+/).last().fill('Karin Holm redogjorde för remissvaren.');
  await secretary.getByLabel('Ordförande', { exact: true }).selectOption({ label: 'Eva Ekström (Ordförande)' });
  await secretary.getByRole('button', { name: 'Spara protokollet' }).click();
  await secretary.waitForURL(/#protokoll$/);
  await secretary.getByLabel('Punkt', { exact: true }).selectOption({ label: '1. Länsgemensam rutin för fast vårdkontakt' });
  await secretary.getByLabel('Uppdrag', { exact: true }).fill('Informera verksamheterna om rutinen');
  await secretary.getByLabel('Ansvarig (person eller organisation)').fill('Länsdelsgrupperna');
  await secretary.getByLabel('Återrapporteras senast (ÅÅÅÅ-MM-DD)').fill('2027-06-10');
  await secretary.getByRole('button', { name: 'Lägg till uppdraget' }).click();
  await secretary.getByRole('cell', { name: 'Informera verksamheterna om rutinen' }).waitFor();
  await secretary.getByRole('button', { name: 'Skicka för justering' }).click();
  await secretary.locator('p.status', { hasText: 'Skickat för justering' }).waitFor();
  assert.deepEqual(await seriousViolations(secretary), []);

  // the chair and the adjuster approve
  for (const who of ['ordforande', 'justerare']) {
    const page = await newPage(browser);
    await logIn(page, samsyn.url, who);
    await page.goto(meetingUrl);
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Justera protokollet' }).click();
    await page.getByRole('status').waitFor();
  }

  // the protocol is locked; the PDF verifies on the public page
  await secretary.goto(meetingUrl);
  await secretary.getByText('Protokollet är justerat och låst.').waitFor();
  assert.equal(await secretary.getByRole('button', { name: 'Lägg till punkten' }).count(), 0, 'nothing can be added');
  const [download] = await Promise.all([
    secretary.waitForEvent('download'),
    secretary.getByRole('link', { name: 'Ladda ned protokollet (PDF)' }).click(),
  ]);
  const pdf = join(dir, 'protokoll.pdf');
  await download.saveAs(pdf);

  const visitor = await newPage(browser);
  await visitor.goto(`${samsyn.url}/verifiera`);
  assert.deepEqual(await seriousViolations(visitor), []);
  await visitor.getByLabel('Protokollet som PDF eller textfil').setInputFiles(pdf);
  await visitor.getByRole('button', { name: 'Verifiera' }).click();
  const status = visitor.getByRole('status');
  await status.getByText('Äkta: filen är det justerade protokollet.').waitFor();
  assert.match(await status.innerText(), /Chefsgrupp för samverkan/);
  assert.match(await status.innerText(), /2027-03-11/);
  assert.deepEqual(await seriousViolations(visitor), []);

  // a changed text is not
  await visitor.getByLabel('… eller klistra in protokollets text').fill('PROTOKOLL\nChefsgrupp\natt anta en annan rutin');
  await visitor.getByRole('button', { name: 'Verifiera' }).click();
  await visitor.getByRole('alert').getByText('Ingen träff.').waitFor();
});

test('the home-care agreement shows its remiss, anchoring and every party\'s decision', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'sekreterare');
  await page.getByRole('heading', { name: 'Välkommen, Malin Ek, sekreterare chefsgruppen' }).waitFor();
  assert.deepEqual(await seriousViolations(page), [], 'the start page with the bodies\' to-do list');
  await page.goto(`${samsyn.url}/organ`);
  await page.getByRole('link', { name: 'Överenskommelser' }).click();
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByRole('link', { name: 'Överenskommelse om hälso- och sjukvård i hemmet i Örebro län' }).click();
  assert.equal(await page.locator('p.status').textContent(), 'I kraft');
  const adoptions = await page.locator('#antagande + .scroll').innerText();
  assert.equal((adoptions.match(/Antagen 20/g) || []).length, 13, 'all thirteen parties have decided');
  assert.match(await page.locator('#forankring ~ ol').first().innerText(), /Regionala samverkansrådet/);
  await page.getByText('Registrera svar eller anstånd för remissen 2024-02-15').click();
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto(`${samsyn.url}/medel`);
  assert.match(await page.locator('table').first().innerText(), /4\u00a0275\u00a0000\u00a0kr/);
  assert.deepEqual(await seriousViolations(page), []);

  await page.goto(`${samsyn.url}/uppdrag`);
  assert.deepEqual(await seriousViolations(page), []);
});
