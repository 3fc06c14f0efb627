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
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
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
      await mkdir(path.dirname(out), { recursive: true }); // 'ar/home.png' makes artifacts/ar/
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
  // Against the screen's width: a phone browser zooms a page wider than the screen out until it
  // fits, and window.innerWidth grows with it.
  const screen = page.viewportSize().width;
  const [scrollWidth, innerWidth] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  const wide = Math.max(scrollWidth, innerWidth);
  if (wide > screen) {
    throw new Error(`${page.url()} is ${wide} px wide on a ${screen} px screen`);
  }
}

// ---- languages: what the shop says in each, and how it writes prices ----

/** A desktop browser: 1280×800 CSS pixels, a mouse, no mobile viewport rules. */
export const DESKTOP = {
  viewport: { width: 1280, height: 800 },
  screen: { width: 1280, height: 800 },
  deviceScaleFactor: 1,
  isMobile: false,
  hasTouch: false,
  userAgent:
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) ' +
    'Chrome/120.0.0.0 Safari/537.36',
};

/** The shop's Fluent catalogs, read by the journeys so they follow the translators' wording. */
export const LOCALES = path.join(E2E_DIR, '..', 'crates', 'baobab-web', 'locales');

/**
 * The messages of `locales/<lang>/<file>.ftl`: a map from key to its value, with continuation
 * lines joined by "\n". Only what the journeys need of Fluent: text, `{ $var }` placeables, and
 * one selector on a number (`{ $count -> [one] … *[other] … }`); `message()` refuses the rest.
 */
export async function messages(lang, file = 'storefront') {
  const source = await readFile(path.join(LOCALES, lang, `${file}.ftl`), 'utf8');
  const out = new Map();
  let key = null;
  for (const line of source.split('\n')) {
    const m = /^([a-zA-Z][\w-]*)\s*=\s*(.*)$/.exec(line);
    if (m) {
      key = m[1];
      out.set(key, m[2].trim());
    } else if (key && /^\s+\S/.test(line)) {
      out.set(key, `${out.get(key)}\n${line.trim()}`.trim());
    } else {
      key = null; // a comment, a blank line or a term ends the message
    }
  }
  return out;
}

/**
 * One message as the app renders it (it turns Fluent's bidi isolation marks off): placeables
 * filled from `args`, a numeric selector resolved with the language's CLDR plural rules (an
 * exact `[0]` variant first, as Fluent does).
 */
export function message(msgs, lang, key, args = {}) {
  let pattern = msgs.get(key);
  if (pattern === undefined) throw new Error(`no message ${key} in the ${lang} catalog`);
  const select = /^\{\s*\$(\w+)\s*->\s*\n([\s\S]*)\n\s*\}$/.exec(pattern);
  if (select) {
    const [, name, body] = select;
    const n = args[name];
    if (typeof n !== 'number') throw new Error(`${key}: $${name} must be a number`);
    const variants = new Map();
    let fallback;
    for (const v of body.split('\n')) {
      const vm = /^(\*?)\[([\w.]+)\]\s*(.*)$/.exec(v.trim());
      if (!vm) throw new Error(`${key}: cannot read the variant ${JSON.stringify(v)}`);
      variants.set(vm[2], vm[3]);
      if (vm[1]) fallback = vm[3];
    }
    pattern = variants.get(String(n)) ?? variants.get(new Intl.PluralRules(lang).select(n)) ?? fallback;
  }
  const text = pattern.replace(/\{\s*\$(\w+)\s*\}/g, (_, name) => {
    if (!(name in args)) throw new Error(`${key}: no value for $${name}`);
    return String(args[name]);
  });
  if (/[{}]/.test(text)) throw new Error(`${key}: Fluent syntax the journeys do not read: ${pattern}`);
  return text;
}

/**
 * Naira prices as the shop writes them in each language (crates/baobab-locale, CLDR): English
 * keeps the shop's own `₦46,400.00`; French `46 400,00 ₦` with a narrow no-break space (U+202F)
 * between groups and a no-break space (U+00A0) before the sign; Arabic Latin digits after a
 * right-to-left mark (U+200F), `‏46,400.00 ₦`.
 */
const NAIRA = {
  en: { re: '₦\\d{1,3}(?:,\\d{3})*\\.\\d\\d', group: ',', decimal: '.' },
  fr: { re: '\\d{1,3}(?:\\u202f\\d{3})*,\\d\\d\\u00a0₦', group: '\u202f', decimal: ',' },
  ar: { re: '\\u200f\\d{1,3}(?:,\\d{3})*\\.\\d\\d\\u00a0₦', group: ',', decimal: '.' },
};

/**
 * Every naira price in `text` written as `lang` writes them, as `{ text, minor }`. Throws when
 * `text` has digits outside those prices and outside `allowed` (a regex for other numbers the
 * text may hold, such as a count or an order number), which catches a price in another
 * language's format.
 */
export function pricesIn(lang, text, allowed = null) {
  const f = NAIRA[lang];
  if (!f) throw new Error(`no naira format for ${lang}`);
  const found = [...text.matchAll(new RegExp(`(?<![\\d\\u202f,.])${f.re}`, 'g'))].map(([p]) => {
    const digits = p.replace(/[^\d\u202f,.]/g, '').split(f.group).join('').replace(f.decimal, '.');
    return { text: p, minor: Math.round(Number(digits) * 100) };
  });
  let rest = text.replace(new RegExp(f.re, 'g'), '');
  if (allowed) rest = rest.replace(new RegExp(allowed.source, 'g'), '');
  if (/\d/.test(rest)) {
    throw new Error(`numbers not written as ${lang} writes prices in ${JSON.stringify(text)}`);
  }
  return found;
}

/** `<html lang dir>` of the page. */
export async function assertHtmlLang(page, lang, dir) {
  const [l, d] = await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir]);
  if (l !== lang || d !== dir) {
    throw new Error(`${page.url()} has <html lang="${l}" dir="${d}">, expected lang="${lang}" dir="${dir}"`);
  }
}
