// An owner, invited from the command line, sets a password, enrols two-factor authentication,
// creates a product with an image in the admin (JavaScript off) and finds it on the storefront.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { deflateSync } from 'node:zlib';
import { journey } from '../lib.mjs';

/** RFC 6238 TOTP (SHA-1, 6 digits, 30 s), as an authenticator app computes it. */
function totp(secretB32, unixSeconds = Date.now() / 1000) {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const c of secretB32.replace(/=+$/, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
  const key = Buffer.from(bits.match(/.{8}/g).map((b) => parseInt(b, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(unixSeconds / 30)));
  const h = createHmac('sha1', key).update(counter).digest();
  const o = h[h.length - 1] & 15;
  const n = ((h[o] & 0x7f) << 24) | (h[o + 1] << 16) | (h[o + 2] << 8) | h[o + 3];
  return String(n % 1_000_000).padStart(6, '0');
}

/** A small real PNG (a gradient), written by hand: signature, IHDR, IDAT, IEND with CRCs. */
function png(width, height) {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 255] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const rows = [];
  for (let y = 0; y < height; y++) {
    const row = Buffer.alloc(1 + width * 3);
    for (let x = 0; x < width; x++) row.set([(x * 255) / width, (y * 255) / height, 90], 1 + x * 3);
    rows.push(row);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** `baobab staff add` against the server's own data directory; returns the set-up link. */
function inviteOwner(email) {
  const bin = process.env.E2E_BIN;
  const dataDir = process.env.E2E_DATA_DIR;
  assert.ok(bin && dataDir, 'e2e/run passes E2E_BIN and E2E_DATA_DIR');
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('BAOBAB_')));
  const out = execFileSync(bin, ['--data-dir', dataDir, 'staff', 'add', '--email', email, '--role', 'owner'], { env, encoding: 'utf8' });
  const link = out.trim().split('\n').pop();
  assert.match(link, /\/account\/reset\?token=[0-9a-f]{64}$/);
  return link;
}

await journey('owner with two-factor adds a product with an image', { javaScriptEnabled: false }, async (t) => {
  const { base, page, step } = t;
  const title = `Hand-woven basket ${Date.now() % 100000}`;
  let secret;

  await step('the invitation link sets the password', async () => {
    const link = inviteOwner('owner@example.com');
    const url = new URL(link);
    await page.goto(`${base}${url.pathname}${url.search}`);
    await page.fill('input[name=password]', 'owner-password-123');
    await page.getByRole('button', { name: 'Save password' }).click();
    await page.waitForURL(/\/account$/);
  });

  await step('the admin asks for two-factor set-up first, and accepts an authenticator code', async () => {
    await page.goto(`${base}/admin`);
    await page.waitForURL(/\/admin\/2fa\/setup$/);
    secret = (await page.locator('main code').first().innerText()).trim();
    assert.match(secret, /^[A-Z2-7]{32}$/);
    await page.fill('input[name=code]', '000000');
    await page.getByRole('button', { name: /Turn on/ }).click();
    assert.match(await page.locator('.errors').innerText(), /not right/);
    await page.fill('input[name=code]', totp(secret));
    await page.getByRole('button', { name: /Turn on/ }).click();
    await page.waitForURL(/\/admin$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Dashboard');
  });

  await step('create a product', async () => {
    await page.getByRole('link', { name: 'Products', exact: true }).click();
    await page.fill('input[name=title]', title);
    await page.fill('textarea[name=description]', 'Sisal and leather, made in Machakos.');
    await page.selectOption('select[name=category_id]', { label: 'Home & Kitchen' });
    await page.selectOption('select[name=status]', 'active');
    await page.fill('input[name=sku]', `basket-${Date.now() % 100000}`);
    await page.fill('input[name=price]', '14500');
    await page.fill('input[name=stock]', '9');
    await page.getByRole('button', { name: 'Create product' }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), title);
  });

  await step('upload its image', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'baobab-e2e-'));
    const file = path.join(dir, 'basket.png');
    writeFileSync(file, png(480, 360));
    await page.setInputFiles('input[type=file][name=file]', file);
    await page.fill('input[name=alt]', 'Woven basket with leather handles');
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.waitForURL(/\/admin\/products\/\d+$/);
    assert.ok((await page.locator('main').innerText()).includes('Woven basket with leather handles'));
  });

  await step('the product and its image are on the storefront', async () => {
    const slug = title.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const res = await page.goto(`${base}/p/${slug}`);
    assert.equal(res.status(), 200);
    assert.equal((await page.locator('main h1').innerText()).trim(), title);
    assert.match(await page.locator('.price.big').innerText(), /₦14,500\.00/);
    const img = page.locator('main picture img');
    assert.equal(await img.getAttribute('alt'), 'Woven basket with leather handles');
    const src = await img.getAttribute('src');
    assert.match(src, /^\/media\/[0-9a-f]{16}\/\d+\.jpg$/);
    const loaded = await page.evaluate(() => document.querySelector('main picture img').naturalWidth);
    assert.ok(loaded > 0, 'the image really loads');
  });
});
