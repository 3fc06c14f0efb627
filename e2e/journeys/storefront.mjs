// A shopper on a phone with JavaScript off browses the demo shop: home, a category, a sort, a
// product, a change of currency, a search with a facet, and the data saver switch.

import assert from 'node:assert/strict';
import { assertNoSidewaysScroll, journey, minorUnits, texts } from '../lib.mjs';

const NAIRA = /^₦\d{1,3}(,\d{3})*\.\d\d$/;
const SHILLING = /^KSh\u00a0\d{1,3}(,\d{3})*\.\d\d$/;
// Budget for one product page on a cold cache: HTML + CSS as transferred (compressed), headers
// included. Today it is about 3 KB; the budget leaves room to grow but catches a bloated page.
const PRODUCT_PAGE_BUDGET_BYTES = 14 * 1024;

/** "₦350,400.00 ₦420,480.00" (a sale: the old price is struck through) → ["₦350,400.00", "₦420,480.00"]. */
function nowAndWas(text) {
  const amounts = text.trim().replace(/^From /, '').match(/(₦|KSh\s)\d[\d,]*\.\d\d/g) ?? [];
  assert.equal(amounts.join(' '), text.trim().replace(/^From /, ''), `not one or two prices: ${JSON.stringify(text)}`);
  const [now, was] = amounts;
  if (was !== undefined) assert.ok(minorUnits(was) > minorUnits(now), `sale price ${now} is not below ${was}`);
  return [now, was];
}

/** Every page is plain server-rendered HTML (no <script> at all) and fits a phone's width. */
async function assertPlainPage(page) {
  assert.equal(await page.locator('script').count(), 0, `<script> found on ${page.url()}`);
  await assertNoSidewaysScroll(page);
}

