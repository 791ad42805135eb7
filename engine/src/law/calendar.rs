//! Finnish working days (arkipäivät), public holidays and deadlines.
//!
//! Deadlines are counted as Laki säädettyjen määräaikain laskemisesta (150/1930) says:
//!
//! * **2 §**: "Jos ajanmääräyksenä on jokin määrä päiviä nimitetyn päivän jälkeen, niin tätä päivää ei
//!   lueta määräaikaan." The named day is day 0, so "the 7th arkipäivä after contact" is
//!   [`nth_working_day_after`]`(contact, 7, …)`.
//! * **3 §**: a time in months ends on the day with the same number; if that month has no such day, on
//!   its last day ([`add_months`]).
//! * **5 § 1 mom**: a due date on a pyhäpäivä, itsenäisyyspäivä, vapunpäivä, joulu- or juhannusaatto or
//!   an ordinary Saturday (arkilauantai) moves to the first arkipäivä after it ([`roll_forward`]).
//!   Whether 5 § applies to an authority's own obligations is unverified, so it is a setting
//!   ([`CalendarSettings::roll_forward`]), off by default.
//!
//! The holidays are computed for any year (no per-year lists): the fixed dates, the Gregorian Easter
//! and the days that follow it, and juhannuspäivä and pyhäinpäivä as the Saturdays after 19 June and 30
//! October (Kirkkojärjestys 657/2023 1:4 §). What counts as an arkipäivä is not defined by statute; the
//! default is Monday to Friday except holidays, and [`CalendarSettings::count_saturdays`] makes ordinary
//! Saturdays count too.
//!
//! Everything here is pure date arithmetic: nothing panics, and every function that could step outside
//! chrono's range of dates returns `None` instead.

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// A Finnish public holiday (or a day that 150/1930 5 § treats as one, such as Christmas Eve).
///
/// The variants are in calendar order; for the rare date that is two holidays at once (Ascension Day
/// on May Day, when Easter is on 23 March, as in 2008), the earlier variant is the one
/// [`holiday_on`] names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Holiday {
    /// Uudenvuodenpäivä, 1 January.
    NewYearsDay,
    /// Loppiainen, 6 January.
    Epiphany,
    /// Pitkäperjantai, the Friday before Easter.
    GoodFriday,
    /// Pääsiäispäivä, the Gregorian (Western) Easter Sunday.
    EasterSunday,
    /// Toinen pääsiäispäivä, the Monday after Easter.
    EasterMonday,
    /// Vapunpäivä, 1 May.
    MayDay,
    /// Helatorstai, the Thursday 39 days after Easter.
    AscensionDay,
    /// Helluntai, the Sunday 49 days after Easter.
    WhitSunday,
    /// Juhannusaatto, the Friday before Midsummer Day (19–25 June).
    MidsummerEve,
    /// Juhannuspäivä, the Saturday after 19 June (20–26 June).
    MidsummerDay,
    /// Pyhäinpäivä, the Saturday after 30 October (31 October – 6 November).
    AllSaintsDay,
    /// Itsenäisyyspäivä, 6 December.
    IndependenceDay,
    /// Jouluaatto, 24 December.
    ChristmasEve,
    /// Joulupäivä, 25 December.
    ChristmasDay,
    /// Tapaninpäivä (toinen joulupäivä), 26 December.
    StStephensDay,
}

impl Holiday {
    /// Every holiday, in calendar order (the order of the variants).
    pub const ALL: [Holiday; 15] = [
        Holiday::NewYearsDay,
        Holiday::Epiphany,
        Holiday::GoodFriday,
        Holiday::EasterSunday,
        Holiday::EasterMonday,
        Holiday::MayDay,
        Holiday::AscensionDay,
        Holiday::WhitSunday,
        Holiday::MidsummerEve,
        Holiday::MidsummerDay,
        Holiday::AllSaintsDay,
        Holiday::IndependenceDay,
        Holiday::ChristmasEve,
        Holiday::ChristmasDay,
        Holiday::StStephensDay,
    ];

    /// The Finnish name, written as in running text (lower case, as Finnish writes the names of days).
    pub fn name_fi(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "uudenvuodenpäivä",
            Holiday::Epiphany => "loppiainen",
            Holiday::GoodFriday => "pitkäperjantai",
            Holiday::EasterSunday => "pääsiäispäivä",
            Holiday::EasterMonday => "toinen pääsiäispäivä",
            Holiday::MayDay => "vapunpäivä",
            Holiday::AscensionDay => "helatorstai",
            Holiday::WhitSunday => "helluntai",
            Holiday::MidsummerEve => "juhannusaatto",
            Holiday::MidsummerDay => "juhannuspäivä",
            Holiday::AllSaintsDay => "pyhäinpäivä",
            Holiday::IndependenceDay => "itsenäisyyspäivä",
            Holiday::ChristmasEve => "jouluaatto",
            Holiday::ChristmasDay => "joulupäivä",
            Holiday::StStephensDay => "tapaninpäivä",
        }
    }

    /// The holiday's id in the app's messages (`holiday-<id>` in the worker flow's files: each language
    /// names the days in its own words).
    pub fn id(self) -> &'static str {
        match self {
            Holiday::NewYearsDay => "new-years-day",
            Holiday::Epiphany => "epiphany",
            Holiday::GoodFriday => "good-friday",
            Holiday::EasterSunday => "easter-sunday",
            Holiday::EasterMonday => "easter-monday",
            Holiday::MayDay => "may-day",
            Holiday::AscensionDay => "ascension-day",
            Holiday::WhitSunday => "whit-sunday",
            Holiday::MidsummerEve => "midsummer-eve",
            Holiday::MidsummerDay => "midsummer-day",
            Holiday::AllSaintsDay => "all-saints-day",
            Holiday::IndependenceDay => "independence-day",
            Holiday::ChristmasEve => "christmas-eve",
            Holiday::ChristmasDay => "christmas-day",
            Holiday::StStephensDay => "st-stephens-day",
        }
    }
}

