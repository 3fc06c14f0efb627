// A shopper in Cairo chooses Arabic in the language menu, browses a category and a product,
// checks out with cash on delivery and sees the order, on a phone (412×900); then the same pages
// on a desktop screen (1280×800). Every page must read right to left: <html dir="rtl">, the
// header mirrored (the shop's name at the right, the category menu running leftwards), text
// against the right edge, the product grid filled from the right, nothing wider than the screen,
// and prices in Latin digits as the app writes them in Arabic (`‏46,400.00 ₦`).
//
// The layout is checked by element geometry (bounding boxes in CSS pixels); screenshots of each
// page go to e2e/artifacts/ar/ for a person to look at.

import assert from 'node:assert/strict';
import { DESKTOP, assertHtmlLang, journey, message, messages, pricesIn, texts } from '../lib.mjs';

const ar = await messages('ar');
const t = (key, args) => message(ar, 'ar', key, args);
// Half a pixel either way: boxes are fractional, and text may end a subpixel inside its box.
const SLACK = 1;

/** The page is in Arabic: `<html lang="ar" dir="rtl">`, Arabic header and footer. */
async function assertArabic(page) {
  await assertHtmlLang(page, 'ar', 'rtl');
  assert.equal((await page.locator('header form.find button').innerText()).trim(), t('search-button'));
  assert.equal(await page.locator('header form[action="/language"] select').inputValue(), 'ar', 'language menu');
  const footer = await page.locator('footer').innerText();
  assert.ok(footer.includes(t('footer-prices', { currency: 'NGN' })), `footer not Arabic: ${footer}`);
  // Latin digits, as the app formats numbers in Arabic: no Arabic-Indic or Persian digits
  const body = await page.locator('body').innerText();
  const other = /[\u0660-\u0669\u06f0-\u06f9]/.exec(body);
  assert.equal(other, null, `digit ${other} on ${page.url()}: the app writes Latin digits in Arabic`);
}

/** The naira prices of every element matched, each written as Arabic writes them. */
async function arabicPrices(page, selector) {
  const all = await page.locator(selector).allTextContents();
  assert.ok(all.length > 0, `no prices at ${selector}`);
  return all.map((text) => {
    const found = pricesIn('ar', text);
    assert.ok(found.length > 0, `no Arabic price in ${JSON.stringify(text)} at ${selector} on ${(page.page?.() ?? page).url()}`);
    return found;
  });
}

/** The path of the page: `/ar/…`, or `unprefixed` for a page without a language prefix. */
function pathOf(page, unprefixed = null) {
  const { pathname } = new URL(page.url());
  if (pathname.startsWith('/ar/') || (unprefixed && unprefixed.test(pathname))) return pathname;
  throw new Error(`left the Arabic pages: ${page.url()}`);
}

/**
 * Geometry of the page, measured in the browser: the header's parts, the category menu's
 * links, `main`'s content box, the box of the first line of text of `main h1` (a Range over its
 * text, which is what a reader sees, not the block's full width), the product cards, and every
 * element that sticks out of the screen sideways (outside scrolling boxes such as the menu).
 */
async function measure(page) {
  // The screen's width, not window.innerWidth: a phone browser zooms a page wider than the
  // screen out until it fits, and innerWidth grows with it.
  const screenWidth = page.viewportSize().width;
  return page.evaluate((width) => {
    const box = (el) => {
      if (!el) return null;
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, width: r.width };
    };
    const contentBox = (el) => {
      const b = box(el);
      const cs = getComputedStyle(el);
      return { ...b, left: b.left + parseFloat(cs.paddingLeft), right: b.right - parseFloat(cs.paddingRight) };
    };
    const firstLine = (el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      if (!rects.length) return null;
      const top = Math.min(...rects.map((r) => r.top));
      const line = rects.filter((r) => Math.abs(r.top - top) < 2);
      return { left: Math.min(...line.map((r) => r.left)), right: Math.max(...line.map((r) => r.right)), lines: new Set(rects.map((r) => Math.round(r.top))).size };
    };
    const header = document.querySelector('header');
    const main = document.querySelector('main');
    const h1 = document.querySelector('main h1');
    const sticking = [];
    const walk = (el) => {
      const cs = getComputedStyle(el);
      if (cs.display === 'none') return;
      const b = el.getBoundingClientRect();
      if (b.width > 0 && (b.left < -0.5 || b.right > width + 0.5)) {
        sticking.push(`${el.tagName.toLowerCase()}${el.className ? '.' + el.className : ''} [${Math.round(b.left)}, ${Math.round(b.right)}]`);
      }
      if (['auto', 'scroll', 'hidden', 'clip'].includes(cs.overflowX)) return; // scrolls or clips its own content
      for (const c of el.children) walk(c);
    };
    walk(document.body);
    return {
      width,
      innerWidth: window.innerWidth,
      scrollWidth: document.documentElement.scrollWidth,
      direction: getComputedStyle(document.body).direction,
      header: contentBox(header),
      logo: box(document.querySelector('header .logo')),
      find: box(document.querySelector('header form.find')),
      nav: contentBox(document.querySelector('header nav')),
      navLinks: [...document.querySelectorAll('header nav a')].map(box),
      main: contentBox(main),
      h1: h1 && { block: box(h1), text: firstLine(h1), align: getComputedStyle(h1).textAlign },
      grid: box(document.querySelector('main .grid')),
      cards: [...document.querySelectorAll('main .grid > li')].slice(0, 4).map(box),
      crumbs: [...document.querySelectorAll('main .crumbs li')].map(box),
      section: box(document.querySelector('main > section')),
      sticking,
    };
  }, screenWidth);
}

