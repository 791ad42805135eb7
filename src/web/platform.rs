//! The few things the app asks of the browser directly: randomness for idempotency keys, today's date and
//! the browser's own formatting (Intl) of the receipt's time in Finland's time zone.

use chrono::{DateTime, Datelike, NaiveDate, Utc};
use tyokyky_engine::document::Language;
use uuid::Uuid;
use wasm_bindgen::JsValue;

/// A new random (version 4) UUID from the browser's cryptographic random source.
pub fn new_key() -> Uuid {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|window| window.crypto().ok())
        .and_then(|crypto| crypto.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (very old browser): still unique enough for an idempotency key, which is not a secret.
        for (index, byte) in bytes.iter_mut().enumerate() {
            *byte = (js_sys::Math::random() * 256.0) as u8
                ^ (js_sys::Date::now() as u64 >> (index % 8 * 8)) as u8;
        }
    }
    uuid::Builder::from_random_bytes(bytes).into_uuid()
}

/// `time` as a long date and a short time in Finland's time zone, in the conventions of `language`.
pub fn format_date_time(language: Language, time: DateTime<Utc>) -> String {
    let date = js_sys::Date::new(&JsValue::from_f64(time.timestamp_millis() as f64));
    let options = js_sys::Object::new();
    for (key, value) in [
        ("dateStyle", "long"),
        ("timeStyle", "short"),
        ("timeZone", "Europe/Helsinki"),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let locale = crate::state::i18n::Locale::from(language).info().intl;
    date.to_locale_string(locale, &options).into()
}

/// A date with its weekday, written as `language`'s folder says (`weekdays`, `date` in its
/// `language.toml`: "ke 15.4.2026", "ons 15.4.2026", "Wed, 15/04/2026"). Formatted here rather than by
/// `Date.toLocaleDateString`, whose first call sets up the browser's locale data: 60–250 ms at 4× CPU
/// throttling, on the worker screens' first render (measured; BENCHMARKS.md).
pub fn format_date(language: Language, date: NaiveDate) -> String {
    let info = crate::state::i18n::Locale::from(language).info();
    let weekday = date.weekday().num_days_from_monday() as usize;
    let (day, month) = (date.day(), date.month());
    let mut out = String::new();
    let mut rest = info.date;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let close = after.find('}').unwrap_or(after.len());
        match &after[..close] {
            "weekday" => out.push_str(info.weekdays[weekday]),
            "day" => out.push_str(&day.to_string()),
            "day2" => out.push_str(&format!("{day:02}")),
            "month" => out.push_str(&month.to_string()),
            "month2" => out.push_str(&format!("{month:02}")),
            "year" => out.push_str(&date.year().to_string()),
            _ => {}
        }
        rest = after.get(close + 1..).unwrap_or_default();
    }
    out.push_str(rest);
    out
}

/// The date of a JavaScript `Date` where the browser is.
fn local_date_of(date: &js_sys::Date) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(date.get_full_year() as i32, date.get_month() + 1, date.get_date())
}

/// Today's date where the browser is.
pub fn today() -> NaiveDate {
    local_date_of(&js_sys::Date::new_0()).unwrap_or_default()
}

/// The date of `time` where the browser is (a receipt's time is UTC; the day a person contacted the county
/// is their local day).
pub fn local_date(time: DateTime<Utc>) -> NaiveDate {
    let date = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(time.timestamp_millis() as f64));
    local_date_of(&date).unwrap_or_else(|| time.date_naive())
}

/// The worker bundle's own page (`worker.html`, beside the public one), opened in place of this page at
/// the same route: the public bundle has no worker flow.
pub fn open_worker_page() {
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let hash = location.hash().unwrap_or_default();
        let _ = location.replace(&format!("worker.html{hash}"));
    }
}

/// Text as a person typed or pasted it, for the app's state: without the NUL character, which no
/// backend may be sent (the inbox refuses a document that has one) and which nobody means to write.
pub fn typed(text: String) -> String {
    if text.contains('\0') {
        text.replace('\0', "")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The same text as Intl's `toLocaleDateString` with a short weekday for fi-FI, sv-FI and en-GB.
    #[test]
    fn dates_read_as_in_each_language() {
        let date = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
        assert_eq!(format_date(Language::FI, date(2026, 4, 15)), "ke 15.4.2026");
        assert_eq!(format_date(Language::SV, date(2026, 5, 2)), "lör 2.5.2026");
        assert_eq!(format_date(Language::EN, date(2026, 4, 5)), "Sun, 05/04/2026");
        assert_eq!(format_date(Language::FI, date(2026, 4, 2)), "to 2.4.2026");
        assert_eq!(format_date(Language::SV, date(2026, 4, 9)), "tors 9.4.2026");
        assert_eq!(format_date(Language::EN, date(2026, 11, 23)), "Mon, 23/11/2026");
    }
}