/// The date `year-month-day` as the baked data writes it (`crate::bake`); a day that does not exist, which
/// the build's checks never write, gives chrono's default date.
#[doc(hidden)]
pub fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap_or_default()
}

/// The Gregorian (Western) Easter Sunday of `year`, by the Meeus/Jones/Butcher algorithm.
///
/// Works for every year chrono can represent (proleptic Gregorian calendar); `None` only outside that
/// range.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    // Floor division throughout, so that the proleptic years before year 0 work too.
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let d = b.div_euclid(4);
    let e = b.rem_euclid(4);
    let f = (b + 8).div_euclid(25);
    let g = (b - f + 1).div_euclid(3);
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

/// The first Saturday strictly after `date`.
fn saturday_after(date: NaiveDate) -> Option<NaiveDate> {
    // Monday is 0 and Saturday 5; a Saturday itself goes a whole week ahead.
    let ahead = (11 - date.weekday().num_days_from_monday()) % 7 + 1;
    date.checked_add_days(Days::new(u64::from(ahead)))
}

/// Every holiday of `year` with its date, in the order of [`Holiday::ALL`] (`None` only outside chrono's
/// range).
fn holiday_table(year: i32) -> [(Holiday, Option<NaiveDate>); 15] {
    let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
    let easter = easter_sunday(year);
    let after_easter = |days| easter.and_then(|easter| easter.checked_add_days(Days::new(days)));
    let midsummer_day = fixed(6, 19).and_then(saturday_after);
    [
        (Holiday::NewYearsDay, fixed(1, 1)),
        (Holiday::Epiphany, fixed(1, 6)),
        (
            Holiday::GoodFriday,
            easter.and_then(|easter| easter.checked_sub_days(Days::new(2))),
        ),
        (Holiday::EasterSunday, easter),
        (Holiday::EasterMonday, after_easter(1)),
        (Holiday::MayDay, fixed(5, 1)),
        (Holiday::AscensionDay, after_easter(39)),
        (Holiday::WhitSunday, after_easter(49)),
        (
            Holiday::MidsummerEve,
            midsummer_day.and_then(|day| day.pred_opt()),
        ),
        (Holiday::MidsummerDay, midsummer_day),
        (Holiday::AllSaintsDay, fixed(10, 30).and_then(saturday_after)),
        (Holiday::IndependenceDay, fixed(12, 6)),
        (Holiday::ChristmasEve, fixed(12, 24)),
        (Holiday::ChristmasDay, fixed(12, 25)),
        (Holiday::StStephensDay, fixed(12, 26)),
    ]
}

/// The holidays of `year`, sorted by date (15 entries for every year in chrono's range).
///
/// Two entries can share a date: Ascension Day falls on May Day when Easter is on 23 March (as in 2008).
/// Such a pair is listed in the order of [`Holiday::ALL`].
pub fn holidays(year: i32) -> Vec<(NaiveDate, Holiday)> {
    let mut list: Vec<(NaiveDate, Holiday)> = holiday_table(year)
        .into_iter()
        .filter_map(|(holiday, date)| date.map(|date| (date, holiday)))
        .collect();
    list.sort_unstable();
    list
}

/// The holiday on `date`, if it is one.
///
/// If `date` is two holidays at once (Ascension Day on May Day), the first in [`Holiday::ALL`] order
/// ([`Holiday::MayDay`]).
pub fn holiday_on(date: NaiveDate) -> Option<Holiday> {
    holiday_table(date.year())
        .into_iter()
        .filter(|&(_, day)| day == Some(date))
        .map(|(holiday, _)| holiday)
        .min()
}

/// How working days are counted: the settings an organisation (HVA) chooses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct CalendarSettings {
    /// Count ordinary Saturdays (those that are not holidays) as arkipäivät, as older statutes such as
    /// Vuosilomalaki do. Off by default (arkipäivä = Monday to Friday except holidays); on, it gives an
    /// earlier, stricter due date.
    pub count_saturdays: bool,
    /// Move a due date that is not a working day to the first working day after it (150/1930 5 §, see
    /// [`roll_forward`]). Off by default, since it is unverified whether 5 § applies to an authority's
    /// own obligations.
    pub roll_forward: bool,
}

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SkipReason {
    /// An ordinary Saturday (one that is not a holiday), when Saturdays are not counted.
    Saturday,
    /// A Sunday that is not a named holiday.
    Sunday,
    /// A holiday (named even when it falls on a Saturday or a Sunday).
    Holiday(Holiday),
}

/// A day that was not counted as a working day, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkippedDay {
    /// The day that was skipped.
    pub date: NaiveDate,
    /// Why it was skipped.
    pub reason: SkipReason,
}

