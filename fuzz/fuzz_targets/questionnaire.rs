//! Fuzz target `questionnaire`: see `tyokyky_fuzz::questionnaire`.
#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| tyokyky_fuzz::questionnaire(data));
