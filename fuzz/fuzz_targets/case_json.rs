//! Fuzz target `case_json`: see `tyokyky_fuzz::case_json`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tyokyky_fuzz::case_json(data));
