//! Runs the example service on 127.0.0.1:8080 over `walletcare.sqlite3`.

use walletcare_service::{Store, router};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let store = Store::open(
        std::path::Path::new("walletcare.sqlite3"),
        &[
            ("user-token", "siti", "user", ""),
            ("agent-token", "budi", "agent", "refund"),
        ],
    )?;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:8080").await?;
    axum::serve(listener, router(store)).await?;
    Ok(())
}
