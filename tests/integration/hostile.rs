//! Hostile input: every entry point that reads outside data does bounded
//! work and answers with a value or a typed error.
//!
//! The fuzz targets' bodies (`fuzz/src/lib.rs`) are compiled into this test
//! binary, and every seed of every target is replayed through them, so CI
//! checks the fuzzers' invariants on the seed corpus without a fuzzer.

#![allow(clippy::unwrap_used)]

use std::path::Path;

#[allow(unreachable_pub, dead_code, clippy::indexing_slicing, clippy::panic)]
#[path = "../../fuzz/src/lib.rs"]
mod fuzz_bodies;

fn seeds(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds").join(target);
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| (path.display().to_string(), std::fs::read(&path).unwrap()))
        .collect()
}

#[test]
fn every_fuzz_seed_replays_through_its_target_without_breaking_an_invariant() {
    let mut replayed = 0;
    for (target, body) in fuzz_bodies::TARGETS {
        let seeds = seeds(target);
        assert!(!seeds.is_empty(), "{target} has no seeds");
        for (name, data) in seeds {
            eprintln!("replaying {name}");
            body(&data);
            replayed += 1;
        }
    }
    assert!(replayed >= fuzz_bodies::TARGETS.len());
}
