// Shared helpers for Baobab's browser journeys.
//
// A journey is one file under e2e/journeys/ that calls `journey(name, fn)`. The helper launches
// Debian's chromium through playwright-core, opens a phone-sized context, runs `fn` with a
// `step(name, fn)` reporter, and closes everything. The first failing step ends the journey:
// a full-page screenshot goes to e2e/artifacts/, and the process exits non-zero.
//
// Every request the page makes must go to the server under test on 127.0.0.1: anything else is
// aborted and fails the journey, as does any response with status 500 or above.

import { chromium } from 'playwright-core';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const E2E_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ARTIFACTS = path.join(E2E_DIR, 'artifacts');

export const CHROMIUM = process.env.BAOBAB_CHROMIUM || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** A mid-range Android phone: 390×844 CSS pixels, touch, mobile viewport rules. */
export const PHONE = {
  viewport: { width: 390, height: 844 },
  screen: { width: 390, height: 844 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/120.0.0.0 Mobile Safari/537.36',
  locale: 'en-GB',
};

/** Base URL of the server under test (set by e2e/run). */
export function baseUrl() {
  const url = process.env.BAOBAB_URL;
  if (!url) throw new Error('BAOBAB_URL is not set; run journeys through e2e/run');
  const u = new URL(url);
  if (u.hostname !== '127.0.0.1' && u.hostname !== 'localhost' && u.hostname !== '[::1]') {
    throw new Error(`BAOBAB_URL must be a loopback address, got ${url}`);
  }
  return url.replace(/\/$/, '');
}

function isLoopback(url) {
  if (url.startsWith('data:') || url.startsWith('about:') || url.startsWith('blob:')) return true;
  try {
    const h = new URL(url).hostname;
    return h === '127.0.0.1' || h === 'localhost' || h === '[::1]';
  } catch {
    return false;
  }
}

function slug(s) {
  return s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
}

/**
 * Start a browser session. `newContext(options)` launches chromium with a fresh user-data
 * directory (removed by `close()`) and returns its phone-sized context (PHONE merged with
 * `options`), guarded to loopback. Each context is its own launch with its own profile, so a
 * second one starts with an empty cache and no cookies. Blocked requests and 5xx answers are
 * collected in `problems`.
 */
export async function launch() {
  const launched = [];
  const problems = [];
  return {
    problems,
    async newContext(options = {}) {
      const dir = await mkdtemp(path.join(tmpdir(), 'baobab-e2e-profile-'));
      launched.push({ dir, context: null });
      // launchPersistentContext is the way to choose the profile directory ourselves.
      const context = await chromium.launchPersistentContext(dir, {
        executablePath: CHROMIUM,
        args: CHROMIUM_ARGS,
        headless: true,
        // journey() closes the browser and removes the profile on Ctrl-C / SIGTERM itself.
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
        ...PHONE,
        ...options,
      });
      launched[launched.length - 1].context = context;
      await context.route('**/*', (route) => {
        const url = route.request().url();
        if (isLoopback(url)) return route.continue();
        problems.push(`blocked request to a non-loopback address: ${url}`);
        return route.abort('blockedbyclient');
      });
      context.on('response', (res) => {
        if (res.status() >= 500) problems.push(`${res.status()} from ${res.url()}`);
      });
      return context;
    },
    async close() {
      for (const { context, dir } of launched.reverse()) {
        if (context) await context.close().catch(() => {});
        await rm(dir, { recursive: true, force: true }).catch(() => {});
      }
    },
  };
}

/**
 * Run one journey: `fn({ base, newContext, page, context, step, screenshot })`.
 * `contextOptions` configure the first context (e.g. `{ javaScriptEnabled: false }`).
 */
export async function journey(name, contextOptions, fn) {
  if (typeof contextOptions === 'function') [contextOptions, fn] = [{}, contextOptions];
  const started = Date.now();
  const tag = slug(name);
  console.log(`# journey: ${name}`);
  let browser;
  let current; // the page a failing step screenshots
  let passed = 0;
  let failedStep = null;
  let interrupted = false;
  const onSignal = async (signal) => {
    interrupted = true;
    console.log(`# ${name}: interrupted (${signal})`);
    if (browser) await browser.close();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const base = baseUrl();
    browser = await launch();
    const context = await browser.newContext(contextOptions);
    const page = context.pages()[0] ?? (await context.newPage());
    current = page;

    const step = async (stepName, stepFn) => {
      const t0 = Date.now();
      try {
        await stepFn();
        if (browser.problems.length) throw new Error(browser.problems.join('\n'));
      } catch (err) {
        if (interrupted) await new Promise(() => {}); // exiting: say nothing more
        failedStep = stepName;
        console.log(`not ok - ${stepName} (${Date.now() - t0} ms)`);
        throw err;
      }
      passed += 1;
      console.log(`ok - ${stepName} (${Date.now() - t0} ms)`);
    };
    const screenshot = async (file, p = current) => {
      await mkdir(ARTIFACTS, { recursive: true });
      const out = path.join(ARTIFACTS, file);
      await p.screenshot({ path: out, fullPage: true });
      return out;
    };
    const newContext = (options = {}) => browser.newContext({ ...contextOptions, ...options });
    const usePage = (p) => {
      current = p;
    };
    await fn({ base, page, context, step, screenshot, newContext, usePage });
  } catch (err) {
    console.log(`  ${String(err && err.stack ? err.stack : err).split('\n').join('\n  ')}`);
    if (current) {
      try {
        await mkdir(ARTIFACTS, { recursive: true });
        const out = path.join(ARTIFACTS, `FAILED-${tag}-${slug(failedStep ?? 'setup')}.png`);
        await current.screenshot({ path: out, fullPage: true, timeout: 10_000 });
        console.log(`  screenshot: ${path.relative(process.cwd(), out)}`);
        console.log(`  url: ${current.url()}`);
      } catch (shotErr) {
        console.log(`  (no screenshot: ${shotErr.message})`);
      }
    }
    process.exitCode = 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    if (browser) await browser.close();
  }
  const secs = ((Date.now() - started) / 1000).toFixed(1);
  const verdict = process.exitCode ? 'FAILED' : 'passed';
  console.log(`# ${name}: ${verdict} (${passed} steps ok, ${secs} s)`);
}

// ---- small helpers for assertions on storefront pages ----

/** "₦206,400.00" / "KSh 780.00" / "From ₦1.00" → 20640000 (minor units). */
export function minorUnits(text) {
  const m = /(\d[\d,]*)(?:\.(\d\d))?/.exec(text);
  if (!m) throw new Error(`no amount in ${JSON.stringify(text)}`);
  return Number(m[1].replace(/,/g, '')) * 100 + Number(m[2] ?? 0);
}

/** Text of every element matched by `selector`, trimmed. */
export async function texts(page, selector) {
  return (await page.locator(selector).allInnerTexts()).map((t) => t.trim());
}

/** The page must not scroll sideways on the phone (wide tables, long words, fixed widths). */
export async function assertNoSidewaysScroll(page) {
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  if (scrollWidth > innerWidth) {
    throw new Error(`${page.url()} is ${scrollWidth} px wide on a ${innerWidth} px screen`);
  }
}
