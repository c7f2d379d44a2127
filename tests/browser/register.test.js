// The decisions register: a secretary imports the two real protocols, reviews what
// was read and saves it; then anyone searching "hemsjukvård" finds the items about the
// new home-care agreement from both meetings.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';
import { startSamsyn, launchBrowser, newPage, seriousViolations, logIn } from './harness.js';

const here = dirname(fileURLToPath(import.meta.url));
const sources = join(here, '../../../shared/domain/sources');
const files = [
  join(sources, 'protokoll-chefsgrupp-2024-04-19.txt'),
  join(sources, 'protokoll-specifika-samverkansradet-2024-09-20.txt'),
];

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

test('a secretary imports two protocols and a search finds both meetings', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'sekreterare');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Beslutsregister' }).click();
  await page.getByRole('link', { name: 'Importera tidigare protokoll' }).click();
  assert.deepEqual(await seriousViolations(page), []);
  await page.getByLabel('Protokollfiler').setInputFiles(files);
  await page.getByRole('button', { name: 'Läs in filerna' }).click();

  // progress, then both files ready for review
  await page.waitForURL(/\/beslut\/import\/imp/);
  assert.ok(await page.getByRole('progressbar').isVisible(), 'a progress bar');
  await page.waitForFunction(() => document.getElementById('progress')?.getAttribute('data-done') === '1', null, { timeout: 20000 })
    .catch(async () => { await page.reload(); });
  await page.getByText('2 av 2 filer lästa').waitFor({ timeout: 20000 });
  assert.deepEqual(await seriousViolations(page), []);

  for (const name of ['protokoll-chefsgrupp-2024-04-19.txt', 'protokoll-specifika-samverkansradet-2024-09-20.txt']) {
    await page.getByRole('link', { name: `Granska och spara ${name}` }).click();
    assert.match(await page.locator('h1').textContent(), new RegExp(name));
    assert.equal(await page.getByLabel('Datum (ÅÅÅÅ-MM-DD)').inputValue(), name.slice(-14, -4));
    assert.deepEqual(await seriousViolations(page), []);
    await page.getByRole('button', { name: 'Spara i beslutsregistret' }).click();
    await page.getByRole('status').getByText(`${name} är sparad i beslutsregistret.`).waitFor();
  }

  // the secretary's correction would be refused if the date were wrong: nothing saved
  await page.goto(`${samsyn.url}/beslut?q=hemsjukv%C3%A5rd`);
  assert.deepEqual(await seriousViolations(page), []);
  const hits = page.locator('li.hit');
  const text = await hits.allInnerTexts();
  const joined = text.join('\n');
  assert.match(joined, /Ny överenskommelse för hälso- och sjukvård i hemmet/, 'the chefsgrupp item');
  assert.match(joined, /Beslut och implementering av ny överenskommelse för hälso-och sjukvård i hemmet/, 'the council item');
  assert.match(joined, /2024-04-19/);
  assert.match(joined, /2024-09-20/);
  assert.ok(await page.locator('li.hit mark').first().isVisible(), 'matches are highlighted');

  await page.getByRole('link', { name: 'Ny överenskommelse för hälso- och sjukvård i hemmet, sammanställning av remissvar' }).click();
  assert.match(await page.locator('h1').textContent(), /Protokoll – /);
  assert.ok(await page.getByRole('heading', { name: /9\. Ny överenskommelse/ }).isVisible());
  assert.deepEqual(await seriousViolations(page), []);
});

test('a member can search but not import', async () => {
  const page = await newPage(browser);
  await logIn(page, samsyn.url, 'ledamot');
  await page.goto(`${samsyn.url}/beslut`);
  assert.equal(await page.getByRole('link', { name: 'Importera tidigare protokoll' }).count(), 0);
  const response = await page.goto(`${samsyn.url}/beslut/import`);
  assert.equal(response.status(), 403);
});
