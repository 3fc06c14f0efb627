// A shopper in Abidjan whose browser asks for French (Accept-Language fr-CI) comes to the shop's
// home page and is sent to the French pages, browses a category and a product, checks out with
// cash on delivery, and sees the order; then tries the language menu: English, and back.
//
// Elements are picked by structure (form actions, input names, hrefs), not by their English
// words, and the French words checked are read from locales/fr/storefront.ftl, so the journey
// follows the translators. Prices must be written the French way: `46 400,00 ₦`.

import assert from 'node:assert/strict';
import { assertHtmlLang, assertNoSidewaysScroll, journey, message, messages, pricesIn, texts } from '../lib.mjs';

// The demo category the journey browses, at its English address.
const ENGLISH_CATEGORY = '/c/phones-tablets';

const fr = await messages('fr');
const en = await messages('en');
const t = (key, args) => message(fr, 'fr', key, args);

/** The page is French: `<html lang="fr" dir="ltr">`, French header and footer, no sideways scroll. */
async function assertFrench(page) {
  await assertHtmlLang(page, 'fr', 'ltr');
  assert.equal((await page.locator('header form.find button').innerText()).trim(), t('search-button'));
  assert.equal(await page.locator('header form.find input[name=q]').getAttribute('placeholder'), t('search-placeholder'));
  assert.equal(await page.locator('header form[action="/language"] select').inputValue(), 'fr', 'language menu');
  const footer = await page.locator('footer').innerText();
  assert.ok(footer.includes(t('footer-prices', { currency: 'NGN' })), `footer not French: ${footer}`);
  await assertNoSidewaysScroll(page);
}

/** The path of the page, which must be `/fr/…` (or, for a page not yet given a prefix, `unprefixed`). */
function pathOf(page, unprefixed = null) {
  const { pathname } = new URL(page.url());
  if (pathname.startsWith('/fr/') || (unprefixed && unprefixed.test(pathname))) return pathname;
  throw new Error(`left the French pages: ${page.url()}`);
}

/** The naira prices of every element matched, each written the French way. */
async function frenchPrices(page, selector) {
  const all = await page.locator(selector).allTextContents();
  assert.ok(all.length > 0, `no prices at ${selector}`);
  return all.map((text) => {
    const found = pricesIn('fr', text);
    assert.ok(found.length > 0, `no French price in ${JSON.stringify(text)} at ${selector} on ${(page.page?.() ?? page).url()}`);
    return found;
  });
}