const px = (x) => Math.round(x * 10) / 10;

/**
 * The page is laid out right to left, on whatever screen it is on. `what` names the page in
 * messages. Returns the measurements, for checks particular to a page.
 */
async function assertRightToLeft(page, what) {
  const g = await measure(page);
  const at = `${what} at ${g.width} px`;
  assert.equal(g.direction, 'rtl', `${at}: body direction is ${g.direction}`);
  // Nothing overflows sideways: the page does not scroll, and no element pokes out.
  assert.ok(g.innerWidth === g.width && g.scrollWidth <= g.width, `${at}: the page is ${Math.max(g.innerWidth, g.scrollWidth)} px wide`);
  assert.deepEqual(g.sticking, [], `${at}: elements outside the screen`);

  // The header is mirrored: the shop's name against the right edge, the search to its left
  // when they share a line.
  assert.ok(Math.abs(g.logo.right - g.header.right) <= SLACK, `${at}: the shop's name ends at ${px(g.logo.right)}, the header at ${px(g.header.right)}`);
  if (g.find.top < g.logo.bottom && g.find.bottom > g.logo.top) {
    assert.ok(g.find.right <= g.logo.left + SLACK, `${at}: the search (right ${px(g.find.right)}) is not left of the shop's name (left ${px(g.logo.left)})`);
  }
  // The category menu runs from the right: the first link at the right edge, each next one to
  // the left of the one before.
  assert.ok(g.navLinks.length >= 3, `${at}: ${g.navLinks.length} links in the category menu`);
  assert.ok(Math.abs(g.navLinks[0].right - g.nav.right) <= SLACK, `${at}: the first category link ends at ${px(g.navLinks[0].right)}, the menu at ${px(g.nav.right)}`);
  for (let i = 1; i < g.navLinks.length; i++) {
    assert.ok(g.navLinks[i].right <= g.navLinks[i - 1].left + SLACK, `${at}: category link ${i + 1} (right ${px(g.navLinks[i].right)}) is not left of link ${i} (left ${px(g.navLinks[i - 1].left)})`);
  }

  // Text starts at the right: the heading's first line ends at main's right edge (inside its
  // block, if the page puts it in a narrower section), and what is left over is on the left.
  assert.ok(g.h1 && g.h1.text, `${at}: no heading text`);
  const edge = g.section ? g.section.right : g.main.right;
  assert.ok(Math.abs(g.h1.text.right - edge) <= SLACK, `${at}: the heading's text ends at ${px(g.h1.text.right)}, the column at ${px(edge)} (text-align ${g.h1.align})`);
  if (g.h1.text.lines === 1) {
    assert.ok(g.h1.text.left - g.main.left > edge - g.h1.text.right, `${at}: the heading's text is not against the right edge`);
  }
  // A narrow section (cart, checkout, order) sits against the right edge of the page.
  if (g.section) assert.ok(Math.abs(g.section.right - g.main.right) <= SLACK, `${at}: the section ends at ${px(g.section.right)}, main at ${px(g.main.right)}`);

  // Breadcrumbs read from the right: "home" at the right edge, each next one to the left of the
  // one before, or on the next line from the right edge again.
  if (g.crumbs.length) assert.ok(Math.abs(g.crumbs[0].right - g.main.right) <= SLACK, `${at}: the first breadcrumb is not at the right`);
  for (let i = 1; i < g.crumbs.length; i++) {
    const [prev, cur] = [g.crumbs[i - 1], g.crumbs[i]];
    if (Math.abs(cur.top - prev.top) <= SLACK) {
      assert.ok(cur.right <= prev.left + SLACK, `${at}: breadcrumb ${i + 1} (right ${px(cur.right)}) is not left of breadcrumb ${i} (left ${px(prev.left)})`);
    } else {
      assert.ok(cur.top >= prev.bottom - SLACK && Math.abs(cur.right - g.main.right) <= SLACK, `${at}: breadcrumb ${i + 1} wraps but does not start at the right`);
    }
  }

  // The product grid fills from the right: the first card at the grid's right edge, the second
  // to its left when they share a row.
  if (g.cards.length) {
    assert.ok(Math.abs(g.cards[0].right - g.grid.right) <= SLACK, `${at}: the first card ends at ${px(g.cards[0].right)}, the grid at ${px(g.grid.right)}`);
    if (g.cards.length > 1 && Math.abs(g.cards[1].top - g.cards[0].top) <= SLACK) {
      assert.ok(g.cards[1].right <= g.cards[0].left + SLACK, `${at}: the second card (right ${px(g.cards[1].right)}) is not left of the first (left ${px(g.cards[0].left)})`);
    }
  }
  return g;
}

