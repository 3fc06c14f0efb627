//! Prints what `baobab-locale` makes of a few amounts, a count and a date for the locales
//! given on the command line: `cargo run -p baobab-locale --example show -- fr ar-MA sw-KE`.
use baobab_domain::Currency;

fn main() {
    let at = chrono::DateTime::from_timestamp(1_795_780_800, 0).unwrap_or_default();
    for tag in std::env::args().skip(1) {
        for currency in Currency::all() {
            for amount in [4_640_000i64, -4_640_000] {
                println!("{tag}\t{currency}\t{amount}\t{:?}", baobab_locale::format_money(amount, currency, &tag));
            }
        }
        println!("{tag}\tcount\t{:?}", baobab_locale::format_count(1_234_567, &tag));
        println!("{tag}\tdate\t{:?}", baobab_locale::format_date(at, &tag));
    }
}