/// Why `date` is not a working day, or `None` if it is one.
fn skip_reason(date: NaiveDate, count_saturdays: bool) -> Option<SkipReason> {
    if let Some(holiday) = holiday_on(date) {
        return Some(SkipReason::Holiday(holiday));
    }
    match date.weekday() {
        Weekday::Sun => Some(SkipReason::Sunday),
        Weekday::Sat if !count_saturdays => Some(SkipReason::Saturday),
        _ => None,
    }
}

/// Whether `date` is an arkipäivä: Monday to Friday and not a holiday, or also an ordinary Saturday
/// with [`CalendarSettings::count_saturdays`].
pub fn is_working_day(date: NaiveDate, settings: CalendarSettings) -> bool {
    skip_reason(date, settings.count_saturdays).is_none()
}

/// The `n`-th working day after `start`, telling `on_skip` of every day it passes over.
fn walk(
    start: NaiveDate,
    n: u32,
    count_saturdays: bool,
    mut on_skip: impl FnMut(SkippedDay),
) -> Option<NaiveDate> {
    // Each working day is a day of its own, so an `n` larger than the days left can never be reached:
    // refuse it at once instead of walking to the end of chrono's range.
    if NaiveDate::MAX.signed_duration_since(start).num_days() < i64::from(n) {
        return None;
    }
    let mut date = start;
    let mut counted = 0;
    while counted < n {
        date = date.succ_opt()?;
        match skip_reason(date, count_saturdays) {
            Some(reason) => on_skip(SkippedDay { date, reason }),
            None => counted += 1,
        }
    }
    Some(date)
}

/// The `n`-th arkipäivä after `start` (150/1930 2 §: `start` itself is day 0, so `n == 0` returns `start`
/// even if it is not a working day); `None` if that is beyond chrono's range of dates.
///
/// This is the strict date: apply [`finish`] for [`CalendarSettings::roll_forward`].
pub fn nth_working_day_after(start: NaiveDate, n: u32, settings: CalendarSettings) -> Option<NaiveDate> {
    walk(start, n, settings.count_saturdays, |_| {})
}

/// Like [`nth_working_day_after`], and also the days between `start` (exclusive) and the due date that
/// were not counted, in date order: what the app shows to explain "why this date".
pub fn working_days_after_explained(
    start: NaiveDate,
    n: u32,
    settings: CalendarSettings,
) -> Option<(NaiveDate, Vec<SkippedDay>)> {
    let mut skipped = Vec::new();
    let due = walk(start, n, settings.count_saturdays, |day| skipped.push(day))?;
    Some((due, skipped))
}

/// `months` months after `start` (150/1930 3 §): the day with the same number, or the last day of the
/// month if it has no such day (30.11. + 3 months = 28.2., or 29.2. in a leap year). `None` if the
/// result is beyond chrono's range of dates.
pub fn add_months(start: NaiveDate, months: u32) -> Option<NaiveDate> {
    // chrono clamps to the last day of the month, exactly as 3 § says.
    start.checked_add_months(Months::new(months))
}

/// 150/1930 5 § 1 mom: `due` itself if it is a working day, else the first working day after it.
///
/// Working days here are always Monday to Friday except holidays, whatever
/// [`CalendarSettings::count_saturdays`] says, since 5 § names the ordinary Saturday (arkilauantai)
/// among the days a due date moves off. `None` if the result is beyond chrono's range of dates.
pub fn roll_forward(due: NaiveDate) -> Option<NaiveDate> {
    if skip_reason(due, false).is_none() {
        Some(due)
    } else {
        walk(due, 1, false, |_| {})
    }
}

/// The due date to show for a computed one: [`roll_forward`] if [`CalendarSettings::roll_forward`] is
/// on, else `due` unchanged.
pub fn finish(due: NaiveDate, settings: CalendarSettings) -> Option<NaiveDate> {
    if settings.roll_forward {
        roll_forward(due)
    } else {
        Some(due)
    }
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not written `YYYY-MM-DD` (four-digit year, two-digit month and day, hyphens).
    Form(String),
    /// Written `YYYY-MM-DD`, but no such day exists (`2026-02-30`).
    NoSuchDay(String),
}

impl std::fmt::Display for DateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DateError::Form(text) => write!(f, "`{text}` is not a date in the form YYYY-MM-DD"),
            DateError::NoSuchDay(text) => write!(f, "`{text}` is not a day of the calendar (YYYY-MM-DD)"),
        }
    }
}

impl std::error::Error for DateError {}

/// Reads a date written exactly `YYYY-MM-DD`, as the rules and cases write dates: `2025-04-17`, not
/// `2025-4-17`, `+2025-04-17` or `17.4.2025` (which chrono's `%Y-%m-%d` alone would partly accept).
pub fn parse_date(text: &str) -> Result<NaiveDate, DateError> {
    let bytes = text.as_bytes();
    let well_formed = bytes.len() == 10
        && bytes.iter().enumerate().all(|(position, byte)| match position {
            4 | 7 => *byte == b'-',
            _ => byte.is_ascii_digit(),
        });
    if !well_formed {
        return Err(DateError::Form(text.to_owned()));
    }
    // Read by hand: chrono's parser (strftime items, every fixed format) would weigh on the browser bundle
    // for what is three numbers in fixed places.
    let number = |range: std::ops::Range<usize>| {
        bytes[range]
            .iter()
            .fold(0u32, |value, digit| value * 10 + u32::from(digit - b'0'))
    };
    i32::try_from(number(0..4))
        .ok()
        .and_then(|year| NaiveDate::from_ymd_opt(year, number(5..7), number(8..10)))
        .ok_or_else(|| DateError::NoSuchDay(text.to_owned()))
}

