// The agreement's process end to end, as three demo users in three roles: the
// vårdcentral's coordinator sends, the municipal home care declines, the sender
// disputes, the MAS escalates, the home care accepts; a SIP with consent, actions,
// follow-up and avslut. axe-core checks every page visited.
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

/** A valid personnummer for someone born 1944-04-04: the Luhn check digit over YYMMDDNNN. */
function personnummer() {
  const nine = '440404123';
  const sum = [...nine].map(Number).map((d, i) => (i % 2 === 0 ? d * 2 : d)).map((v) => Math.floor(v / 10) + (v % 10)).reduce((a, b) => a + b, 0);
  return `19440404-123${(10 - (sum % 10)) % 10}`;
}

async function accessible(page, what) {
  assert.deepEqual(await seriousViolations(page), [], `axe on ${what}`);
}

test('a care request goes from request to avslut across three organisations', async () => {
  const sender = await newPage(browser);
  const nurse = await newPage(browser);
  const mas = await newPage(browser);
  await logIn(sender, samsyn.url, 'samordnare');
  await logIn(nurse, samsyn.url, 'vardpersonal');
  await logIn(mas, samsyn.url, 'mas');

  // Vårdbegäran from the vårdcentral.
  await sender.getByRole('link', { name: 'Ny vårdbegäran' }).click();
  await accessible(sender, 'the new request form');
  await sender.getByLabel('Personnummer eller samordningsnummer').fill(personnummer());
  await sender.getByLabel('Mottagande hemsjukvård').selectOption('HSV-1880');
  await sender.getByLabel('Anledning').fill('Behöver hjälp med insulin efter utskrivning');
  await sender.getByLabel('Önskade insatser').fill('Insulininjektioner morgon och kväll');
  await sender.getByLabel('Egenvårdsbedömning är gjord').check();
  await sender.getByRole('button', { name: 'Skicka vårdbegäran' }).click();
  const requestUrl = sender.url();
  assert.match(requestUrl, /\/vardbegaran\/\d+$/);
  assert.match(await sender.locator('.status').innerText(), /Skickad/);
  await accessible(sender, 'the sent request');

  // The home care sees it in the inbox and declines.
  await nurse.reload();
  const id = requestUrl.split('/').pop();
  await nurse.getByRole('link', { name: `Vårdbegäran ${id}` }).first().click();
  assert.match(await nurse.locator('.rules').innerText(), /version 1/);
  await accessible(nurse, 'the request with the rules in force');
  await nurse.getByRole('radio', { name: 'Avböj' }).check();
  await nurse.getByLabel('Motivering (krävs vid avböjande)').fill('Egenvård bedöms räcka');
  await nurse.getByRole('button', { name: 'Spara beslut' }).click();
  assert.match(await nurse.locator('.status').innerText(), /Avböjd/);

  // The sender disputes.
  await sender.reload();
  await sender.getByLabel('Varför bestrider ni?').fill('Personen har kognitiv svikt och klarar inte injektionerna');
  await sender.getByRole('button', { name: 'Bestrid och starta oenighet' }).click();
  assert.match(await sender.locator('.status').innerText(), /Bestriden/);
  assert.match(await sender.getByRole('heading', { level: 2, name: /Oenighet/ }).innerText(), /Lokal dialog/);
  await accessible(sender, 'the disputed request');

  // The MAS finds it on the start page and escalates to the county part.
  await mas.reload();
  await mas.getByRole('link', { name: `Vårdbegäran ${id}` }).click();
  await mas.getByLabel('Kommentar').fill('Lyfts till länsdelen för gemensam bedömning');
  await mas.getByRole('button', { name: 'Eskalera till nästa steg' }).click();
  assert.match(await mas.getByRole('heading', { level: 2, name: /Oenighet/ }).innerText(), /Länsdel/);
  await accessible(mas, 'the escalated disagreement');

  // The home care accepts after the dialogue; the episode opens.
  await nurse.reload();
  await nurse.getByRole('radio', { name: 'Acceptera – inskrivning i hemsjukvården' }).check();
  await nurse.getByRole('button', { name: 'Spara beslut' }).click();
  assert.match(await nurse.locator('.status').innerText(), /Accepterad/);
  assert.match(await nurse.locator('.status').innerText(), /version 1/);

  // The sender draws up a SIP with the home care, with the person's consent.
  await sender.reload();
  await sender.getByRole('link', { name: 'Upprätta vårdplan eller SIP' }).click();
  await accessible(sender, 'the new plan form');
  await sender.getByLabel('Rubrik').fill('SIP – insulin i hemmet');
  await sender.getByLabel('Fler deltagande enheter').selectOption('HSV-1880');
  await sender.getByRole('button', { name: 'Upprätta planen' }).click();
  await sender.getByLabel('Nytt mål').fill('Stabilt blodsocker');
  await sender.getByRole('button', { name: 'Lägg till mål' }).click();
  await sender.getByLabel('Ny åtgärd').fill('Insulininjektioner');
  await sender.getByLabel('Ansvarig').selectOption('unit:HSV-1880');
  await sender.getByRole('button', { name: 'Lägg till åtgärd' }).click();
  await sender.getByRole('button', { name: 'Registrera samtycke' }).click();
  assert.match(await sender.getByRole('region', { name: 'Samtycke' }).innerText(), /Personen själv/);
  await accessible(sender, 'the plan');
  const planUrl = sender.url();

  // The home care sees the plan's content (consent is recorded) and marks progress.
  await nurse.goto(planUrl);
  assert.match(await nurse.getByRole('region', { name: 'Mål' }).innerText(), /Stabilt blodsocker/);
  await nurse.getByLabel('Status för Insulininjektioner').selectOption('done');
  await nurse.getByRole('button', { name: 'Spara' }).click();
  assert.match(await nurse.getByRole('table', { name: 'Vem gör vad' }).innerText(), /Klar/);
  await accessible(nurse, 'the plan as a participant');

  // Ongoing care: actions, follow-up, avslut.
  await nurse.goto(requestUrl);
  await nurse.getByRole('link', { name: 'Till inskrivningen' }).click();
  await accessible(nurse, 'the episode');
  await nurse.getByLabel('KVÅ-kod').selectOption('DT016');
  await nurse.getByLabel('Utförare').selectOption('delegerad');
  await nurse.getByLabel('Minuter').fill('10');
  await nurse.getByRole('button', { name: 'Registrera' }).click();
  assert.match(await nurse.getByRole('table', { name: /Insatser/ }).innerText(), /DT016/);
  await nurse.getByLabel('Anteckning').fill('Fungerar väl');
  await nurse.getByRole('button', { name: 'Spara uppföljning' }).click();
  assert.match(await nurse.getByRole('table', { name: /Uppföljningar/ }).innerText(), /Fortsätt/);
  await nurse.getByLabel('Skäl till avslut').fill('Klarar injektionerna själv');
  await nurse.getByRole('button', { name: 'Avsluta inskrivningen' }).click();
  assert.match(await nurse.locator('.status').innerText(), /Avslutad/);
  assert.equal(await nurse.getByRole('button', { name: 'Registrera' }).count(), 0, 'a closed episode takes no actions');
  await accessible(nurse, 'the closed episode');
});

test('a unit without a care relationship is told the request does not exist', async () => {
  const other = await newPage(browser);
  await logIn(other, samsyn.url, 'ssk.1881');
  const response = await other.goto(`${samsyn.url}/vardbegaran/19`);
  assert.equal(response.status(), 404);
  await accessible(other, 'the not-found page');
});
