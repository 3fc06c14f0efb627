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
        errors.push(format!("country: we do not deliver to {} for payment in {currency}", form.country));
    }
    if !offered.iter().any(|(_, q)| q.method_id == form.shipping_method) {
        form.shipping_method = offered.first().map(|(_, q)| q.method_id.clone()).unwrap_or_default();
    }
    let mut quote = None;
    if let Some((zone, q)) = offered.iter().find(|(_, q)| q.method_id == form.shipping_method) {
        if covers(zone, &form.country, &form.region, &form.city) || form.city.trim().is_empty() {
            quote = Some(q.clone());
        } else {
            errors.push(format!("shipping_method: {} is only for {}; choose another delivery option", q.name, zone.regions.join(", ")));
        }
    }
    // Coupon: checked now for the summary, and again when the order is placed.
    let mut coupon = None;
    let mut coupon_note = String::new();
    let code = form.coupon.trim().to_string();
    let mut coupon_found = None;
    if !code.is_empty() {
        match Coupon::normalize_code(&code) {
            Err(e) => errors.push(e.to_string()),
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
                    (Some(w), _) => errors.push(format!("coupon: too many codes were tried. Try again in {} min", (w + 59) / 60)),
                    (None, Some(found)) => {
                        coupon_note = format!("{code} applied");
                        coupon = Some(code);
                        coupon_found = Some(found);
                    }
                    // One answer for every code that cannot be used: unknown, used up, expired,
                    // another currency or a larger order. Codes cannot be told apart by guessing.
                    (None, None) => {
                        for k in &keys {
                            state.store.hit(k, COUPON_FAILURES.1, Utc::now()).await?;
                        }
                        errors.push(format!("coupon: {code} cannot be used for this order"));
                    }
                }
            }
        }
    }
    let methods = payment_methods(state, currency);
    if !methods.iter().any(|(m, _)| m.as_str() == form.payment_method) {
        if !form.payment_method.is_empty() {
            errors
                .push(format!("payment_method: choose one of {}", methods.iter().map(|(m, _)| m.as_str()).collect::<Vec<_>>().join(", ")));
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
            label: q.name.clone(),
            detail: {
                let price = if q.price_minor == 0 { "free".to_string() } else { money(q.price_minor) };
                let free = q.free_over_minor.map(|f| format!(", free over {}", money(f))).unwrap_or_default();
                let only = if zone.regions.is_empty() || zone.countries.iter().any(|c| c == "*") {
                    String::new()
                } else {
                    format!(" · {} only", zone.name)
                };
                format!("{price}{free}{only}")
            },
            checked: q.method_id == form.shipping_method,
        })
        .collect();
    let payments = methods
        .iter()
        .map(|(m, detail)| Choice {
            value: m.to_string(),
            label: m.label().to_string(),
            detail: detail.clone(),
            checked: m.as_str() == form.payment_method,
        })
        .collect();
    let tax_note = if rule.rate_bp == 0 {
        String::new()
    } else {
        format!("VAT {}%{}", rule.rate_bp as f64 / 100.0, if rule.prices_include_tax { " included" } else { "" })
    };
    let cats = state.categories().await?;
    let mut page = Chrome::new(state, currency, &cats, "/checkout", "Checkout");
    page.noindex = true;
    page.description = "Checkout".into();
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
