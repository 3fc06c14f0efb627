// A customer in Lagos pays by card: checkout sends the browser to Paystack's hosted page (here
// the local fake Paystack started by e2e/run, on another port: the checkout page's
// Content-Security-Policy must let the form's redirect go there), the customer pays, Paystack
// sends them back, the shop asks Paystack and shows the order as paid.

import assert from 'node:assert/strict';
import { journey } from '../lib.mjs';

await journey('guest pays with Paystack', { javaScriptEnabled: false }, async (t) => {
  const { base, page, step } = t;
  let orderUrl = '';

  await step('add a product and go to checkout', async () => {
    await page.goto(`${base}/`);
    await page.locator('header nav').getByRole('link', { name: 'Solar & Power', exact: true }).click();
    const card = page.locator('main .grid li').filter({ hasNot: page.locator('.out') }).first();
    await card.locator('a').first().click();
    await page.getByRole('button', { name: 'Add to cart' }).first().click();
    await page.waitForURL(/\/cart$/);
    await page.getByRole('link', { name: 'Checkout' }).click();
    await page.waitForURL(/\/checkout$/);
  });

  await step('place the order with Paystack: the browser lands on Paystack\'s page', async () => {
    await page.fill('input[name=email]', 'ada@example.com');
    await page.fill('input[name=name]', 'Ada Obi');
    await page.fill('input[name=line1]', '3 Awolowo Road');
    await page.fill('input[name=city]', 'Ikeja');
    await page.fill('input[name=phone]', '+234 803 123 4567');
    await page.check('input[name=shipping_method][value=lagos-express]');
    await page.check('input[name=payment_method][value=paystack]');
    await page.getByRole('button', { name: 'Place order' }).click();
    await page.waitForURL((u) => !u.toString().startsWith(base) && u.pathname.startsWith('/checkout/'));
    assert.match(await page.locator('body').innerText(), /Pay NGN \d+ for BB-\d{6}-/);
  });

  await step('pay: back at the shop, the order is paid', async () => {
    await page.getByRole('button', { name: 'Pay', exact: true }).click();
    await page.waitForURL(/\/orders\/\d+$/);
    orderUrl = page.url();
    assert.ok(orderUrl.startsWith(base), `back at the shop: ${orderUrl}`);
    const main = await page.locator('main').innerText();
    assert.match(main, /Your payment was received/);
    assert.match(main, /Status: paid/);
  });
});
