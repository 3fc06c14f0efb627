//! The checkout summary worked out from the form and the cart: delivery for the address,
//! the coupon (throttled against guessing), payment methods, VAT and totals.

use super::*;

/// What the page shows and what placing needs, worked out from the form and the cart.
pub(super) struct Worked {
    pub(super) view: CheckoutView,
    pub(super) quote: Option<ShippingQuote>,
    pub(super) coupon: Option<String>,
    /// The address and e-mail as checked (the page lists their problems only when placing).
    pub(super) address: Result<Address, ValidationError>,
    pub(super) email: Result<String, ValidationError>,
    pub(super) lines: Vec<NewOrderLine>,
}

/// Coupon guessing: failed codes per cart (session) and per client IP in an hour. Past it,
/// no code is looked up until the window ends.
const COUPON_FAILURES: (i64, i64) = (10, 3600);

pub(super) async fn work_out(
    state: &AppState,
    c: &Current,
    ip: &str,
    currency: Currency,
    mut form: CheckoutForm,
) -> Result<Worked, PageError> {
    let who = owner(c);
    let (lines, subtotal, raw) = priced_lines(state, who.as_deref(), currency).await?;
    let mut errors = Vec::new();
    if form.idempotency_key.is_empty() {
        form.idempotency_key = crate::page::new_idempotency_key();
    }
    form.country = form.country.trim().to_ascii_uppercase();
    if form.country.is_empty() {
        form.country = state.settings.checkout.zones.iter().flat_map(|z| &z.countries).find(|c| *c != "*").cloned().unwrap_or_default();
    }
    // Delivery: the country's methods; the chosen one must cover the city or region.
    let offered = offers(&state.settings.checkout.zones, &form.country, currency);
    if offered.is_empty() {
        let args = [("country", form.country.clone().into()), ("currency", currency.code().into())];
        errors.push(problems::say(state, "country", "problem-no-delivery", &args));
    }
    if !offered.iter().any(|(_, q)| q.method_id == form.shipping_method) {
        form.shipping_method = offered.first().map(|(_, q)| q.method_id.clone()).unwrap_or_default();
    }
    let mut quote = None;
    if let Some((zone, q)) = offered.iter().find(|(_, q)| q.method_id == form.shipping_method) {
        if covers(zone, &form.country, &form.region, &form.city) || form.city.trim().is_empty() {
            quote = Some(q.clone());
        } else {
            let args = [("method", method_name(state, &q.method_id, &q.name).into()), ("regions", zone.regions.join(", ").into())];
            errors.push(problems::say(state, "shipping_method", "problem-method-region", &args));
        }
    }
    // Coupon: checked now for the summary, and again when the order is placed.
    let mut coupon = None;
    let mut coupon_note = String::new();
    let code = form.coupon.trim().to_string();
    let mut coupon_found = None;
    if !code.is_empty() {
        match Coupon::normalize_code(&code) {
            Err(e) => errors.extend(problems::lines(state, &e)),
            Ok(code) => {
                let keys: Vec<String> =
                    [Some(format!("coupon:ip:{ip}")), who.as_ref().map(|w| format!("coupon:cart:{w}"))].into_iter().flatten().collect();
                let mut wait = None;
                for k in &keys {
                    let h = state.store.hits(k, COUPON_FAILURES.1, Utc::now()).await?;
                    if h.count >= COUPON_FAILURES.0 {
                        wait = wait.max(Some(h.seconds_left));
                    }
                }
                let usable = match wait {
                    Some(_) => None,
                    None => state.store.coupon(&code).await?.filter(|found| found.refusal(currency, subtotal, Utc::now()).is_none()),
                };
                match (wait, usable) {
                    (Some(w), _) => {
                        errors.push(problems::say(state, "coupon", "problem-coupon-wait", &[("minutes", ((w + 59) / 60).into())]))
                    }
                    (None, Some(found)) => {
                        coupon_note = state.t("checkout-coupon-applied", &[("code", code.clone().into())]);
                        coupon = Some(code);
                        coupon_found = Some(found);
                    }
                    // One answer for every code that cannot be used: unknown, used up, expired,
                    // another currency or a larger order. Codes cannot be told apart by guessing.
                    (None, None) => {
                        for k in &keys {
                            state.store.hit(k, COUPON_FAILURES.1, Utc::now()).await?;
                        }
                        errors.push(problems::say(state, "coupon", "problem-coupon-refused", &[("code", code.into())]));
                    }
                }
            }
        }
    }
    let methods = payment_methods(state, currency);
    if !methods.iter().any(|(m, _)| m.as_str() == form.payment_method) {
        if !form.payment_method.is_empty() {
            let names = methods.iter().map(|(m, _)| m.as_str()).collect::<Vec<_>>().join(", ");
            errors.push(problems::say(state, "payment_method", "problem-payment-choice", &[("methods", names.into())]));
        }
        form.payment_method = methods.first().map(|(m, _)| m.to_string()).unwrap_or_default();
    }
    let rule = state.settings.checkout.tax.rule_for(&form.country);
    let t = totals(subtotal, coupon_found.as_ref(), quote.as_ref().unwrap_or(&ShippingQuote::free()), rule);
    let money = |v: i64| crate::i18n::money(v, currency);
    let shipping = offered
        .iter()
        .map(|(zone, q)| Choice {
            value: q.method_id.clone(),
            label: method_name(state, &q.method_id, &q.name),
            detail: {
                let price = if q.price_minor == 0 { state.t("shipping-free", &[]) } else { money(q.price_minor) };
                let price = match q.free_over_minor {
                    Some(f) => state.t("shipping-free-over", &[("price", price.into()), ("amount", money(f).into())]),
                    None => price,
                };
                let only = if zone.regions.is_empty() || zone.countries.iter().any(|c| c == "*") {
                    String::new()
                } else {
                    format!(" · {}", state.t("shipping-zone-only", &[("zone", zone.name.clone().into())]))
                };
                format!("{price}{only}")
            },
            checked: q.method_id == form.shipping_method,
        })
        .collect();
    let payments = methods
        .iter()
        .map(|(m, detail)| Choice {
            value: m.to_string(),
            label: payment_label(state, *m),
            detail: detail.clone(),
            checked: m.as_str() == form.payment_method,
        })
        .collect();
    let tax_note = if rule.rate_bp == 0 {
        String::new()
    } else {
        let key = if rule.prices_include_tax { "checkout-vat-included" } else { "checkout-vat" };
        state.t(key, &[("rate", percent(rule.rate_bp).into()), ("amount", money(t.tax).into())])
    };
    let cats = crate::storefront::page_categories(state).await?;
    let title = state.t("checkout-title", &[]);
    let mut page = Chrome::new(state, currency, &cats, "/checkout", &title);
    page.noindex = true;
    page.description = title;
    let email = normalize_email("email", &form.email);
    let address = Address {
        name: form.name.clone(),
        line1: form.line1.clone(),
        city: form.city.clone(),
        region: form.region.clone(),
        country: form.country.clone(),
        phone: form.phone.clone(),
        ..Default::default()
    }
    .validate();
    let view = CheckoutView {
        page,
        csrf: c.csrf().to_string(),
        form,
        lines,
        shipping,
        payments,
        coupon_note,
        subtotal: money(t.subtotal),
        discount: if t.discount > 0 { money(t.discount) } else { String::new() },
        delivery: if quote.is_some() { money(t.shipping) } else { "—".into() },
        tax: money(t.tax),
        tax_note,
        total: money(t.total),
        errors,
    };
    let lines = raw.into_iter().map(|(variant_id, quantity)| NewOrderLine { variant_id, quantity }).collect();
    Ok(Worked { view, quote, coupon, address, email, lines })
}

/// A rate in basis points as the request's language writes the number (`7.5`, `7,5`, `16`).
fn percent(bp: i64) -> String {
    let lang = crate::i18n::current().map(|l| l.code.to_string()).unwrap_or_else(|| "en".into());
    let whole = baobab_locale::format_count(bp / 100, &lang);
    let cents = bp.rem_euclid(100);
    if cents == 0 {
        return whole;
    }
    // The language's decimal separator, as CLDR writes one and a half in it.
    let sample = baobab_locale::format_money(150, Currency::USD, &lang);
    let separator = sample.split('1').nth(1).and_then(|rest| rest.chars().next()).filter(|c| !c.is_ascii_digit()).unwrap_or('.');
    let decimals = format!("{cents:02}");
    format!("{whole}{separator}{}", decimals.trim_end_matches('0'))
}
