//! The HTTP layer: every route needs a bearer token; users see what they
//! own, agents what is in their queue; errors are walletcare's JSON with
//! the HTTP status of their kind.

use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::{Value, json};
use walletcare_core::account::VerificationLevel;
use walletcare_core::calendar::{BusinessCalendar, CalendarId};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::refund::{CapturedPayment, RefundBook, RefundCommand, RefundPolicy};
use walletcare_core::ticket::{Action, Channel, Ticket, TicketNumber, TicketRules};
use walletcare_core::transaction::{Ledger, LedgerCommand, LedgerConfig};
use walletcare_core::triage::triage;
use walletcare_core::versioned::Aggregate;

use crate::store::{Caller, Store};

/// An error as an HTTP answer.
#[derive(Debug)]
pub struct Failure(StatusCode, Value);

impl From<Error> for Failure {
    fn from(err: Error) -> Self {
        let status =
            StatusCode::from_u16(err.kind().http_status()).unwrap_or(StatusCode::BAD_REQUEST);
        Failure(status, serde_json::to_value(&err).unwrap_or(Value::Null))
    }
}

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        (self.0, Json(self.1)).into_response()
    }
}

type Answer = Result<Json<Value>, Failure>;

fn denied() -> Failure {
    Failure(
        StatusCode::UNAUTHORIZED,
        json!({"message": "a valid bearer token is required"}),
    )
}

fn not_found() -> Failure {
    Failure(StatusCode::NOT_FOUND, json!({"message": "no such record"}))
}

fn caller(store: &Store, headers: &HeaderMap) -> Result<Caller, Failure> {
    let token = headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .ok_or_else(denied)?;
    store.caller(token)?.ok_or_else(denied)
}

/// The record if the caller may see it.
fn check(store: &Store, who: &Caller, id: &str) -> Result<(), Failure> {
    let (owner, queue) = store.access(id)?.ok_or_else(not_found)?;
    match who {
        Caller::User(name) if *name == owner => Ok(()),
        Caller::Agent { queue: q, .. } if *q == queue => Ok(()),
        _ => Err(not_found()),
    }
}

fn now_or(at: Option<DateTime<Utc>>) -> DateTime<Utc> {
    at.unwrap_or_else(|| {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0).unwrap_or_default()
    })
}

fn show<A: Aggregate>(store: &Store, id: &str) -> Answer {
    let stream = store.load::<A>(id)?.ok_or_else(not_found)?;
    Ok(Json(
        json!({"id": id, "version": stream.version(), "state": stream.state()}),
    ))
}

#[derive(Deserialize)]
struct NewTicket {
    key: String,
    text: String,
    channel: Option<Channel>,
    now: Option<DateTime<Utc>>,
}

async fn open_ticket(
    State(store): State<Store>,
    headers: HeaderMap,
    Json(body): Json<NewTicket>,
) -> Answer {
    let Caller::User(user) = caller(&store, &headers)? else {
        return Err(Error::new(ErrorCode::InvalidArgument, "only users open tickets").into());
    };
    let now = now_or(body.now);
    let calendar = BusinessCalendar::builtin(CalendarId::Indonesia);
    let result = triage(&body.text, body.channel);
    let number = TicketNumber::next_for(&calendar, now, |day| store.next_in_day(day).unwrap_or(0))
        .map_err(Error::from)?;
    let opened = Ticket::from_triage(number, &result, &body.text, TicketRules::default(), now)
        .map_err(Error::from)?;
    let id = format!("ticket:{number}");
    let queue = result.category.as_str();
    let id = store.create(
        &format!("{user}:{}", body.key),
        &id,
        &user,
        queue,
        opened.ticket,
    )?;
    Ok(Json(
        json!({"id": id, "summary": opened.summary, "missing_info": opened.missing_info}),
    ))
}

#[derive(Deserialize)]
struct Command<C> {
    key: String,
    expected_version: Option<u64>,
    command: C,
    now: Option<DateTime<Utc>>,
}

/// Runs a command on the aggregate `id` and answers with its version, its
/// outcome and whether it was a replay of the same key.
fn execute<A: Aggregate>(store: &Store, id: &str, body: Command<A::Command>) -> Answer {
    let done = store.execute::<A>(
        id,
        body.expected_version,
        &body.key,
        body.command,
        now_or(body.now),
    )?;
    Ok(Json(
        json!({"version": done.version, "outcome": done.outcome, "replayed": done.replayed}),
    ))
}

