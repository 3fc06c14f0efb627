// A guest on a phone with JavaScript off adds two products to the cart, checks out with cash
// on delivery, and sees the confirmation.

import assert from 'node:assert/strict';
import { journey, minorUnits } from '../lib.mjs';

await journey('guest checkout with cash on delivery', { javaScriptEnabled: false }, async (t) => {
  const { base, page, step } = t;
  const picked = [];

  for (const category of ['Solar & Power', 'Beauty & Personal care']) {
    await step(`add a product from "${category}"`, async () => {
      await page.goto(`${base}/`);
      await page.locator('header nav').getByRole('link', { name: category, exact: true }).click();
      // the first product card that is in stock
      const card = page.locator('main .grid li').filter({ hasNot: page.locator('.out') }).first();
      const name = (await card.locator('b').innerText()).trim();
      await card.locator('a').first().click();
      await page.getByRole('button', { name: 'Add to cart' }).first().click();
      await page.waitForURL(/\/cart$/);
      assert.ok((await page.locator('main').innerText()).includes(name), `${name} in the cart`);
      picked.push(name);
    });
  }

  await step('the cart totals both lines', async () => {
    const rows = page.locator('main table.variants tbody tr');
    assert.equal(await rows.count(), 2);
    const totals = await rows.locator('td:nth-child(4)').allInnerTexts();
    const sum = totals.reduce((a, x) => a + minorUnits(x), 0);
    const subtotal = (await page.locator('main .price.big').innerText()).replace('Subtotal ', '');
    assert.equal(minorUnits(subtotal), sum);
  });

  await step('check out with cash on delivery', async () => {
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout$/);
    // another country than the shop's: its delivery options come with the next page
    await page.fill('input[name=country]', 'ZA');
    await page.getByRole('button', { name: 'Update delivery options' }).click();
    assert.match(await page.locator('main').innerText(), /Courier \(2–4 days\)/);
    await page.fill('input[name=email]', 'guest@example.com');
    await page.fill('input[name=name]', 'Zanele Dlamini');
    await page.fill('input[name=line1]', '14 Vilakazi Street, near the museum');
    await page.fill('input[name=city]', 'Soweto');
    await page.fill('input[name=country]', 'ZA');
    await page.fill('input[name=phone]', '+27 82 555 0199');
    await page.check('input[name=shipping_method][value=za-courier]');
    await page.check('input[name=payment_method][value=cash_on_delivery]');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL(/\/orders\/\d+$/);
  });

  await step('the confirmation shows the order', async () => {
    const main = await page.locator('main').innerText();
    assert.match(main, /Order BB-\d{6}/);
    assert.match(main, /in cash when your order is delivered/);
    for (const name of picked) assert.ok(main.includes(name), `${name} on the confirmation`);
    await page.goto(`${base}/cart`);
    assert.match(await page.locator('main').innerText(), /Your cart is empty/);
  });
});
