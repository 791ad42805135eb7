//! Fuzz target `catalogue`: see `tyokyky_fuzz::catalogue`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tyokyky_fuzz::catalogue(data));