await journey('French shopper checks out', { javaScriptEnabled: false, locale: 'fr-CI' }, async ({ base, page, step, screenshot }) => {
  let product; // { name, price } chosen in the category
  let category; // the category page's path

  await step('Accept-Language fr: the home page sends the shopper to /fr/', async () => {
    const res = await page.goto(`${base}/`);
    assert.equal(res.status(), 200);
    assert.equal(new URL(page.url()).pathname, '/fr/', `Accept-Language fr-CI stayed on ${page.url()}`);
    // the redirect came from the server (302 from /), not from a link
    const from = res.request().redirectedFrom();
    assert.ok(from && new URL(from.url()).pathname === '/', 'no redirect from /');
    assert.equal((await from.response()).status(), 302);
    await assertFrench(page);
    assert.equal((await page.locator('main h2').first().innerText()).trim(), t('home-new'));
    for (const href of await page.locator('header nav a, main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^\/fr\//, `a link leaves the French pages: ${href}`);
    }
    await frenchPrices(page, 'main .grid li .price');
    // nothing of the English storefront chrome on the page
    const body = await page.locator('body').innerText();
    for (const key of ['search-button', 'footer-payment', 'home-new']) {
      assert.ok(!body.includes(message(en, 'en', key)), `English "${message(en, 'en', key)}" on ${page.url()}`);
    }
  });

  await step('a category, sorted by price, in French', async () => {
    const link = page.locator('header nav a[href="/fr/c/telephones-et-tablettes"]');
    assert.equal(await link.count(), 1, 'no link to /fr/c/telephones-et-tablettes in the category menu');
    await link.click();
    await page.waitForURL(/\/fr\/c\/telephones-et-tablettes$/);
    category = pathOf(page);
    await assertFrench(page);
    // the demo catalog's own French: the category's name and its French address
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Téléphones et tablettes');
    const n = await page.locator('main .grid li').count();
    assert.ok(n >= 2, `expected several products, got ${n}`);
    // "12 articles": the count, with the French plural
    const count = (await page.locator('main .bar > span').innerText()).trim();
    assert.equal(count, t('product-count', { count: Number(/\d+/.exec(count)?.[0]) }));
    // sort by price, low to high: the link's words are French, the order ascending
    const sort = page.locator('main .sorts a[href*="sort=price_asc"]');
    assert.equal((await sort.innerText()).trim(), t('sort-price-asc'));
    await sort.click();
    await page.waitForURL(/\/fr\/c\/telephones-et-tablettes\?sort=price_asc$/);
    const prices = (await frenchPrices(page, 'main .grid li .price')).map((p) => p[0].minor);
    assert.deepEqual(prices, [...prices].sort((a, b) => a - b), `not ascending: ${prices}`);
    const card = page.locator('main .grid li').filter({ hasNot: page.locator('.out') }).first();
    product = {
      name: (await card.locator('a b').innerText()).trim(),
      price: (await frenchPrices(card, '.price'))[0][0],
    };
  });

  await step('the product page, in French', async () => {
    await page.locator('main .grid li a').filter({ hasText: product.name }).first().click();
    await page.waitForURL(/\/fr\/p\/[a-z0-9-]+$/);
    pathOf(page);
    await assertFrench(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), product.name);
    const [big] = (await frenchPrices(page, 'main .price.big'))[0];
    assert.equal(big.minor, product.price.minor, `${big.text} on the page, ${product.price.text} in the list`);
    const stock = [t('stock-in'), t('stock-out')];
    for (const s of await texts(page, 'main article p.ok, main article p.out, main table.variants small')) {
      const few = /\d+/.exec(s);
      assert.ok(stock.includes(s) || (few && s === t('stock-few', { count: Number(few[0]) })), `stock "${s}" is not French`);
    }
    const buttons = await texts(page, 'main form[action="/fr/cart/add"] button');
    assert.ok(buttons.length > 0, 'no form posting to /fr/cart/add');
    for (const b of buttons) assert.equal(b, t('cart-add'));
    const crumbs = page.locator('main .crumbs a');
    assert.equal((await crumbs.first().innerText()).trim(), t('crumb-home'));
    assert.equal(await crumbs.first().getAttribute('href'), '/fr/');
    await screenshot('fr/product.png');
  });

  await step('add to the cart: the French cart', async () => {
    await page.locator('main form[action="/fr/cart/add"] button').first().click();
    await page.waitForURL(/\/fr\/cart$/);
    await assertFrench(page);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(product.name), `${product.name} not in the cart`);
    const rows = page.locator('main table.variants tbody tr');
    assert.equal(await rows.count(), 1);
    const [price, total] = (await frenchPrices(page, 'main table.variants tbody td:nth-child(n+3)')).map((p) => p[0]);
    assert.equal(total.minor, price.minor, 'one item: the line total is its price');
    const [subtotal] = (await frenchPrices(page, 'main .price.big'))[0];
    assert.equal(subtotal.minor, total.minor, `subtotal ${subtotal.text}, line ${total.text}`);
  });

  await step('checkout in French, cash on delivery to Abidjan', async () => {
    await page.locator('main a[href$="/checkout"]').click();
    await page.waitForURL(/\/checkout$/);
    pathOf(page, /^\/checkout$/);
    await assertFrench(page);
    // Côte d'Ivoire: its delivery options come with the next page
    await page.fill('input[name=country]', 'CI');
    await page.locator('main button[name=step][value=review]').first().click();
    await page.waitForURL(/\/checkout$/);
    await assertFrench(page);
    const courier = page.locator('input[name=shipping_method][value=intl-courier]');
    assert.equal(await courier.count(), 1, 'no international courier offered for CI');
    await page.fill('input[name=email]', 'aya.kouassi@example.com');
    await page.fill('input[name=name]', 'Aya Kouassi');
    await page.fill('input[name=line1]', 'Rue des Jardins, Cocody Deux-Plateaux');
    await page.fill('input[name=city]', 'Abidjan');
    await page.fill('input[name=country]', 'CI');
    await page.fill('input[name=phone]', '+225 07 12 34 56 78');
    await courier.check();
    await page.check('input[name=payment_method][value=cash_on_delivery]');
    // the line total and the order total in French
    const [line] = (await frenchPrices(page, 'main table.variants tbody td:last-child'))[0];
    assert.equal(line.minor, product.price.minor);
    const [total] = (await frenchPrices(page, 'main .price.big'))[0];
    assert.ok(total.minor >= line.minor, `total ${total.text} below the line ${line.text}`);
    await page.locator('main button[name=step][value=place]').click();
    await page.waitForURL(/\/orders\/\d+$/);
  });

  await step('the order page, in French', async () => {
    pathOf(page, /^\/orders\/\d+$/);
    await assertFrench(page);
    assert.match(await page.locator('main h1').innerText(), /BB-\d{6}/);
    const main = await page.locator('main').innerText();
    assert.ok(main.includes(product.name), `${product.name} not on the order page`);
    const [line] = (await frenchPrices(page, 'main table.variants tbody td:last-child'))[0];
    assert.equal(line.minor, product.price.minor);
    const [total] = (await frenchPrices(page, 'main .price.big'))[0];
    // the delivery to Côte d'Ivoire is charged on top
    assert.ok(total.minor > line.minor, `total ${total.text} is not above the line ${line.text}`);
    await screenshot('fr/order.png');
  });

  await step('the language menu: English, and the choice is kept', async () => {
    await page.locator('header a.logo').click();
    await page.waitForURL(/\/fr\/$/);
    const menu = page.locator('header form[action="/language"]');
    const codes = await menu.locator('option').evaluateAll((os) => os.map((o) => [o.value, o.lang, o.textContent]));
    assert.deepEqual(codes.map(([v]) => v).sort(), ['ar', 'en', 'fr', 'pt', 'sw'], `languages offered: ${JSON.stringify(codes)}`);
    for (const [v, lang, name] of codes) assert.ok(v === lang && name.trim().length > 0, `option ${v} lang=${lang} "${name}"`);
    assert.equal(codes.find(([v]) => v === 'fr')[2], t('language-name'));
    await menu.locator('select[name=code]').selectOption('en');
    await menu.locator('button').click();
    await page.waitForURL(`${base}/`);
    await assertHtmlLang(page, 'en', 'ltr');
    assert.equal((await page.locator('header form.find button').innerText()).trim(), message(en, 'en', 'search-button'));
    for (const p of await page.locator('main .grid li .price').allTextContents()) assert.ok(pricesIn('en', p).length > 0, `price ${p} not English`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'en', 'no lang=en cookie');
    // The browser still asks for French, but the shopper's choice wins: no redirect to /fr/.
    // (The category's English address is its own: the French one is /fr/c/telephones-et-tablettes.)
    const res = await page.goto(`${base}${ENGLISH_CATEGORY}`);
    assert.equal(res.request().redirectedFrom(), null, `redirected to ${page.url()}`);
    assert.equal(new URL(page.url()).pathname, ENGLISH_CATEGORY);
    await assertHtmlLang(page, 'en', 'ltr');
    // the cart (a page without a prefix when English) is English too
    await page.goto(`${base}/cart`);
    await assertHtmlLang(page, 'en', 'ltr');
  });

  await step('the language menu: back to French, and kept', async () => {
    await page.goto(`${base}${ENGLISH_CATEGORY}`);
    const menu = page.locator('header form[action="/language"]');
    await menu.locator('select[name=code]').selectOption('fr');
    await menu.locator('button').click();
    await page.waitForURL(`${base}${category}`); // the same page, in French
    await assertFrench(page);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'fr', 'no lang=fr cookie');
    // an unprefixed link (a bookmark) comes back to the French pages
    await page.goto(`${base}/`);
    assert.equal(new URL(page.url()).pathname, '/fr/');
    await assertFrench(page);
  });
});
