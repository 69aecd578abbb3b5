//! The service end to end, in process (tower's `oneshot`), on a temp file.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use serde_json::{Value, json};
use tower::ServiceExt;
use walletcare_service::{Store, router};

const TOKENS: &[(&str, &str, &str, &str)] = &[
    ("t-siti", "siti", "user", ""),
    ("t-li", "li", "user", ""),
    ("t-refunds", "budi", "agent", "refund"),
    ("t-payments", "ayu", "agent", "payment_failure"),
];

fn temp_db(name: &str) -> std::path::PathBuf {
    let path =
        std::env::temp_dir().join(format!("walletcare-{name}-{}.sqlite3", std::process::id()));
    for ext in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{ext}", path.display()));
    }
    path
}

async fn call(
    store: &Store,
    method: &str,
    uri: &str,
    token: Option<&str>,
    body: Value,
) -> (StatusCode, Value) {
    let mut req = Request::builder()
        .method(method)
        .uri(uri)
        .header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    let body = if method == "GET" {
        Body::empty()
    } else {
        Body::from(body.to_string())
    };
    let res = router(store.clone())
        .oneshot(req.body(body).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    (
        status,
        serde_json::from_slice(&bytes).unwrap_or(Value::Null),
    )
}

fn payment(tx: &str, minor: i64) -> Value {
    json!({"key": tx, "payment": {"transaction_id": tx, "order_number": "ORD-1",
        "amount": {"minor": minor, "currency": "IDR"}, "paid_at": "2026-12-01T03:00:00Z",
        "method": {"type": "wallet_balance"}}})
}

fn submit(key: &str, minor: i64) -> Value {
    json!({"key": key, "now": "2026-12-02T03:00:00Z", "command": {"command": "submit", "key": key,
        "request": {"order_number": "ORD-1", "transaction_id": "TX-1", "paid_at": "2026-12-01T03:00:00Z",
        "amount": {"type": "partial", "amount": {"minor": minor, "currency": "IDR"}}, "reason": "duplicate"}}})
}

/// One writer on its own thread and runtime: submits every key in turn.
fn writer(store: Store) -> std::thread::JoinHandle<Vec<(StatusCode, Value)>> {
    std::thread::spawn(move || {
        let rt = tokio::runtime::Builder::new_current_thread()
            .build()
            .unwrap();
        rt.block_on(async {
            let mut out = Vec::new();
            for round in 0..30 {
                let key = format!("k{round}");
                out.push(
                    call(
                        &store,
                        "POST",
                        "/books/book:TX-1/commands",
                        Some("t-siti"),
                        submit(&key, 30_000),
                    )
                    .await,
                );
            }
            out
        })
    })
}

#[tokio::test]
async fn concurrent_refunds_never_double_refund() {
    let path = temp_db("concurrent");
    // Two instances on one file, on two threads: two writers of one book.
    let a = Store::open(&path, TOKENS).unwrap();
    let b = Store::open(&path, TOKENS).unwrap();
    let (s, _) = call(
        &a,
        "POST",
        "/books",
        Some("t-siti"),
        payment("TX-1", 100_000),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    let (one, two) = (writer(a.clone()), writer(b.clone()));
    let (one, two) = (one.join().unwrap(), two.join().unwrap());
    let mut accepted = 0;
    for ((s1, v1), (s2, v2)) in one.iter().zip(&two) {
        assert_eq!(s1, s2, "{v1} {v2}");
        if *s1 == StatusCode::OK {
            assert_eq!(
                v1["outcome"]["submission"]["id"],
                v2["outcome"]["submission"]["id"]
            );
            accepted += 1;
        } else {
            assert_eq!(*s1, StatusCode::FORBIDDEN, "{v1}");
        }
    }
    let (_, book) = call(
        &a,
        "GET",
        "/books/book:TX-1",
        Some("t-refunds"),
        Value::Null,
    )
    .await;
    let refunds = book["state"]["refunds"].as_array().unwrap();
    let total: i64 = refunds
        .iter()
        .map(|r| r["amount"]["minor"].as_i64().unwrap())
        .sum();
    assert!(total <= 100_000, "refunded {total}");
    assert_eq!(refunds.len(), accepted);
    assert_eq!(accepted, 3); // 90 000 of 100 000; a fourth would exceed it
    let keys: std::collections::BTreeSet<_> = refunds
        .iter()
        .map(|r| r["idempotency_key"].to_string())
        .collect();
    assert_eq!(keys.len(), refunds.len(), "a key applied twice");
    // A retried approve answers as the first one did, not invalid_transition.
    let act = |k: &str, action: &str| json!({"key": k, "now": "2026-12-02T04:00:00Z", "command": {"command": "apply", "id": 1, "action": {"action": action}}});
    let (s, v) = call(
        &a,
        "POST",
        "/books/book:TX-1/commands",
        Some("t-refunds"),
        act("r0", "start_review"),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let (s1, v1) = call(
        &a,
        "POST",
        "/books/book:TX-1/commands",
        Some("t-refunds"),
        act("r1", "approve"),
    )
    .await;
    let (s2, v2) = call(
        &b,
        "POST",
        "/books/book:TX-1/commands",
        Some("t-refunds"),
        act("r1", "approve"),
    )
    .await;
    assert_eq!((s1, s2), (StatusCode::OK, StatusCode::OK), "{v1} {v2}");
    assert_eq!(v2["replayed"], true);
    assert_eq!(v1["outcome"], v2["outcome"]);
    // A stale expected version is a conflict.
    let mut stale = act("r2", "start_processing");
    stale["expected_version"] = json!(1);
    let (s, v) = call(
        &a,
        "POST",
        "/books/book:TX-1/commands",
        Some("t-refunds"),
        stale,
    )
    .await;
    assert_eq!(s, StatusCode::CONFLICT, "{v}");
    assert_eq!(v["code"], "general.version_conflict");
}

#[tokio::test]
async fn restart_loses_nothing() {
    let path = temp_db("restart");
    let before = {
        let store = Store::open(&path, TOKENS).unwrap();
        call(
            &store,
            "POST",
            "/books",
            Some("t-siti"),
            payment("TX-1", 100_000),
        )
        .await;
        for i in 0..4 {
            let (s, v) = call(
                &store,
                "POST",
                "/books/book:TX-1/commands",
                Some("t-siti"),
                submit(&format!("k{i}"), 1_000),
            )
            .await;
            assert_eq!(s, StatusCode::OK, "{v}");
        }
        let (s, v) = call(
            &store,
            "POST",
            "/ledgers",
            Some("t-siti"),
            json!({"key": "l1"}),
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let rounds = [("k-1", 50_000), ("k-2", 20_000), ("k-1", 50_000)];
        for (round, (key, minor)) in rounds.into_iter().enumerate() {
            let (s, v) = call(
                &store,
                "POST",
                "/ledgers/ledger:siti/commands",
                Some("t-payments"),
                top_up(key, minor),
            )
            .await;
            assert_eq!(s, StatusCode::OK, "{v}");
            assert_eq!(
                v["replayed"],
                json!(round == 2),
                "a retried key is a replay: {v}"
            );
        }
        let (s, _) = call(
            &store,
            "POST",
            "/ledgers/ledger:siti/commands",
            Some("t-siti"),
            top_up("k-3", 1),
        )
        .await;
        assert!(s.is_client_error(), "a user cannot move money: {s}");
        let body = json!({"key": "t1", "text": "saldo kepotong tapi pembayaran gagal", "now": "2026-12-02T03:00:00Z"});
        let (s, v) = call(&store, "POST", "/tickets", Some("t-siti"), body).await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let id = v["id"].as_str().unwrap().to_owned();
        let resolve =
            json!({"key": "a1", "now": "2026-12-02T05:00:00Z", "command": {"kind": "resolve"}});
        let (s, v) = call(
            &store,
            "POST",
            &format!("/tickets/{id}/actions"),
            Some("t-payments"),
            resolve,
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{v}");
        let (_, book) = call(
            &store,
            "GET",
            "/books/book:TX-1",
            Some("t-siti"),
            Value::Null,
        )
        .await;
        let (_, ticket) = call(
            &store,
            "GET",
            &format!("/tickets/{id}"),
            Some("t-siti"),
            Value::Null,
        )
        .await;
        let (_, ledger) = call(
            &store,
            "GET",
            "/ledgers/ledger:siti",
            Some("t-siti"),
            Value::Null,
        )
        .await;
        (id, book, ticket, ledger)
    };
    let store = Store::open(&path, TOKENS).unwrap();
    let (_, book) = call(
        &store,
        "GET",
        "/books/book:TX-1",
        Some("t-siti"),
        Value::Null,
    )
    .await;
    let (_, ticket) = call(
        &store,
        "GET",
        &format!("/tickets/{}", before.0),
        Some("t-siti"),
        Value::Null,
    )
    .await;
    assert_eq!(book, before.1);
    assert_eq!(book["version"], 4);
    assert_eq!(ticket, before.2);
    assert_eq!(ticket["state"]["events"].as_array().map(Vec::len), Some(2));
    let (_, ledger) = call(
        &store,
        "GET",
        "/ledgers/ledger:siti",
        Some("t-siti"),
        Value::Null,
    )
    .await;
    assert_eq!(ledger, before.3);
    assert_eq!(
        ledger["version"], 2,
        "two top-ups, the retried key applied once"
    );
}

fn top_up(key: &str, minor: i64) -> Value {
    json!({"key": key, "now": "2026-12-02T03:00:00Z", "command": {"command": "apply",
        "request": {"key": key, "transaction": format!("T-{key}"),
            "operation": {"op": "top_up", "amount": {"minor": minor, "currency": "IDR"}}},
        "account": {"state": "active"}}})
}

#[tokio::test]
async fn users_cannot_read_each_others_tickets() {
    let path = temp_db("auth");
    let store = Store::open(&path, TOKENS).unwrap();
    let body = json!({"key": "t1", "text": "saldo kepotong tapi pembayaran gagal", "now": "2026-12-02T03:00:00Z"});
    let (_, v) = call(&store, "POST", "/tickets", Some("t-siti"), body).await;
    let id = v["id"].as_str().unwrap().to_owned();
    call(
        &store,
        "POST",
        "/books",
        Some("t-siti"),
        payment("TX-1", 100_000),
    )
    .await;
    call(
        &store,
        "POST",
        "/ledgers",
        Some("t-siti"),
        json!({"key": "l1"}),
    )
    .await;
    let ticket = format!("/tickets/{id}");
    for uri in [
        "/tickets",
        "/books",
        "/ledgers",
        ticket.as_str(),
        "/books/book:TX-1",
        "/ledgers/ledger:siti",
    ] {
        for token in [None, Some("nope")] {
            let (s, _) = call(&store, "GET", uri, token, Value::Null).await;
            assert_eq!(s, StatusCode::UNAUTHORIZED, "{uri} {token:?}");
        }
    }
    let (s, _) = call(
        &store,
        "POST",
        "/tickets",
        None,
        json!({"key": "x", "text": "hi"}),
    )
    .await;
    assert_eq!(s, StatusCode::UNAUTHORIZED);
    let (s, _) = call(&store, "GET", &ticket, Some("t-siti"), Value::Null).await;
    assert_eq!(s, StatusCode::OK);
    let (s, _) = call(&store, "GET", &ticket, Some("t-payments"), Value::Null).await;
    assert_eq!(s, StatusCode::OK);
    for token in ["t-li", "t-refunds"] {
        let (s, _) = call(&store, "GET", &ticket, Some(token), Value::Null).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{token}");
    }
    let (_, mine) = call(&store, "GET", "/tickets", Some("t-li"), Value::Null).await;
    assert_eq!(mine, json!([]));
    let (s, _) = call(&store, "GET", "/books/book:TX-1", Some("t-li"), Value::Null).await;
    assert_eq!(s, StatusCode::NOT_FOUND);
    let (s, _) = call(
        &store,
        "GET",
        "/books/book:TX-1",
        Some("t-refunds"),
        Value::Null,
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    for (token, status) in [
        ("t-siti", StatusCode::OK),
        ("t-payments", StatusCode::OK),
        ("t-li", StatusCode::NOT_FOUND),
        ("t-refunds", StatusCode::NOT_FOUND),
    ] {
        let (s, _) = call(
            &store,
            "GET",
            "/ledgers/ledger:siti",
            Some(token),
            Value::Null,
        )
        .await;
        assert_eq!(s, status, "{token}");
    }
    let (_, theirs) = call(&store, "GET", "/ledgers", Some("t-li"), Value::Null).await;
    assert_eq!(theirs, json!([]));
}
