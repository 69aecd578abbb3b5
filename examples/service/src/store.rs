//! SQLite storage of any walletcare aggregate: an append-only `events`
//! table whose primary key is the optimistic lock, a `snapshots` table to
//! load fast, an `idempotency` table for creations, and the bearer tokens.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params};
use walletcare_core::error::{Error, ErrorCode};
use walletcare_core::versioned::{Aggregate, Change, Executed, Versioned};

/// Write a snapshot every this many versions.
const SNAPSHOT_EVERY: u64 = 8;
/// How often a writer that lost a race reloads and tries again.
const RETRIES: usize = 16;

/// Who is calling.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caller {
    /// A wallet user: sees what they own.
    User(String),
    /// A support agent: sees what is in their queue.
    Agent {
        /// The agent's name.
        name: String,
        /// The queue (a ticket category, or `refund`).
        queue: String,
    },
}

/// One SQLite file shared by every request (and by every instance on it).
#[derive(Debug, Clone)]
pub struct Store {
    db: Arc<Mutex<Connection>>,
}

fn db_error(err: rusqlite::Error) -> Error {
    Error::new(ErrorCode::InvalidArgument, format!("storage: {err}"))
}

fn json_error(err: serde_json::Error) -> Error {
    Error::new(ErrorCode::InvalidJson, format!("stored JSON: {err}"))
}

impl Store {
    /// Opens (and creates) the database and seeds the bearer tokens
    /// `(token, who, role, queue)`.
    pub fn open(
        path: &std::path::Path,
        tokens: &[(&str, &str, &str, &str)],
    ) -> Result<Self, Error> {
        let db = Connection::open(path).map_err(db_error)?;
        db.busy_timeout(std::time::Duration::from_secs(5))
            .map_err(db_error)?;
        db.execute_batch(
            "PRAGMA journal_mode=WAL;
             CREATE TABLE IF NOT EXISTS events(aggregate_id TEXT NOT NULL, version INTEGER NOT NULL,
                 event_json TEXT NOT NULL, PRIMARY KEY(aggregate_id, version));
             CREATE TABLE IF NOT EXISTS snapshots(aggregate_id TEXT PRIMARY KEY, version INTEGER NOT NULL,
                 json TEXT NOT NULL, owner TEXT NOT NULL, queue TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS idempotency(key TEXT PRIMARY KEY, aggregate_id TEXT NOT NULL);
             CREATE TABLE IF NOT EXISTS counters(day TEXT PRIMARY KEY, n INTEGER NOT NULL);
             CREATE TABLE IF NOT EXISTS tokens(token TEXT PRIMARY KEY, who TEXT NOT NULL,
                 role TEXT NOT NULL, queue TEXT NOT NULL);",
        )
        .map_err(db_error)?;
        for (token, who, role, queue) in tokens {
            db.execute(
                "INSERT OR REPLACE INTO tokens VALUES (?1, ?2, ?3, ?4)",
                params![token, who, role, queue],
            )
            .map_err(db_error)?;
        }
        Ok(Store {
            db: Arc::new(Mutex::new(db)),
        })
    }

    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T, Error>) -> Result<T, Error> {
        let mut db = self
            .db
            .lock()
            .map_err(|_| Error::new(ErrorCode::InvalidArgument, "storage lock poisoned"))?;
        f(&mut db)
    }

    /// The caller a bearer token stands for.
    pub fn caller(&self, token: &str) -> Result<Option<Caller>, Error> {
        self.with(|db| {
            db.query_row(
                "SELECT who, role, queue FROM tokens WHERE token = ?1",
                [token],
                |r| {
                    Ok((
                        r.get::<_, String>(0)?,
                        r.get::<_, String>(1)?,
                        r.get::<_, String>(2)?,
                    ))
                },
            )
            .optional()
            .map_err(db_error)
            .map(|row| {
                row.map(|(who, role, queue)| match role.as_str() {
                    "agent" => Caller::Agent { name: who, queue },
                    _ => Caller::User(who),
                })
            })
        })
    }

    /// The next number of the host's per-day ticket counter.
    pub fn next_in_day(&self, day: NaiveDate) -> Result<u64, Error> {
        self.with(|db| {
            db.query_row(
                "INSERT INTO counters VALUES (?1, 1) ON CONFLICT(day) DO UPDATE SET n = n + 1 RETURNING n",
                [day.to_string()],
                |r| r.get::<_, i64>(0),
            )
            .map(|n| u64::try_from(n).unwrap_or(0))
            .map_err(db_error)
        })
    }