async fn ticket_action(
    State(store): State<Store>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Command<Action>>,
) -> Answer {
    let who = caller(&store, &headers)?;
    check(&store, &who, &id)?;
    execute::<Ticket>(&store, &id, body)
}

#[derive(Deserialize)]
struct NewBook {
    key: String,
    payment: CapturedPayment,
}

async fn open_book(
    State(store): State<Store>,
    headers: HeaderMap,
    Json(body): Json<NewBook>,
) -> Answer {
    let Caller::User(user) = caller(&store, &headers)? else {
        return Err(Error::new(
            ErrorCode::InvalidArgument,
            "a book belongs to the user who paid",
        )
        .into());
    };
    let id = format!("book:{}", body.payment.transaction_id.as_str());
    let book = RefundBook::new(body.payment, RefundPolicy::default()).map_err(Error::from)?;
    let id = store.create(&format!("{user}:{}", body.key), &id, &user, "refund", book)?;
    Ok(Json(json!({"id": id})))
}

async fn book_command(
    State(store): State<Store>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Command<RefundCommand>>,
) -> Answer {
    let who = caller(&store, &headers)?;
    check(&store, &who, &id)?;
    if matches!(who, Caller::User(_)) && !matches!(body.command, RefundCommand::Submit { .. }) {
        return Err(Error::new(ErrorCode::InvalidArgument, "users may only submit refunds").into());
    }
    execute::<RefundBook>(&store, &id, body)
}

/// The queue whose agents see and move a wallet's ledger.
const LEDGER_QUEUE: &str = "payment_failure";

#[derive(Deserialize)]
struct NewLedger {
    key: String,
    level: Option<VerificationLevel>,
}

async fn open_ledger(
    State(store): State<Store>,
    headers: HeaderMap,
    Json(body): Json<NewLedger>,
) -> Answer {
    let Caller::User(user) = caller(&store, &headers)? else {
        return Err(Error::new(ErrorCode::InvalidArgument, "a ledger belongs to a user").into());
    };
    let level = body.level.unwrap_or(VerificationLevel::Unverified);
    let ledger = Ledger::new(LedgerConfig::default(), level).map_err(Error::from)?;
    let id = format!("ledger:{user}");
    let id = store.create(
        &format!("{user}:{}", body.key),
        &id,
        &user,
        LEDGER_QUEUE,
        ledger,
    )?;
    Ok(Json(json!({"id": id})))
}

/// Money moves only through the payment back end's agents: a user reads
/// their ledger but cannot write it through support.
async fn ledger_command(
    State(store): State<Store>,
    Path(id): Path<String>,
    headers: HeaderMap,
    Json(body): Json<Command<LedgerCommand>>,
) -> Answer {
    let who = caller(&store, &headers)?;
    check(&store, &who, &id)?;
    if matches!(who, Caller::User(_)) {
        return Err(Error::new(
            ErrorCode::InvalidArgument,
            "users read their ledger; only the payments queue moves money",
        )
        .into());
    }
    execute::<Ledger>(&store, &id, body)
}

fn list(store: &Store, headers: &HeaderMap, prefix: &str) -> Answer {
    let who = caller(store, headers)?;
    Ok(Json(json!(store.visible(&who, prefix)?)))
}

async fn list_tickets(State(store): State<Store>, headers: HeaderMap) -> Answer {
    list(&store, &headers, "ticket:")
}

async fn list_books(State(store): State<Store>, headers: HeaderMap) -> Answer {
    list(&store, &headers, "book:")
}

async fn list_ledgers(State(store): State<Store>, headers: HeaderMap) -> Answer {
    list(&store, &headers, "ledger:")
}

async fn show_one(
    State(store): State<Store>,
    Path((kind, id)): Path<(String, String)>,
    headers: HeaderMap,
) -> Answer {
    let who = caller(&store, &headers)?;
    check(&store, &who, &id)?;
    match kind.as_str() {
        "tickets" => show::<Ticket>(&store, &id),
        "books" => show::<RefundBook>(&store, &id),
        "ledgers" => show::<Ledger>(&store, &id),
        _ => Err(not_found()),
    }
}

/// The service's routes over a store.
pub fn router(store: Store) -> Router {
    Router::new()
        .route("/tickets", post(open_ticket).get(list_tickets))
        .route("/tickets/{id}/actions", post(ticket_action))
        .route("/books", post(open_book).get(list_books))
        .route("/books/{id}/commands", post(book_command))
        .route("/ledgers", post(open_ledger).get(list_ledgers))
        .route("/ledgers/{id}/commands", post(ledger_command))
        .route("/{kind}/{id}", get(show_one))
        .with_state(store)
}