await journey('storefront without JavaScript', { javaScriptEnabled: false }, async (t) => {
  const { base, page, step, screenshot } = t;
  let listing; // product names and prices of the category, newest first
  let product; // { name, price } picked from the sorted category

  await step('home page: title and category links', async () => {
    const res = await page.goto(`${base}/`);
    assert.equal(res.status(), 200);
    assert.match(await page.title(), /Baobab Market/);
    const nav = await texts(page, 'header nav a');
    assert.ok(nav.length >= 5, `expected the category menu, got ${JSON.stringify(nav)}`);
    assert.ok(nav.includes('Phones & Tablets'), `no "Phones & Tablets" in ${JSON.stringify(nav)}`);
    for (const href of await page.locator('header nav a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
      assert.match(href, /^\/c\/[a-z0-9-]+$/);
    }
    assert.ok((await page.locator('main .grid li').count()) > 0, 'no products on the home page');
    await assertPlainPage(page);
  });

  await step('category "Phones & Tablets" lists products priced in ₦', async () => {
    await page.locator('header nav').getByRole('link', { name: 'Phones & Tablets', exact: true }).click();
    await page.waitForURL(/\/c\/phones-tablets$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), 'Phones & Tablets');
    const names = await texts(page, 'main .grid li a b');
    const prices = await texts(page, 'main .grid li .price');
    assert.ok(names.length >= 2, `expected several products, got ${names.length}`);
    assert.equal(prices.length, names.length, 'every product has a price');
    for (const p of prices) for (const a of nowAndWas(p)) if (a !== undefined) assert.match(a, NAIRA);
    listing = { names, prices };
    await assertPlainPage(page);
  });

  await step('sort by price (low to high, then high to low) changes the order', async () => {
    await page.locator('main .sorts').getByRole('link', { name: 'Price: low to high' }).click();
    await page.waitForURL(/sort=price_asc/);
    assert.equal((await page.locator('main .sorts b').innerText()).trim(), 'Price: low to high');
    const ascNames = await texts(page, 'main .grid li a b');
    const asc = (await texts(page, 'main .grid li .price')).map((p) => minorUnits(nowAndWas(p)[0]));
    assert.deepEqual([...ascNames].sort(), [...listing.names].sort(), 'same products, other order');
    assert.notDeepEqual(ascNames, listing.names, 'order did not change');
    assert.deepEqual(asc, [...asc].sort((a, b) => a - b), `not ascending: ${asc}`);

    await page.locator('main .sorts').getByRole('link', { name: 'Price: high to low' }).click();
    await page.waitForURL(/sort=price_desc/);
    const desc = (await texts(page, 'main .grid li .price')).map((p) => minorUnits(nowAndWas(p)[0]));
    assert.deepEqual(desc, [...asc].sort((a, b) => b - a), `not the same prices descending: ${desc}`);
    // Open the dearest product that is in stock.
    const first = page.locator('main .grid li').filter({ hasNot: page.locator('.out') }).first();
    product = {
      name: (await first.locator('a b').innerText()).trim(),
      price: (await first.locator('.price').innerText()).trim(),
    };
  });

  await step('product page: variant table and price', async () => {
    await page.locator('main .grid').getByRole('link', { name: product.name, exact: true }).click();
    await page.waitForURL(/\/p\/[a-z0-9-]+$/);
    assert.equal((await page.locator('main h1').innerText()).trim(), product.name);
    const bigText = (await page.locator('main .price.big').innerText()).trim();
    const [big] = nowAndWas(bigText);
    assert.match(big, /₦/);
    assert.equal(minorUnits(big), minorUnits(nowAndWas(product.price)[0]), `product price ${big} vs listing ${product.price}`);
    const variantPrices = [];
    if ((await page.locator('table.variants').count()) === 0) {
      // One variant without options: no table, no variant name; its stock and button stand alone.
      assert.match((await texts(page, 'main article > p.ok, main article > p.out'))[0], /^(In stock|Out of stock|Only \d+ left)$/);
      variantPrices.push(minorUnits(big));
    } else {
      // A column per option (its values name the rows), then the price cell: price (and "was"
      // price), stock, and the button when it can be bought.
      const head = await texts(page, 'table.variants thead th');
      assert.ok(head.length >= 2 && head[head.length - 1] === 'Price', `headers ${JSON.stringify(head)}`);
      const rows = page.locator('table.variants tbody tr');
      const n = await rows.count();
      assert.ok(n >= 1, 'no variants');
      for (let i = 0; i < n; i++) {
        const values = await texts(rows.nth(i), 'th');
        assert.equal(values.length, head.length - 1, `row ${i}: ${JSON.stringify(values)}`);
        assert.ok(values.some((v) => v.length > 0 && v !== '—'), `row ${i} has no option value`);
        const [priceLine, stock, button] = (await rows.nth(i).locator('td').innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
        const [now, was] = nowAndWas(priceLine);
        assert.match(now, NAIRA);
        if (was !== undefined) assert.match(was, NAIRA);
        assert.match(stock, /^(In stock|Out of stock|Only \d+ left)$/);
        // an in-stock option can be added to the cart; an out-of-stock one cannot
        assert.equal(button ?? '', stock === 'Out of stock' ? '' : 'Add to cart', `row ${i}: ${priceLine} / ${stock} / ${button}`);
        variantPrices.push(minorUnits(now));
      }
    }
    // The headline price is the cheapest variant ("From …" when they differ).
    assert.equal(minorUnits(big), Math.min(...variantPrices));
    if (new Set(variantPrices).size > 1) assert.match(bigText, /^From /);
    // Breadcrumbs lead back to the category.
    assert.ok((await texts(page, 'main .crumbs a')).includes('Phones & Tablets'));
    await assertPlainPage(page);
    await screenshot('product.png');
  });

  await step('currency: KES from the header form shows prices in KSh', async () => {
    const productUrl = page.url();
    await page.locator('header form[action$="/currency"] select[name=code]').selectOption('KES');
    await page.locator('header form[action$="/currency"]').getByRole('button', { name: 'Set' }).click();
    await page.waitForURL(productUrl); // back on the same product page
    const big = (await page.locator('main .price.big').innerText()).trim();
    assert.match(big, /KSh/);
    for (const cell of await texts(page, 'table.variants tbody td')) {
      for (const amount of nowAndWas(cell.split('\n')[0])) if (amount !== undefined) assert.match(amount, SHILLING);
    }
    assert.ok(!(await page.locator('main').innerText()).includes('₦'), 'naira left on the page');
    assert.equal(await page.locator('header form[action$="/currency"] select').inputValue(), 'KES');
    assert.match(await page.locator('footer').innerText(), /Prices in KES/);
  });

  await step('search "shea" finds shea butter', async () => {
    await page.locator('header form.find input[name=q]').fill('shea');
    await page.locator('header form.find').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=shea/);
    assert.match(await page.locator('main h1').innerText(), /shea/);
    const names = await texts(page, 'main .grid li a b');
    assert.ok(names.some((n) => /shea butter/i.test(n)), `no shea butter in ${JSON.stringify(names)}`);
    for (const p of await texts(page, 'main .grid li .price')) assert.match(nowAndWas(p)[0], SHILLING);
    assert.equal(await page.locator('header form.find input[name=q]').inputValue(), 'shea');
    assert.equal(await page.getByRole('link', { name: 'Clear filters' }).count(), 0);
    await assertPlainPage(page);
  });

  await step('a facet narrows the results and offers "Clear filters"', async () => {
    const facet = page.locator('main aside ul.facet a').first();
    const label = (await facet.innerText()).trim();
    const count = Number(/\((\d+)\)\s*$/.exec(label)?.[1]);
    await facet.click();
    await page.waitForURL(/\/search\?.*(category|min_price|in_stock)=/);
    const clear = page.getByRole('link', { name: 'Clear filters' });
    assert.equal(await clear.count(), 1, 'no "Clear filters" link');
    assert.equal(new URL(await clear.getAttribute('href'), base).search, '?q=shea');
    const names = await texts(page, 'main .grid li a b');
    if (Number.isFinite(count)) assert.equal(names.length, count, `facet said ${label}`);
    assert.ok(names.some((n) => /shea butter/i.test(n)));
    // The chosen facet value is shown as selected (not a link any more).
    assert.ok((await texts(page, 'main aside ul.facet b')).some((b) => b === label), `facet ${label} not marked`);
  });

  await step('data saver switch in the footer', async () => {
    const before = page.url();
    const button = page.locator('footer form.ds button');
    assert.equal((await button.innerText()).trim(), 'Data saver: off');
    await button.click();
    await page.waitForURL(before);
    assert.equal((await page.locator('footer form.ds button').innerText()).trim(), 'Data saver: on');
    // It sticks on other pages.
    await page.goto(`${base}/`);
    assert.equal((await page.locator('footer form.ds button').innerText()).trim(), 'Data saver: on');
    await assertPlainPage(page);
  });

  await step('no <script> anywhere and a product page stays small on a cold cache', async () => {
    // A second browser with its own empty profile: nothing cached, no cookies.
    const cold = await t.newContext();
    const p = cold.pages()[0] ?? (await cold.newPage());
    t.usePage(p);
    const responses = [];
    p.on('response', (r) => responses.push(r));
    const res = await p.goto(`${base}/p/raw-shea-butter-250-g`);
    assert.equal(res.status(), 200);
    await p.waitForLoadState('load');
    const html = await res.text();
    assert.ok(!/<script\b/i.test(html), 'the HTML has a <script>');
    await assertPlainPage(p);
    let total = 0;
    const parts = [];
    for (const r of responses) {
      const type = r.request().resourceType();
      const sizes = await r.request().sizes();
      const bytes = sizes.responseBodySize + sizes.responseHeadersSize;
      parts.push(`${type} ${new URL(r.url()).pathname} ${bytes} B`);
      // The budget is HTML + CSS; the product's photo comes from the shop's own media path.
      if (type === 'image' && new URL(r.url()).pathname.startsWith('/media/')) continue;
      total += bytes;
      assert.ok(['document', 'stylesheet'].includes(type), `unexpected ${type}: ${r.url()}`);
    }
    assert.ok(parts.some((s) => s.startsWith('stylesheet')), `no stylesheet loaded: ${parts}`);
    console.log(`  transfer: ${parts.join(', ')}; HTML + CSS ${total} B`);
    assert.ok(total > 0 && total <= PRODUCT_PAGE_BUDGET_BYTES, `product page is ${total} B`);
  });
});
