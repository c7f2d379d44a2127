// Shared by the journeys: start samsyn on a fresh database, drive Chromium, check
// accessibility with axe-core.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Starts `samsyn serve --demo` on a free port with a database of its own. */
export async function startSamsyn() {
  const bin = process.env.SAMSYN_BIN;
  if (!bin) throw new Error('SAMSYN_BIN must name the samsyn binary');
  const dir = mkdtempSync(join(tmpdir(), 'samsyn-browser-'));
  const database = process.env.SAMSYN_BROWSER_DATABASE_URL || `sqlite://${join(dir, 'samsyn.db')}`;
  const child = spawn(bin, ['serve', '--demo', '--addr', '127.0.0.1:0', '--database', database], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`samsyn did not start: ${stderr}`)), 60000);
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/körs på (http:\/\/[^\s]+)/);
      if (m) { clearTimeout(timer); resolve(m[1].replace(/\/$/, '')); }
    });
    child.on('exit', (code) => reject(new Error(`samsyn exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/** A page in a fresh context; CSP is bypassed only so that axe can be injected. */
export async function newPage(browser) {
  const context = await browser.newContext({ bypassCSP: true, locale: 'sv-SE' });
  return context.newPage();
}

/** Runs axe-core (WCAG 2.1 A and AA rules) and returns the serious and critical violations. */
export async function seriousViolations(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () =>
    // eslint-disable-next-line no-undef
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export async function logIn(page, url, username, password = 'samsyn-demo-2026') {
  await page.goto(`${url}/`);
  await page.getByLabel('Användarnamn').fill(username);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}