/// Serde helpers that read a date only as `YYYY-MM-DD` ([`parse_date`]), for the dates of rule files
/// and compiled rule sets (`#[serde(deserialize_with = "strict_date::deserialize")]`).
pub mod strict_date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer};

    /// A date written `YYYY-MM-DD`.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        super::parse_date(&text).map_err(serde::de::Error::custom)
    }

    /// An optional date written `YYYY-MM-DD`.
    pub fn option<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<NaiveDate>, D::Error> {
        Option::<String>::deserialize(deserializer)?
            .map(|text| super::parse_date(&text).map_err(serde::de::Error::custom))
            .transpose()
    }

    /// A list of dates, each written `YYYY-MM-DD`.
    pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<NaiveDate>, D::Error> {
        Vec::<String>::deserialize(deserializer)?
            .iter()
            .map(|text| super::parse_date(text).map_err(serde::de::Error::custom))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Holiday::*;
    use SkipReason::{Holiday as H, Saturday, Sunday};
    use proptest::prelude::*;

    fn ymd(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).unwrap()
    }

    const DEFAULT: CalendarSettings = CalendarSettings {
        count_saturdays: false,
        roll_forward: false,
    };

    #[test]
    fn dates_are_read_only_as_yyyy_mm_dd() {
        assert_eq!(parse_date("2025-04-17"), Ok(ymd(2025, 4, 17)));
        assert_eq!(parse_date("2024-02-29"), Ok(ymd(2024, 2, 29)));
        for text in [
            "2025-4-17",
            "2025-04-7",
            "17.4.2025",
            "+2025-04-17",
            "2025-04-17 ",
            "",
            "２０２５-04-17",
        ] {
            assert_eq!(
                parse_date(text),
                Err(DateError::Form(text.to_owned())),
                "{text:?}"
            );
        }
        assert_eq!(
            parse_date("2026-02-30"),
            Err(DateError::NoSuchDay("2026-02-30".to_owned()))
        );
        assert_eq!(
            parse_date("2025-4-17").map_err(|error| error.to_string()),
            Err("`2025-4-17` is not a date in the form YYYY-MM-DD".to_owned())
        );
    }
    const SATURDAYS: CalendarSettings = CalendarSettings {
        count_saturdays: true,
        roll_forward: false,
    };

    fn skipped(days: &[(NaiveDate, SkipReason)]) -> Vec<SkippedDay> {
        days.iter()
            .map(|&(date, reason)| SkippedDay { date, reason })
            .collect()
    }

    /// Year; (month, day) of Easter, Good Friday, Easter Monday, Ascension, Whit Sunday, Midsummer Eve,
    /// Midsummer Day, All Saints; holidays on Mon–Fri (the almanac's "arkivapaat").
    type Row = (i32, [(u32, u32); 8], usize);
    #[rustfmt::skip]
    const TABLE: [Row; 7] = [
        (2024, [(3, 31), (3, 29), (4, 1), (5, 9), (5, 19), (6, 21), (6, 22), (11, 2)], 10),
        (2025, [(4, 20), (4, 18), (4, 21), (5, 29), (6, 8), (6, 20), (6, 21), (11, 1)], 10),
        (2026, [(4, 5), (4, 3), (4, 6), (5, 14), (5, 24), (6, 19), (6, 20), (10, 31)], 9),
        (2027, [(3, 28), (3, 26), (3, 29), (5, 6), (5, 16), (6, 25), (6, 26), (11, 6)], 8),
        (2028, [(4, 16), (4, 14), (4, 17), (5, 25), (6, 4), (6, 23), (6, 24), (11, 4)], 9),
        (2029, [(4, 1), (3, 30), (4, 2), (5, 10), (5, 20), (6, 22), (6, 23), (11, 3)], 10),
        (2030, [(4, 21), (4, 19), (4, 22), (5, 30), (6, 9), (6, 21), (6, 22), (11, 2)], 10),
    ];

    #[test]
    fn every_holiday_of_2024_to_2030() {
        for (year, moving, _) in TABLE {
            let date = |(month, day): (u32, u32)| ymd(year, month, day);
            let [
                easter,
                good_friday,
                easter_monday,
                ascension,
                whit,
                midsummer_eve,
                midsummer,
                all_saints,
            ] = moving.map(date);
            assert_eq!(easter_sunday(year), Some(easter), "{year}");
            let mut expected = vec![
                (ymd(year, 1, 1), NewYearsDay),
                (ymd(year, 1, 6), Epiphany),
                (good_friday, GoodFriday),
                (easter, EasterSunday),
                (easter_monday, EasterMonday),
                (ymd(year, 5, 1), MayDay),
                (ascension, AscensionDay),
                (whit, WhitSunday),
                (midsummer_eve, MidsummerEve),
                (midsummer, MidsummerDay),
                (all_saints, AllSaintsDay),
                (ymd(year, 12, 6), IndependenceDay),
                (ymd(year, 12, 24), ChristmasEve),
                (ymd(year, 12, 25), ChristmasDay),
                (ymd(year, 12, 26), StStephensDay),
            ];
            expected.sort();
            assert_eq!(holidays(year), expected, "{year}");
            for (date, holiday) in expected {
                assert_eq!(holiday_on(date), Some(holiday), "{date}");
            }
        }
    }

    #[test]
    fn weekday_holidays_match_the_almanac() {
        for (year, _, weekday_holidays) in TABLE {
            let mut dates: Vec<NaiveDate> = holidays(year)
                .into_iter()
                .map(|(date, _)| date)
                .filter(|date| date.weekday().num_days_from_monday() < 5)
                .collect();
            dates.dedup();
            assert_eq!(dates.len(), weekday_holidays, "{year}");
        }
    }

    #[test]
    fn not_holidays() {
        for year in 2024..=2030 {
            assert_eq!(holiday_on(ymd(year, 4, 30)), None, "vapunaatto {year}");
            assert_eq!(holiday_on(ymd(year, 12, 31)), None, "uudenvuodenaatto {year}");
        }
        // Holy Saturday is an ordinary Saturday: a working day when Saturdays count.
        assert_eq!(holiday_on(ymd(2026, 4, 4)), None);
        assert!(is_working_day(ymd(2026, 4, 4), SATURDAYS));
        assert!(!is_working_day(ymd(2026, 4, 4), DEFAULT));
    }

    #[test]
    fn famous_easter_dates() {
        for (year, month, day) in [
            (1818, 3, 22), // the earliest possible
            (1943, 4, 25), // the latest possible
            (2000, 4, 23),
            (2008, 3, 23),
            (2011, 4, 24),
            (2038, 4, 25),
            (2285, 3, 22),
            (1583, 4, 10), // the first Gregorian Easter
        ] {
            assert_eq!(easter_sunday(year), Some(ymd(year, month, day)), "{year}");
        }
    }

    #[test]
    fn easter_outside_chronos_range_is_none() {
        assert_eq!(easter_sunday(i32::MAX), None);
        assert_eq!(easter_sunday(i32::MIN), None);
        assert!(holidays(i32::MAX).is_empty());
        assert!(easter_sunday(NaiveDate::MAX.year()).is_some());
        assert!(easter_sunday(NaiveDate::MIN.year()).is_some());
        assert_eq!(holidays(NaiveDate::MAX.year()).len(), 15);
        assert_eq!(holidays(NaiveDate::MIN.year()).len(), 15);
    }

    #[test]
    fn ascension_on_may_day_2008() {
        let may_day = ymd(2008, 5, 1);
        let list = holidays(2008);
        assert_eq!(list.len(), 15);
        assert!(list.contains(&(may_day, MayDay)));
        assert!(list.contains(&(may_day, AscensionDay)));
        assert_eq!(holiday_on(may_day), Some(MayDay));
    }

    #[test]
    fn names() {
        assert_eq!(MidsummerEve.name_fi(), "juhannusaatto");
        assert_eq!(StStephensDay.id(), "st-stephens-day");
        for holiday in Holiday::ALL {
            assert!(!holiday.name_fi().is_empty() && !holiday.id().is_empty());
        }
    }

    #[test]
    fn seventh_working_day_across_easter() {
        // Contact on Thursday 2.4.2026, the day before Good Friday.
        let (due, days) = working_days_after_explained(ymd(2026, 4, 2), 7, DEFAULT).unwrap();
        // Counted: Tue 7.4 (1), 8.4, 9.4, 10.4, 13.4, 14.4, 15.4 (7).
        assert_eq!(due, ymd(2026, 4, 15));
        assert_eq!(
            days,
            skipped(&[
                (ymd(2026, 4, 3), H(GoodFriday)),
                (ymd(2026, 4, 4), Saturday),
                (ymd(2026, 4, 5), H(EasterSunday)),
                (ymd(2026, 4, 6), H(EasterMonday)),
                (ymd(2026, 4, 11), Saturday),
                (ymd(2026, 4, 12), Sunday),
            ])
        );
        assert_eq!(nth_working_day_after(ymd(2026, 4, 2), 7, DEFAULT), Some(due));
    }

    #[test]
    fn seventh_working_day_across_midsummer() {
        // Contact on Friday 12.6.2026, the week before Midsummer Eve 19.6.
        let (due, days) = working_days_after_explained(ymd(2026, 6, 12), 7, DEFAULT).unwrap();
        // Counted: 15.6 (1), 16.6, 17.6, 18.6 (4), 22.6 (5), 23.6, 24.6 (7).
        assert_eq!(due, ymd(2026, 6, 24));
        assert_eq!(
            days,
            skipped(&[
                (ymd(2026, 6, 13), Saturday),
                (ymd(2026, 6, 14), Sunday),
                (ymd(2026, 6, 19), H(MidsummerEve)),
                (ymd(2026, 6, 20), H(MidsummerDay)),
                (ymd(2026, 6, 21), Sunday),
            ])
        );
    }

    #[test]
    fn seventh_working_day_across_christmas() {
        // Contact on Friday 19.12.2025.
        let (due, days) = working_days_after_explained(ymd(2025, 12, 19), 7, DEFAULT).unwrap();
        // Counted: 22.12 (1), 23.12 (2), 29.12 (3), 30.12, 31.12 (5), 2.1 (6), 5.1 (7); 6.1 is Epiphany.
        assert_eq!(due, ymd(2026, 1, 5));
        assert_eq!(
            days,
            skipped(&[
                (ymd(2025, 12, 20), Saturday),
                (ymd(2025, 12, 21), Sunday),
                (ymd(2025, 12, 24), H(ChristmasEve)),
                (ymd(2025, 12, 25), H(ChristmasDay)),
                (ymd(2025, 12, 26), H(StStephensDay)),
                (ymd(2025, 12, 27), Saturday),
                (ymd(2025, 12, 28), Sunday),
                (ymd(2026, 1, 1), H(NewYearsDay)),
                (ymd(2026, 1, 3), Saturday),
                (ymd(2026, 1, 4), Sunday),
            ])
        );
    }

    #[test]
    fn seventh_working_day_counting_saturdays() {
        // Across Easter 2026: Holy Saturday 4.4 and 11.4 count.
        let (due, days) = working_days_after_explained(ymd(2026, 4, 2), 7, SATURDAYS).unwrap();
        // Counted: 4.4 (1), 7.4 (2), 8.4, 9.4, 10.4, 11.4 (6), 13.4 (7).
        assert_eq!(due, ymd(2026, 4, 13));
        assert_eq!(
            days,
            skipped(&[
                (ymd(2026, 4, 3), H(GoodFriday)),
                (ymd(2026, 4, 5), H(EasterSunday)),
                (ymd(2026, 4, 6), H(EasterMonday)),
                (ymd(2026, 4, 12), Sunday),
            ])
        );
        // Midsummer Day is a holiday even when Saturdays count: from Wed 17.6.2026, 18.6 (1), 22.6 (2)
        // … 26.6 (6), Sat 27.6 (7).
        let due = nth_working_day_after(ymd(2026, 6, 17), 7, SATURDAYS).unwrap();
        assert_eq!(due, ymd(2026, 6, 27));
        // With 5 § on, a due date on an ordinary Saturday still moves to the Monday.
        let both = CalendarSettings {
            count_saturdays: true,
            roll_forward: true,
        };
        assert_eq!(finish(due, both), Some(ymd(2026, 6, 29)));
        assert_eq!(finish(due, SATURDAYS), Some(due));
    }

    #[test]
    fn zero_working_days_is_the_start_itself() {
        let christmas = ymd(2026, 12, 25);
        assert_eq!(nth_working_day_after(christmas, 0, DEFAULT), Some(christmas));
        assert_eq!(
            working_days_after_explained(christmas, 0, DEFAULT),
            Some((christmas, vec![]))
        );
        assert_eq!(
            nth_working_day_after(NaiveDate::MAX, 0, DEFAULT),
            Some(NaiveDate::MAX)
        );
    }

    #[test]
    fn working_days_beyond_chronos_range_are_none() {
        assert_eq!(nth_working_day_after(NaiveDate::MAX, 1, DEFAULT), None);
        assert_eq!(working_days_after_explained(NaiveDate::MAX, 7, DEFAULT), None);
        assert_eq!(nth_working_day_after(ymd(2026, 1, 1), u32::MAX, DEFAULT), None);
        let last = NaiveDate::MAX;
        let expected = is_working_day(last, DEFAULT).then_some(last);
        assert_eq!(roll_forward(last), expected);
    }

    #[test]
    fn months() {
        for ((start, months), expected) in [
            ((ymd(2025, 11, 30), 3), ymd(2026, 2, 28)),
            ((ymd(2023, 11, 30), 3), ymd(2024, 2, 29)),
            ((ymd(2025, 8, 31), 1), ymd(2025, 9, 30)),
            ((ymd(2025, 1, 31), 1), ymd(2025, 2, 28)),
            ((ymd(2025, 3, 15), 3), ymd(2025, 6, 15)),
            ((ymd(2025, 12, 31), 2), ymd(2026, 2, 28)),
            ((ymd(2025, 12, 31), 0), ymd(2025, 12, 31)),
            ((ymd(2024, 2, 29), 12), ymd(2025, 2, 28)),
        ] {
            assert_eq!(add_months(start, months), Some(expected), "{start} + {months}");
        }
        assert_eq!(add_months(NaiveDate::MAX, 1), None);
        assert_eq!(add_months(ymd(2025, 1, 1), u32::MAX), None);
    }

    #[test]
    fn rolling_forward() {
        // Christmas Eve 2026 is a Thursday: 25.12 Fri, 26.12 Sat, 27.12 Sun, so Monday 28.12.
        assert_eq!(roll_forward(ymd(2026, 12, 24)), Some(ymd(2026, 12, 28)));
        // An ordinary Saturday moves to the Monday.
        assert_eq!(roll_forward(ymd(2026, 4, 11)), Some(ymd(2026, 4, 13)));
        // A working day stays.
        assert_eq!(roll_forward(ymd(2026, 4, 15)), Some(ymd(2026, 4, 15)));
        // Good Friday 2026: past Easter to Tuesday 7.4.
        assert_eq!(roll_forward(ymd(2026, 4, 3)), Some(ymd(2026, 4, 7)));
        // finish applies it only when the setting is on.
        let on = CalendarSettings {
            roll_forward: true,
            ..DEFAULT
        };
        assert_eq!(finish(ymd(2026, 4, 3), on), Some(ymd(2026, 4, 7)));
        assert_eq!(finish(ymd(2026, 4, 3), DEFAULT), Some(ymd(2026, 4, 3)));
    }

    #[test]
    fn settings_json() {
        let parse = |json: &str| serde_json::from_str::<CalendarSettings>(json);
        assert_eq!(parse("{}").unwrap(), CalendarSettings::default());
        assert_eq!(parse(r#"{"count_saturdays": true}"#).unwrap(), SATURDAYS);
        assert!(parse(r#"{"count_sundays": true}"#).is_err());
        assert_eq!(CalendarSettings::default(), DEFAULT);
    }

    #[test]
    fn skipped_day_json() {
        let days = skipped(&[(ymd(2026, 4, 3), H(GoodFriday)), (ymd(2026, 4, 4), Saturday)]);
        assert_eq!(
            serde_json::to_string(&days).unwrap(),
            r#"[{"date":"2026-04-03","reason":{"holiday":"good_friday"}},{"date":"2026-04-04","reason":"saturday"}]"#
        );
    }

    // Property tests.

    /// 1.1.1900 – 31.12.2200.
    fn date() -> impl Strategy<Value = NaiveDate> {
        let first = ymd(1900, 1, 1);
        let days = ymd(2200, 12, 31).signed_duration_since(first).num_days();
        (0..=days).prop_map(move |day| first + chrono::TimeDelta::days(day))
    }

    /// Easter by another algorithm (Oudin 1940), for positive years.
    fn oudin_easter(year: i32) -> NaiveDate {
        let g = year % 19;
        let c = year / 100;
        let h = (c - c / 4 - (8 * c + 13) / 25 + 19 * g + 15) % 30;
        let i = h - (h / 28) * (1 - (29 / (h + 1)) * ((21 - g) / 11));
        let j = (year + year / 4 + i + 2 - c + c / 4) % 7;
        let l = i - j;
        let month = 3 + (l + 40) / 44;
        let day = l + 28 - 31 * (month / 4);
        ymd(year, month as u32, day as u32)
    }

    fn working_days_between(after: NaiveDate, up_to: NaiveDate, settings: CalendarSettings) -> u32 {
        after
            .iter_days()
            .skip(1)
            .take_while(|&day| day <= up_to)
            .filter(|&day| is_working_day(day, settings))
            .count() as u32
    }

    proptest! {
        #[test]
        fn due_date_is_a_working_day(start in date(), n in 1..60u32, count_saturdays: bool) {
            let settings = CalendarSettings { count_saturdays, roll_forward: false };
            let due = nth_working_day_after(start, n, settings).unwrap();
            prop_assert!(is_working_day(due, settings));
            prop_assert!(holiday_on(due).is_none());
            prop_assert!(due.weekday() != Weekday::Sun);
            prop_assert!(count_saturdays || due.weekday() != Weekday::Sat);
        }

        #[test]
        fn due_date_grows_with_n(start in date(), n in 0..60u32) {
            let due = nth_working_day_after(start, n, DEFAULT).unwrap();
            let next = nth_working_day_after(start, n + 1, DEFAULT).unwrap();
            prop_assert!(due < next);
            prop_assert!(due >= start);
        }

        #[test]
        fn due_date_is_n_working_days_out(start in date(), n in 0..60u32, count_saturdays: bool) {
            let settings = CalendarSettings { count_saturdays, roll_forward: false };
            let (due, days) = working_days_after_explained(start, n, settings).unwrap();
            prop_assert_eq!(working_days_between(start, due, settings), n);
            // The skipped days are exactly the other days in (start, due].
            let all: Vec<NaiveDate> = start.iter_days().skip(1).take_while(|&day| day <= due).collect();
            prop_assert_eq!(all.len(), n as usize + days.len());
            for day in &days {
                prop_assert!(start < day.date && day.date < due);
                prop_assert!(!is_working_day(day.date, settings));
            }
            prop_assert!(days.windows(2).all(|pair| pair[0].date < pair[1].date));
        }

        #[test]
        fn later_start_never_gives_earlier_due(start in date(), later in 0..30u64, n in 0..60u32) {
            let other = start + Days::new(later);
            let due = nth_working_day_after(start, n, DEFAULT).unwrap();
            prop_assert!(nth_working_day_after(other, n, DEFAULT).unwrap() >= due);
        }

        #[test]
        fn months_land_in_the_right_month(start in date(), months in 0..1200u32) {
            let end = add_months(start, months).unwrap();
            prop_assert!(end.day() <= start.day());
            let index = |date: NaiveDate| i64::from(date.year()) * 12 + i64::from(date.month0());
            prop_assert_eq!(index(end), index(start) + i64::from(months));
            if NaiveDate::from_ymd_opt(end.year(), end.month(), start.day()).is_some() {
                prop_assert_eq!(end.day(), start.day());
            } else {
                prop_assert!(end.succ_opt().unwrap().day() == 1, "not the last day: {}", end);
            }
        }

        #[test]
        fn months_are_monotone_within_a_month(start in date(), later in 0..31u32, months in 0..1200u32) {
            let other = start.with_day(start.day() + later).unwrap_or(start);
            prop_assert!(add_months(other, months).unwrap() >= add_months(start, months).unwrap());
        }

        /// The month rule where it bites: starts on the 28th to the 31st of any month, leap years
        /// included. The result is the same day number, or the last day of the target month when that
        /// month is shorter; 29 February appears only in leap years.
        #[test]
        fn months_from_month_ends_clamp_to_the_last_day(
            year in 1900..=2190i32,
            month in 1..=12u32,
            day in 28..=31u32,
            months in 0..120u32,
        ) {
            let Some(start) = NaiveDate::from_ymd_opt(year, month, day) else { return Ok(()) };
            let end = add_months(start, months).unwrap();
            let last_of_month = |date: NaiveDate| date.succ_opt().unwrap().day() == 1;
            prop_assert!(end.day() == start.day() || (end.day() < start.day() && last_of_month(end)));
            let leap = |year: i32| (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            if end.month() == 2 && end.day() == 29 {
                prop_assert!(leap(end.year()));
            }
            if end.month() == 2 && start.day() >= 29 {
                prop_assert_eq!(end.day(), if leap(end.year()) { 29 } else { 28 });
            }
        }

        /// A deadline of months (45 §: three months from the opening), moved off a weekend or holiday:
        /// never on one, never before the plain month date, and never earlier for a later start.
        #[test]
        fn deadlines_in_months_land_on_working_days_and_keep_order(
            start in date(),
            later in 0..400u64,
            months in 1..=12u32,
        ) {
            let deadline = |start: NaiveDate| roll_forward(add_months(start, months).unwrap()).unwrap();
            let due = deadline(start);
            prop_assert!(is_working_day(due, DEFAULT));
            prop_assert!(holiday_on(due).is_none());
            prop_assert!(due >= add_months(start, months).unwrap());
            // At most five days: Christmas Eve on a Wednesday rolls to Monday the 29th.
            prop_assert!((due - add_months(start, months).unwrap()).num_days() <= 5);
            prop_assert!(deadline(start + Days::new(later)) >= due);
        }

        #[test]
        fn rolled_forward_is_the_next_working_day(due in date()) {
            let rolled = roll_forward(due).unwrap();
            prop_assert!(rolled >= due);
            prop_assert!(is_working_day(rolled, DEFAULT));
            for day in due.iter_days().take_while(|&day| day < rolled) {
                prop_assert!(!is_working_day(day, DEFAULT));
            }
            // Saturdays never count here, whatever the settings.
            let both = CalendarSettings { count_saturdays: true, roll_forward: true };
            prop_assert_eq!(finish(due, both), Some(rolled));
        }

        #[test]
        fn fifteen_holidays_a_year(year in 1900..=2200i32) {
            let list = holidays(year);
            prop_assert_eq!(list.len(), 15);
            prop_assert!(list.windows(2).all(|pair| pair[0] <= pair[1]));
            let mut kinds: Vec<Holiday> = list.iter().map(|&(_, holiday)| holiday).collect();
            kinds.sort();
            prop_assert_eq!(kinds, Holiday::ALL.to_vec());
            for &(date, holiday) in &list {
                prop_assert_eq!(date.year(), year);
                let twice = (holiday == MayDay || holiday == AscensionDay)
                    && easter_sunday(year) == Some(ymd(year, 3, 23));
                prop_assert_eq!(list.iter().filter(|&&(other, _)| other == date).count(), if twice { 2 } else { 1 });
                prop_assert_eq!(holiday_on(date), Some(if twice { MayDay } else { holiday }));
                // Only these 11 can fall on Monday to Friday.
                if date.weekday().num_days_from_monday() < 5 {
                    prop_assert!(!matches!(holiday, EasterSunday | WhitSunday | MidsummerDay | AllSaintsDay));
                }
            }
        }

        #[test]
        fn moving_holidays_on_their_weekdays(year in 1900..=2200i32) {
            let on = |wanted: Holiday| holidays(year).into_iter().find(|&(_, holiday)| holiday == wanted).unwrap().0;
            let midsummer = on(MidsummerDay);
            prop_assert_eq!(midsummer.weekday(), Weekday::Sat);
            prop_assert!(ymd(year, 6, 20) <= midsummer && midsummer <= ymd(year, 6, 26));
            prop_assert_eq!(on(MidsummerEve).weekday(), Weekday::Fri);
            prop_assert_eq!(on(MidsummerEve).succ_opt(), Some(midsummer));
            let all_saints = on(AllSaintsDay);
            prop_assert_eq!(all_saints.weekday(), Weekday::Sat);
            prop_assert!(ymd(year, 10, 31) <= all_saints && all_saints <= ymd(year, 11, 6));
            prop_assert_eq!(on(GoodFriday).weekday(), Weekday::Fri);
            prop_assert_eq!(on(EasterMonday).weekday(), Weekday::Mon);
            prop_assert_eq!(on(AscensionDay).weekday(), Weekday::Thu);
            prop_assert_eq!(on(WhitSunday).weekday(), Weekday::Sun);
        }

        #[test]
        fn easter_is_a_sunday_in_its_window(year in NaiveDate::MIN.year()..=NaiveDate::MAX.year()) {
            let easter = easter_sunday(year).unwrap();
            prop_assert_eq!(easter.weekday(), Weekday::Sun);
            prop_assert!(ymd(year, 3, 22) <= easter && easter <= ymd(year, 4, 25));
            prop_assert_eq!(holidays(year).len(), 15);
        }

        #[test]
        fn easter_agrees_with_another_algorithm(year in 1583..=100_000i32) {
            prop_assert_eq!(easter_sunday(year), Some(oudin_easter(year)));
        }
    }
}
