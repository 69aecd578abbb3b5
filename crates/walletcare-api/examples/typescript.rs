//! Writes the npm package's generated TypeScript declarations,
//! `bindings/wasm/types/walletcare-types.d.ts`, from the Rust types; with
//! `--check`, fails (exit 1) when the checked-in file differs instead, and
//! with `--out PATH` writes PATH instead.
//!
//! ```sh
//! cargo run -p walletcare-api --features typescript --example typescript
//! cargo run -p walletcare-api --features typescript --example typescript -- --check
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let check = args.iter().any(|a| a == "--check");
    let path = match args.iter().position(|a| a == "--out") {
        Some(i) => match args.get(i + 1) {
            Some(out) => PathBuf::from(out),
            None => {
                eprintln!("error: --out needs a path");
                return ExitCode::FAILURE;
            }
        },
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../bindings/wasm/types/walletcare-types.d.ts"),
    };
    let generated = match walletcare_api::typescript::declarations() {
        Ok(text) => text,
        Err(err) => {
            eprintln!("error: {err}");
            return ExitCode::FAILURE;
        }
    };
    if check {
        let current = std::fs::read_to_string(&path).unwrap_or_default();
        if current == generated {
            eprintln!("{} is up to date", path.display());
            return ExitCode::SUCCESS;
        }
        eprintln!(
            "error: {} is stale: the Rust types changed. Regenerate it with\n  \
             cargo run -p walletcare-api --features typescript --example typescript\n\
             and commit the result.",
            path.display()
        );
        return ExitCode::FAILURE;
    }
    if let Some(dir) = path.parent()
        && let Err(err) = std::fs::create_dir_all(dir)
    {
        eprintln!("error: cannot create {}: {err}", dir.display());
        return ExitCode::FAILURE;
    }
    if let Err(err) = std::fs::write(&path, &generated) {
        eprintln!("error: cannot write {}: {err}", path.display());
        return ExitCode::FAILURE;
    }
    eprintln!("wrote {}", path.display());
    ExitCode::SUCCESS
}
