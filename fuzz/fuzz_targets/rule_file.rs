//! Fuzz target `rule_file`: see `tyokyky_fuzz::rule_file`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tyokyky_fuzz::rule_file(data));
