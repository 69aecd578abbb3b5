#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| walletcare_fuzz::triage_text(data));