const PHONE_412 = { viewport: { width: 412, height: 900 }, screen: { width: 412, height: 900 } };

await journey('Arabic shopper checks out, right to left', { javaScriptEnabled: false, ...PHONE_412 }, async ({ base, page, step, screenshot, newContext, usePage }) => {
  let product; // { name, price, path }
  let category; // the category page's path

  await step('choose العربية in the language menu: the Arabic home page', async () => {
    const res = await page.goto(`${base}/`);
    assert.equal(res.status(), 200);
    await assertHtmlLang(page, 'en', 'ltr'); // the browser asks for English
    const menu = page.locator('header form[action="/language"]');
    assert.equal((await menu.locator('option[value=ar]').textContent()).trim(), t('language-name'));
    await menu.locator('select[name=code]').selectOption('ar');
    await menu.locator('button').click();
    await page.waitForURL(`${base}/ar/`);
    const cookie = (await page.context().cookies()).find((c) => c.name === 'lang');
    assert.equal(cookie?.value, 'ar', 'no lang=ar cookie');
    await assertArabic(page);
    assert.equal((await page.locator('main h2').first().innerText()).trim(), t('home-new'));
    await arabicPrices(page, 'main .grid li .price');
    await assertRightToLeft(page, 'home');
    await screenshot('ar/home.png');
  });

  await step('a category, sorted by price, right to left', async () => {
    const link = page.locator('header nav a[href="/ar/c/phones-tablets"]');
    assert.equal(await link.count(), 1, 'no link to /ar/c/phones-tablets in the category menu');
    await link.click();
    await page.waitForURL(/\/ar\/c\/phones-tablets$/);
    category = pathOf(page);
    await assertArabic(page);
    const count = (await page.locator('main .bar > span').innerText()).trim();
    const n = Number(/\d+/.exec(count)?.[0]);
    assert.ok(n >= 2, `product count "${count}"`);
    assert.equal(count, t('product-count', { count: n }), 'the count with its Arabic plural form');
    const sort = page.locator('main .sorts a[href*="sort=price_asc"]');
    assert.equal((await sort.innerText()).trim(), t('sort-price-asc'));
    await sort.click();
    await page.waitForURL(/\/ar\/c\/phones-tablets\?sort=price_asc$/);
    const prices = (await arabicPrices(page, 'main .grid li .price')).map((p) => p[0].minor);
    assert.deepEqual(prices, [...prices].sort((a, b) => a - b), `not ascending: ${prices}`);
    const g = await assertRightToLeft(page, 'category');
    // the count at the right of its bar, the sort links to its left
    const [countBox, sortsBox] = await Promise.all([page.locator('main .bar > span').boundingBox(), page.locator('main .bar .sorts').boundingBox()]);
    if (Math.abs(countBox.y - sortsBox.y) < countBox.height) {
      assert.ok(sortsBox.x + sortsBox.width <= countBox.x + SLACK, 'the sort links are not left of the count');
    }
    assert.ok(Math.abs(countBox.x + countBox.width - g.main.right) <= SLACK, 'the count is not at the right');
    await screenshot('ar/category.png');
    const card = page.locator('main .grid li').filter({ hasNot: page.locator('.out') }).first();
    product = { name: (await card.locator('a b').innerText()).trim(), price: (await arabicPrices(card, '.price'))[0][0] };
  });

  await step('the product page, right to left', async () => {
    await page.locator('main .grid li a').filter({ hasText: product.name }).first().click();
    await page.waitForURL(/\/ar\/p\/[a-z0-9-]+$/);
    product.path = pathOf(page);
    await assertArabic(page);
    assert.equal((await page.locator('main h1').innerText()).trim(), product.name);
    const [big] = (await arabicPrices(page, 'main .price.big'))[0];
    assert.equal(big.minor, product.price.minor, `${big.text} on the page, ${product.price.text} in the list`);
    for (const b of await texts(page, 'main form[action="/ar/cart/add"] button')) assert.equal(b, t('cart-add'));
    assert.equal((await page.locator('main .crumbs a').first().innerText()).trim(), t('crumb-home'));
    const g = await assertRightToLeft(page, 'product');
    // the price and the button start at the right, like the text
    const price = await page.locator('main .price.big').evaluate((el) => {
      const r = document.createRange();
      r.selectNodeContents(el);
      return r.getBoundingClientRect().right;
    });
    assert.ok(Math.abs(price - g.main.right) <= SLACK, `the price ends at ${px(price)}, main at ${px(g.main.right)}`);
    const button = await page.locator('main form[action="/ar/cart/add"] button').first().boundingBox();
    assert.ok(button, 'no add-to-cart button');
    // in the variants table the button sits in the price cell, the last column: at the left
    const cell = await page.locator('main form[action="/ar/cart/add"]').first().evaluate((f) => {
      const c = f.closest('td') ?? f.parentElement;
      const r = c.getBoundingClientRect();
      const cs = getComputedStyle(c);
      return r.right - parseFloat(cs.paddingRight);
    });
    assert.ok(Math.abs(button.x + button.width - cell) <= SLACK, `the add-to-cart button ends at ${px(button.x + button.width)}, its cell at ${px(cell)}`);
    if ((await page.locator('main table.variants').count()) > 0) {
      const cols = await page.locator('main table.variants thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left));
      for (let i = 1; i < cols.length; i++) assert.ok(cols[i] < cols[i - 1], 'the table\'s columns do not run right to left');
    }
    await screenshot('ar/product.png');
  });

  await step('add to the cart: the Arabic cart, right to left', async () => {
    await page.locator('main form[action="/ar/cart/add"] button').first().click();
    await page.waitForURL(/\/ar\/cart$/);
    await assertArabic(page);
    assert.ok((await page.locator('main').innerText()).includes(product.name), `${product.name} not in the cart`);
    const [price, total] = (await arabicPrices(page, 'main table.variants tbody td:nth-child(n+3)')).map((p) => p[0]);
    assert.equal(total.minor, price.minor);
    assert.equal(price.minor, product.price.minor);
    const [subtotal] = (await arabicPrices(page, 'main .price.big'))[0];
    assert.equal(subtotal.minor, total.minor);
    await assertRightToLeft(page, 'cart');
    // the table's first column (the item) is the rightmost
    const cols = await page.locator('main table.variants thead th').evaluateAll((ths) => ths.map((th) => th.getBoundingClientRect().left));
    for (let i = 1; i < cols.length; i++) assert.ok(cols[i] < cols[i - 1], 'the cart\'s columns do not run right to left');
    await screenshot('ar/cart.png');
  });

  await step('checkout right to left, cash on delivery to Cairo', async () => {
    await page.locator('main a[href$="/checkout"]').click();
    await page.waitForURL(/\/checkout$/);
    pathOf(page, /^\/checkout$/);
    await assertArabic(page);
    await page.fill('input[name=country]', 'EG');
    await page.locator('main button[name=step][value=review]').first().click();
    await page.waitForURL(/\/checkout$/);
    await assertArabic(page);
    const courier = page.locator('input[name=shipping_method][value=intl-courier]');
    assert.equal(await courier.count(), 1, 'no international courier offered for EG');
    await page.fill('input[name=email]', 'mona.hassan@example.com');
    await page.fill('input[name=name]', 'منى حسن');
    await page.fill('input[name=line1]', '12 شارع التحرير، الدقي');
    await page.fill('input[name=city]', 'القاهرة');
    await page.fill('input[name=country]', 'EG');
    await page.fill('input[name=phone]', '+20 100 123 4567');
    await courier.check();
    await page.check('input[name=payment_method][value=cash_on_delivery]');
    // A phone number and an e-mail address read left to right in the right-to-left form: in an
    // rtl field "+20 100 123 4567" shows as "4567 123 100 20+".
    for (const name of ['phone', 'email']) {
      const dir = await page.locator(`main input[name=${name}]`).evaluate((i) => getComputedStyle(i).direction);
      assert.equal(dir, 'ltr', `the ${name} field is ${dir}: it needs dir="ltr" in an Arabic page`);
    }
    const [line] = (await arabicPrices(page, 'main table.variants tbody td:last-child'))[0];
    assert.equal(line.minor, product.price.minor);
    const [total] = (await arabicPrices(page, 'main .price.big'))[0];
    assert.ok(total.minor >= line.minor);
    await assertRightToLeft(page, 'checkout');
    // the fields fill the form's width and a radio button is at the right of its label's text
    const input = await page.locator('input[name=city]').boundingBox();
    const form = await page.locator('main section fieldset').first().evaluate((f) => {
      const r = f.getBoundingClientRect();
      const cs = getComputedStyle(f);
      return { left: r.left + parseFloat(cs.paddingLeft) + parseFloat(cs.borderLeftWidth), right: r.right - parseFloat(cs.paddingRight) - parseFloat(cs.borderRightWidth) };
    });
    assert.ok(Math.abs(input.x + input.width - form.right) <= SLACK, `the city field ends at ${px(input.x + input.width)}, its fieldset at ${px(form.right)}`);
    const radio = await page.locator('input[name=payment_method][value=cash_on_delivery]').evaluate((r) => {
      const label = r.closest('label');
      const range = document.createRange();
      range.selectNodeContents(label);
      range.setStartAfter(r);
      return { radio: r.getBoundingClientRect().left, text: range.getBoundingClientRect().right };
    });
    assert.ok(radio.radio >= radio.text - SLACK, `the payment radio (left ${px(radio.radio)}) is not right of its text (right ${px(radio.text)})`);
    await screenshot('ar/checkout.png');
    await page.locator('main button[name=step][value=place]').click();
    await page.waitForURL(/\/orders\/\d+$/);
  });

  await step('the order page, right to left', async () => {
    pathOf(page, /^\/orders\/\d+$/);
    await assertArabic(page);
    assert.match(await page.locator('main h1').innerText(), /BB-\d{6}/);
    assert.ok((await page.locator('main').innerText()).includes(product.name), `${product.name} not on the order page`);
    const [line] = (await arabicPrices(page, 'main table.variants tbody td:last-child'))[0];
    assert.equal(line.minor, product.price.minor);
    const [total] = (await arabicPrices(page, 'main .price.big'))[0];
    assert.ok(total.minor > line.minor, `total ${total.text} is not above the line ${line.text} (delivery to Egypt)`);
    await assertRightToLeft(page, 'order');
    await screenshot('ar/order.png');
  });

  await step('on a desktop screen: home, category, product, cart and checkout, right to left', async () => {
    const desktop = await newContext({ ...DESKTOP, locale: 'ar-EG' });
    const p = desktop.pages()[0] ?? (await desktop.newPage());
    usePage(p);
    // Accept-Language ar-EG: the unprefixed home page goes to the Arabic one
    await p.goto(`${base}/`);
    assert.equal(new URL(p.url()).pathname, '/ar/');
    await assertArabic(p);
    const home = await assertRightToLeft(p, 'home (desktop)');
    assert.ok(home.width >= 1280 && home.main.right - home.main.left > 1000, `not a desktop layout: main is ${px(home.main.right - home.main.left)} px`);
    // several cards on the first row, filled from the right
    const row = home.cards.filter((c) => Math.abs(c.top - home.cards[0].top) <= SLACK);
    assert.ok(row.length >= 3, `${row.length} cards on the first row at 1280 px`);
    await screenshot('ar/home-desktop.png', p);
    await p.goto(`${base}${category}`);
    await assertArabic(p);
    await assertRightToLeft(p, 'category (desktop)');
    await p.goto(`${base}${product.path}`);
    await assertArabic(p);
    await assertRightToLeft(p, 'product (desktop)');
    await screenshot('ar/product-desktop.png', p);
    await p.locator('main form[action="/ar/cart/add"] button').first().click();
    await p.waitForURL(/\/ar\/cart$/);
    await assertArabic(p);
    await assertRightToLeft(p, 'cart (desktop)');
    // the checkout, without a lang cookie: Arabic from Accept-Language
    await p.locator('main a[href$="/checkout"]').click();
    await p.waitForURL(/\/checkout$/);
    await assertArabic(p);
    await assertRightToLeft(p, 'checkout (desktop)');
    await screenshot('ar/checkout-desktop.png', p);
  });
});
