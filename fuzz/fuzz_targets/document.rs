//! Fuzz target `document`: see `tyokyky_fuzz::document`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tyokyky_fuzz::document(data));
