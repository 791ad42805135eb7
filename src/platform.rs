//! The few things the app asks of the browser directly: randomness for idempotency keys and the
//! browser's own date formatting (Intl), which costs nothing in the bundle.

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
    let locale = match language {
        Language::Fi => "fi-FI",
        Language::Sv => "sv-FI",
        Language::En => "en-GB",
    };
    date.to_locale_string(locale, &options).into()
}

/// A date with its weekday, in the conventions of `language` ("ke 15.4.2026", "Wed 15/04/2026").
pub fn format_date(language: Language, date: NaiveDate) -> String {
    let js_date =
        js_sys::Date::new_with_year_month_day(date.year() as u32, date.month0() as i32, date.day() as i32);
    let options = js_sys::Object::new();
    for (key, value) in [
        ("weekday", "short"),
        ("day", "numeric"),
        ("month", "numeric"),
        ("year", "numeric"),
    ] {
        let _ = js_sys::Reflect::set(&options, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let locale = match language {
        Language::Fi => "fi-FI",
        Language::Sv => "sv-FI",
        Language::En => "en-GB",
    };
    js_date.to_locale_date_string(locale, &options).into()
}

/// Today's date where the browser is.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
        .unwrap_or_default()
}