    /// Stores a new aggregate at version 0 under a creation key; a retried
    /// creation with the same key returns the id stored the first time.
    pub fn create<A: Aggregate>(
        &self,
        key: &str,
        id: &str,
        owner: &str,
        queue: &str,
        state: A,
    ) -> Result<String, Error> {
        let json = serde_json::to_string(&Versioned::new(state)).map_err(json_error)?;
        self.with(|db| {
            let tx = db.transaction().map_err(db_error)?;
            let earlier: Option<String> = tx
                .query_row(
                    "SELECT aggregate_id FROM idempotency WHERE key = ?1",
                    [key],
                    |r| r.get(0),
                )
                .optional()
                .map_err(db_error)?;
            if let Some(earlier) = earlier {
                return Ok(earlier);
            }
            let inserted = tx
                .execute(
                    "INSERT OR IGNORE INTO snapshots VALUES (?1, 0, ?2, ?3, ?4)",
                    params![id, json, owner, queue],
                )
                .map_err(db_error)?;
            if inserted == 0 {
                return Err(Error::new(
                    ErrorCode::VersionConflict,
                    format!("{id} already exists"),
                ));
            }
            tx.execute("INSERT INTO idempotency VALUES (?1, ?2)", params![key, id])
                .map_err(db_error)?;
            tx.commit().map_err(db_error)?;
            Ok(id.to_owned())
        })
    }

    /// Who owns an aggregate and which queue it is in.
    pub fn access(&self, id: &str) -> Result<Option<(String, String)>, Error> {
        self.with(|db| {
            db.query_row(
                "SELECT owner, queue FROM snapshots WHERE aggregate_id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()
            .map_err(db_error)
        })
    }

    /// The aggregate as of its last stored change: snapshot plus later events.
    pub fn load<A: Aggregate>(&self, id: &str) -> Result<Option<Versioned<A>>, Error> {
        self.with(|db| {
            let snapshot: Option<String> = db
                .query_row("SELECT json FROM snapshots WHERE aggregate_id = ?1", [id], |r| r.get(0))
                .optional()
                .map_err(db_error)?;
            let Some(snapshot) = snapshot else { return Ok(None) };
            let mut stream: Versioned<A> = serde_json::from_str(&snapshot).map_err(json_error)?;
            let mut stmt = db
                .prepare("SELECT event_json FROM events WHERE aggregate_id = ?1 AND version > ?2 ORDER BY version")
                .map_err(db_error)?;
            let version = i64::try_from(stream.version()).unwrap_or(i64::MAX);
            let rows = stmt
                .query_map(params![id, version], |r| r.get::<_, String>(0))
                .map_err(db_error)?;
            for row in rows {
                let change: Change<A::Command> =
                    serde_json::from_str(&row.map_err(db_error)?).map_err(json_error)?;
                stream.replay(&change)?;
            }
            Ok(Some(stream))
        })
    }

    /// Runs a command: load, decide in the core, append the change. A writer
    /// that loses the race for the next version (the primary key) reloads
    /// and decides again, unless the caller pinned `expected_version`.
    pub fn execute<A: Aggregate>(
        &self,
        id: &str,
        expected_version: Option<u64>,
        key: &str,
        command: A::Command,
        now: DateTime<Utc>,
    ) -> Result<Executed<A::Command, A::Outcome>, Error> {
        for _ in 0..RETRIES {
            let mut stream = self
                .load::<A>(id)?
                .ok_or_else(|| Error::new(ErrorCode::InvalidArgument, format!("no record {id}")))?;
            let done = stream.execute(expected_version, key, command.clone(), now)?;
            let Some(change) = &done.change else {
                return Ok(done);
            };
            let appended = self.with(|db| {
                let tx = db.transaction().map_err(db_error)?;
                let version = i64::try_from(change.version).unwrap_or(i64::MAX);
                let event = serde_json::to_string(change).map_err(json_error)?;
                let n = tx
                    .execute(
                        "INSERT OR IGNORE INTO events VALUES (?1, ?2, ?3)",
                        params![id, version, event],
                    )
                    .map_err(db_error)?;
                if n == 1 && change.version % SNAPSHOT_EVERY == 0 {
                    let json = serde_json::to_string(&stream).map_err(json_error)?;
                    tx.execute(
                        "UPDATE snapshots SET version = ?2, json = ?3 WHERE aggregate_id = ?1",
                        params![id, version, json],
                    )
                    .map_err(db_error)?;
                }
                tx.commit().map_err(db_error)?;
                Ok(n == 1)
            })?;
            if appended {
                return Ok(done);
            }
            if expected_version.is_some() {
                return Err(Error::new(
                    ErrorCode::VersionConflict,
                    "the record changed since it was read; reload it and try again",
                ));
            }
        }
        Err(Error::new(
            ErrorCode::VersionConflict,
            "too many concurrent writers; try again",
        ))
    }

    /// The ids of the aggregates a caller may see, of one id prefix.
    pub fn visible(&self, caller: &Caller, prefix: &str) -> Result<Vec<String>, Error> {
        let (column, value) = match caller {
            Caller::User(who) => ("owner", who.clone()),
            Caller::Agent { queue, .. } => ("queue", queue.clone()),
        };
        self.with(|db| {
            let sql = format!(
                "SELECT aggregate_id FROM snapshots WHERE {column} = ?1 AND aggregate_id LIKE ?2 ORDER BY aggregate_id"
            );
            let mut stmt = db.prepare(&sql).map_err(db_error)?;
            let rows = stmt
                .query_map(params![value, format!("{prefix}%")], |r| r.get::<_, String>(0))
                .map_err(db_error)?;
            rows.collect::<Result<_, _>>().map_err(db_error)
        })
    }
}
