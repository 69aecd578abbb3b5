//! One day at a wallet's support desk, end to end.
//!
//! ```sh
//! cargo run --release --example support_desk
//! ```
//!
//! Siti, a wallet user in Jakarta, has a busy Wednesday, 23 December 2026:
//! a QR payment fails, she locks herself out, her phone is stolen, she binds
//! a new bank card and asks for a refund that straddles Christmas. Every
//! line the demo prints comes from walletcare: amounts, dates, decisions,
//! error codes and the sentences shown to her in Indonesian, Chinese and
//! English. In the evening she chats with the desk, which gathers what a
//! ticket needs one question at a time and tells her which channel answers
//! soonest. The demo only chooses the inputs (the clock, the codes a host
//! would draw from its random source, what Siti types) and the narration.
//!
//! The run is deterministic: the library never reads the clock, so the same
//! inputs print the same story on every machine.

#![allow(clippy::print_stdout)]

use std::error::Error;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use walletcare::account::{
    Account, AccountError, AccountId, AttemptOutcome, AttemptResult, ChallengePurpose, ContactKind,
    CredentialPolicy, DeviceId, EmailAddress, IdentityChecks, PhoneNumber, RecentActivity,
    VerificationLevel, security_checkup,
};
use walletcare::calendar::{BusinessCalendar, CalendarId, Tz};
use walletcare::card::{CardFingerprint, CardInput, CardPolicy, validate};
use walletcare::error::HasErrorCode;
use walletcare::intake::{Intake, IntakeConfig};
use walletcare::locale::{Locale, Render};
use walletcare::money::{Currency, Money};
use walletcare::queue::{
    ChannelHours, ChannelSetup, ServiceTarget, Workload, agents_for_target, recommend,
};
use walletcare::redact::{RedactPolicy, ScamConfig, redact, warnings};
use walletcare::refund::{
    BankCode, CapturedPayment, RefundAction, RefundAmount, RefundBook, RefundDestination,
    RefundDue, RefundError, RefundId, RefundPolicy, RefundReason, RefundRequest, RefundSlaPolicy,
    format_date,
};
use walletcare::ticket::{
    Channel, ComplaintKind, RegulatoryStatus, SlaPolicy, Ticket, TicketNumber, TicketRules,
};
use walletcare::transaction::{
    IdempotencyKey, Ledger, LedgerConfig, LedgerRequest, MerchantRef, Name, PaymentChannel,
    TopUpSource, Transaction, TransactionId, TransactionKind, WalletId, diagnose,
};
use walletcare::triage::triage;

type DemoResult<T = ()> = Result<T, Box<dyn Error>>;

/// The JSON name of a value, the name hosts see in C and JavaScript.
macro_rules! wire_name {
    ($value:expr) => {
        json_names(serde_json::to_value(&$value)?).join(", ")
    };
}

/// Western Indonesia Time (UTC+7): the zone of the story.
const JAKARTA: Tz = Tz::Asia__Jakarta;

/// Everything the desk knows about Siti, carried from one section to the next.
struct Desk {
    account: Account,
    ledger: Ledger,
    policy: CredentialPolicy,
    calendar: BusinessCalendar,
    /// Her morning coffee, refunded by the café in section 5.
    coffee: Option<Transaction>,
    /// The last four digits of the card she binds in section 4.
    card_last4: String,
}

fn main() -> DemoResult {
    let mut desk = open_desk()?;
    let dawn = at(6, 30)?;
    let local = dawn.with_timezone(&JAKARTA);
    println!(
        "walletcare support desk, {}, {} ({})",
        format_date(local.date_naive(), Locale::En),
        JAKARTA.name(),
        local.format("%Z, UTC%:z"),
    );
    let account = &desk.account;
    println!(
        "Customer: Siti Rahmawati, account {}, phone {}, born {}, identity {}, balance {}.",
        account.id(),
        account.phone(),
        account.birth_date().map_or_else(
            || "unknown".to_owned(),
            |d| d.format("%-d %B %Y").to_string()
        ),
        match account.verification() {
            VerificationLevel::Verified => "verified",
            VerificationLevel::Unverified => "not verified",
        },
        id_money(desk.ledger.balance()),
    );
    payment_fails(&mut desk)?;
    locked_out(&mut desk)?;
    phone_stolen(&mut desk)?;
    bind_card(&mut desk)?;
    let card_refund = refund_to_card(&mut desk)?;
    refund_to_wallet(&mut desk)?;
    let complaint = support_inbox(&desk)?;
    two_weeks_later(&desk, card_refund, complaint)?;
    chat_and_wait(&desk)?;
    println!();
    Ok(())
}

/// Siti's account as it stands at dawn: verified, a PIN, an email on file
/// and Rp25.000 in her wallet.
fn open_desk() -> DemoResult<Desk> {
    let dawn = at(6, 30)?;
    let mut account = Account::new(
        AccountId::new("siti-rahmawati")?,
        PhoneNumber::parse("0812-3456-7890")?,
    );
    account.set_verification(VerificationLevel::Verified, dawn)?;
    account.set_birth_date(NaiveDate::from_ymd_opt(1994, 8, 17), dawn)?;
    account.set_email(Some(EmailAddress::parse("siti.rahma@gmail.com")?), dawn)?;
    account.set_pin("270513", dawn)?;

    let mut ledger = Ledger::new(LedgerConfig::default(), VerificationLevel::Verified)?;
    let top_up = LedgerRequest::top_up(
        IdempotencyKey::new("app-topup-0641")?,
        TransactionId::new("TX-TOPUP-0641")?,
        rupiah(25_000)?,
    );
    ledger.apply(&top_up, &account.state_at(dawn), dawn)?;

    Ok(Desk {
        account,
        ledger,
        policy: CredentialPolicy::default(),
        calendar: BusinessCalendar::builtin(CalendarId::Indonesia),
        coffee: None,
        card_last4: String::new(),
    })
}

// ---------------------------------------------------------------------------
// 1. A QR payment fails
// ---------------------------------------------------------------------------

fn payment_fails(desk: &mut Desk) -> DemoResult {
    heading(1, "A QR payment fails at the coffee shop");
    let now = at(7, 48)?;
    let cafe = MerchantRef::new("M-KOPI-0231", "Kedai Kopi Senja")?;
    let price = rupiah(38_000)?;
    event(
        now,
        &format!(
            "Siti scans the QRIS code at {} to pay {}. Her balance is {}.",
            cafe.name.as_str(),
            id_money(price),
            id_money(desk.ledger.balance()),
        ),
    );

    let mut tx = Transaction::new(
        TransactionId::new("TX-QR-0748")?,
        TransactionKind::Payment {
            channel: PaymentChannel::Qr,
            merchant: cafe.clone(),
        },
        price,
        IdempotencyKey::new("app-qr-0748")?,
        now,
    )?;
    let request = LedgerRequest::for_transaction(&tx);
    let state = desk.account.state_at(now);
    let declined = refused(
        desk.ledger.apply(&request, &state, now),
        "a payment over balance",
    )?;
    detail(&format!("ledger: [{}] {declined}", declined.code()));
    let reason = declined
        .failure_reason()
        .ok_or("a ledger decline always carries a failure reason")?;
    tx.fail(reason, now)?;

    // The app's network hiccups and it sends the very same request again.
    let entries = desk.ledger.len();
    let again = refused(
        desk.ledger.apply(&request, &state, now),
        "a replayed payment",
    )?;
    detail(&format!(
        "The app retries with the same idempotency key: same answer [{}], ledger entries before {}, after {}, balance still {}.",
        again.code(),
        entries,
        desk.ledger.len(),
        id_money(desk.ledger.balance()),
    ));

    subheading("What the app tells her (diagnose):");
    let diagnosis = diagnose(&tx, &desk.account.state_at(now), now);
    for locale in [Locale::Id, Locale::ZhCn, Locale::En] {
        said(locale, &diagnosis.render_in(locale, JAKARTA));
    }

    // She follows step 1: tops up, then pays again (a new payment).
    let top_up_at = at(7, 50)?;
    let top_up = Transaction::new(
        TransactionId::new("TX-TOPUP-0750")?,
        TransactionKind::TopUp {
            source: TopUpSource::BankTransfer {
                bank: Name::new("BCA")?,
            },
        },
        rupiah(50_000)?,
        IdempotencyKey::new("app-topup-0750")?,
        top_up_at,
    )?;
    let receipt = desk.ledger.apply(
        &LedgerRequest::for_transaction(&top_up),
        &desk.account.state_at(top_up_at),
        top_up_at,
    )?;
    event(
        top_up_at,
        &format!(
            "She tops up {} by BCA transfer: balance {}.",
            id_money(receipt.change),
            id_money(receipt.balance_after)
        ),
    );

    let pay_at = at(7, 51)?;
    let mut coffee = Transaction::new(
        TransactionId::new("TX-QR-0751")?,
        TransactionKind::Payment {
            channel: PaymentChannel::Qr,
            merchant: cafe,
        },
        price,
        IdempotencyKey::new("app-qr-0751")?,
        pay_at,
    )?;
    let receipt = desk.ledger.apply(
        &LedgerRequest::for_transaction(&coffee),
        &desk.account.state_at(pay_at),
        pay_at,
    )?;
    coffee.succeed(pay_at)?;
    event(
        pay_at,
        &format!(
            "She scans again: paid {}, balance {} (ledger sequence #{}).",
            id_money(price),
            id_money(receipt.balance_after),
            receipt.sequence
        ),
    );
    desk.coffee = Some(coffee);
    Ok(())
}

// ---------------------------------------------------------------------------
// 2. Locked out, and back in with a one-time code
// ---------------------------------------------------------------------------

fn locked_out(desk: &mut Desk) -> DemoResult {
    heading(2, "Five wrong PINs, a lock, and a reset by one-time code");
    detail(
        "Siti, still sleepy, mistypes her PIN at breakfast. The host compares each attempt with \
         its stored hash and reports the result; walletcare counts:",
    );
    let mut locked_until = None;
    for minute in 0..5 {
        let when = at(9, minute)?;
        let outcome = desk
            .account
            .record_attempt(AttemptResult::Mismatched, &desk.policy, when)?;
        let text = match outcome {
            AttemptOutcome::Rejected { attempts_left } => {
                format!("wrong PIN, {}", plural(attempts_left, "attempt", "left"))
            }
            AttemptOutcome::LockedOut { until } => {
                locked_until = Some(until);
                format!("wrong PIN, account locked until {}", hhmm(until))
            }
            AttemptOutcome::Accepted => "accepted".to_owned(),
        };
        event(when, &format!("attempt {}: {text}", minute + 1));
    }
    let until = locked_until.ok_or("five wrong PINs lock the account")?;

    let now = at(9, 5)?;
    let err = refused(
        desk.account
            .record_attempt(AttemptResult::Matched, &desk.policy, now),
        "a PIN attempt while locked",
    )?;
    let AccountError::AccountLocked {
        until: refused_until,
    } = err
    else {
        return Err(format!("expected a locked account, got {err}").into());
    };
    event(
        now,
        &format!(
            "Even the right PIN is refused, and not counted: [{}] locked until {}.",
            err.code(),
            hhmm(refused_until)
        ),
    );

    // What the app shows for a payment declined by the lock.
    let mut breakfast = Transaction::new(
        TransactionId::new("TX-QR-0905")?,
        TransactionKind::Payment {
            channel: PaymentChannel::Qr,
            merchant: MerchantRef::new("M-BUBUR-0007", "Bubur Ayam Pak Haji")?,
        },
        rupiah(18_000)?,
        IdempotencyKey::new("app-qr-0905")?,
        now,
    )?;
    let state = desk.account.state_at(now);
    let declined = refused(
        desk.ledger
            .apply(&LedgerRequest::for_transaction(&breakfast), &state, now),
        "a payment from a locked account",
    )?;
    breakfast.fail(
        declined.failure_reason().ok_or("a decline has a reason")?,
        now,
    )?;
    subheading("The declined payment, as the app explains it:");
    said(
        Locale::Id,
        &diagnose(&breakfast, &state, now).render_in(Locale::Id, JAKARTA),
    );

    // Reset by one-time code, sent to the phone on file.
    let sent_at = at(9, 6)?;
    let code_from_host_rng = "482913";
    let mut challenge = desk.account.issue_challenge(
        ChallengePurpose::CredentialReset,
        ContactKind::Phone,
        code_from_host_rng,
        &desk.policy,
        sent_at,
    )?;
    event(
        sent_at,
        &format!(
            "She taps \"Forgot PIN\". The host draws a code from its random source; walletcare \
             sends it to the phone on file, {}, valid until {}, {} tries.",
            challenge.masked_destination(),
            hhmm(challenge.expires_at()),
            challenge.tries_left()
        ),
    );
    let typo = refused(challenge.verify("428913", at(9, 7)?), "a wrong code")?;
    detail(&format!("She types 428913: [{}] {typo}.", typo.code()));
    let mut proof = challenge.verify(code_from_host_rng, at(9, 7)?)?;
    detail("She types 482913: verified.");

    subheading("She picks a new PIN; the policy explains each refusal (id-ID):");
    let pick_at = at(9, 8)?;
    for (pin, why) in [("123456", "the obvious one"), ("170894", "her birthday")] {
        let err = refused(
            desk.account
                .complete_credential_reset(&mut proof, pin, None, &desk.policy, pick_at),
            "a weak PIN",
        )?;
        let AccountError::WeakPin(violations) = &err else {
            return Err(format!("expected a weak PIN, got {err}").into());
        };
        detail(&format!("{pin} ({why}): refused [{}]", err.code()));
        said(Locale::Id, &violations.render(Locale::Id));
    }
    desk.account
        .complete_credential_reset(&mut proof, "582914", None, &desk.policy, pick_at)?;
    detail(&format!(
        "582914: accepted. The lock (until {}) is lifted at {}: state {}, payments allowed: {}.",
        hhmm(until),
        hhmm(pick_at),
        desk.account.state_at(pick_at).kind(),
        yes_no(desk.account.can_send_money(pick_at).is_ok()),
    ));
    Ok(())
}

// ---------------------------------------------------------------------------
// 3. Phone stolen: freeze, identity checks, forced reset, check-up
// ---------------------------------------------------------------------------

fn phone_stolen(desk: &mut Desk) -> DemoResult {
    heading(3, "Her phone is stolen");
    let reported = at(10, 40)?;
    desk.account.report_stolen(reported)?;
    event(
        reported,
        "Siti calls the hotline from a colleague's phone. The agent reports the phone stolen: \
         the account is frozen at once.",
    );
    if let walletcare::account::AccountState::Frozen { reason, .. } =
        desk.account.state_at(reported)
    {
        said(
            Locale::Id,
            &format!("Alasan: {}", reason.render(Locale::Id)),
        );
        said(
            Locale::En,
            &format!("Reason: {}", reason.render(Locale::En)),
        );
    }

    let attempt_at = at(10, 52)?;
    let thief = Transaction::new(
        TransactionId::new("TX-TRF-1052")?,
        TransactionKind::Transfer {
            to: WalletId::new("+6285799001122")?,
        },
        rupiah(30_000)?,
        IdempotencyKey::new("app-trf-1052")?,
        attempt_at,
    )?;
    let declined = refused(
        desk.ledger.apply(
            &LedgerRequest::for_transaction(&thief),
            &desk.account.state_at(attempt_at),
            attempt_at,
        ),
        "a transfer from a frozen account",
    )?;
    event(
        attempt_at,
        &format!(
            "The thief tries to transfer {} out: declined [{}] {declined}. Balance still {}.",
            id_money(thief.amount()),
            declined.code(),
            id_money(desk.ledger.balance()),
        ),
    );

    // At a service point: identity checks before lifting the freeze.
    let checked_at = at(11, 20)?;
    let blurry = IdentityChecks {
        id_document: true,
        selfie: false,
        otp_or_security_questions: true,
    };
    let err = refused(
        desk.account.unfreeze(blurry, checked_at),
        "an unfreeze with a failed selfie",
    )?;
    event(
        checked_at,
        &format!(
            "At a service point her KTP checks out but the selfie is blurry: refused [{}] {err}.",
            err.code()
        ),
    );
    if let AccountError::IdentityNotVerified { missing } = &err {
        for check in missing {
            said(
                Locale::Id,
                &format!("Belum lolos: {}", check.render(Locale::Id)),
            );
        }
    }
    let unfrozen_at = at(11, 25)?;
    desk.account.unfreeze(
        IdentityChecks {
            selfie: true,
            ..blurry
        },
        unfrozen_at,
    )?;
    let gate = refused(
        desk.account.can_send_money(unfrozen_at),
        "a payment before the forced reset",
    )?;
    event(
        unfrozen_at,
        &format!(
            "A second selfie passes: state {}. Payments still wait for new credentials: [{}] {gate}.",
            desk.account.state_at(unfrozen_at).kind(),
            gate.code()
        ),
    );

    // Her new phone signs in; the check-up lists what to do, most urgent first.
    let new_phone = DeviceId::new("dev-redmi-note13-7f2c")?;
    desk.account
        .record_device(new_phone.clone(), "Redmi Note 13", unfrozen_at)?;
    let flagged = RecentActivity::new(vec![thief.id().as_str().to_owned()])?;
    let items = security_checkup(&desk.account, &desk.policy, unfrozen_at, &flagged);
    subheading(&format!(
        "Security check-up on her new phone ({} items):",
        items.len()
    ));
    for (i, item) in items.iter().enumerate() {
        said(
            Locale::Id,
            &format!("{}. {}", i + 1, item.render(Locale::Id)),
        );
        said(
            Locale::En,
            &format!("{}. {}", i + 1, item.render(Locale::En)),
        );
    }

    // Her SIM is in the thief's pocket, so the code goes to her email.
    let sent_at = at(11, 30)?;
    let mut challenge = desk.account.issue_challenge(
        ChallengePurpose::CredentialReset,
        ContactKind::Email,
        "905127",
        &desk.policy,
        sent_at,
    )?;
    let mut proof = challenge.verify("905127", at(11, 31)?)?;
    let done_at = at(11, 32)?;
    desk.account
        .complete_credential_reset(&mut proof, "804216", None, &desk.policy, done_at)?;
    desk.account.enable_two_factor(done_at)?;
    desk.account.set_device_trusted(&new_phone, true, done_at)?;
    let left = security_checkup(&desk.account, &desk.policy, done_at, &flagged);
    event(
        sent_at,
        &format!(
            "Her SIM is with the thief, so the code goes to her email on file, {}.",
            challenge.masked_destination()
        ),
    );
    event(
        done_at,
        &format!(
            "New PIN set, two-step verification on, new phone trusted. Payments allowed: {}. \
             Check-up items left: {}.",
            yes_no(desk.account.can_send_money(done_at).is_ok()),
            left.len()
        ),
    );
    for item in &left {
        said(Locale::En, &item.render(Locale::En));
    }
    Ok(())
}

// ---------------------------------------------------------------------------
// 4. Binding a bank card
// ---------------------------------------------------------------------------

fn bind_card(desk: &mut Desk) -> DemoResult {
    heading(4, "Binding a new BCA card");
    let now = at(13, 30)?;
    let typed = |number: &str, expiry: &str| CardInput {
        number: number.to_owned(),
        holder_name: "Siti Rahmawati".to_owned(),
        expiry: expiry.to_owned(),
        cvv: "731".to_owned(),
    };

    event(now, "Siti adds her BCA Visa debit card in the app.");
    for (number, expiry, what) in [
        ("4556 3300 1234 5695", "08/30", "a typo in the number"),
        (
            "4556 3300 1234 5675",
            "11/26",
            "her old card, expired last month",
        ),
    ] {
        let err = refused(validate(typed(number, expiry), now), what)?;
        detail(&format!(
            "{number}, {expiry} ({what}): refused [{}]",
            err.code()
        ));
        said(Locale::Id, &err.render(Locale::Id));
        said(Locale::En, &err.render(Locale::En));
    }

    let full_number = "4556 3300 1234 5675";
    let card = validate(typed(full_number, "08/30"), now)?;
    let masked = card.masked_number().clone();
    let stored = serde_json::to_string(&card)?;
    let digits: String = full_number.chars().filter(char::is_ascii_digit).collect();
    detail(&format!(
        "{full_number}, 08/30: valid {} card {}, holder {}.",
        card.brand().display_name(),
        masked.as_str(),
        card.holder_name().as_str(),
    ));
    detail(
        "The CVV was checked (3 digits for Visa) and dropped: the validated card has no field for \
         the number or the CVV. What the wallet stores:",
    );
    println!("{}{stored}", " ".repeat(INDENT + 2));
    detail(&format!(
        "Stored form contains the full number: {}; a CVV field: {}.",
        yes_no(stored.contains(&digits)),
        yes_no(stored.contains("cvv")),
    ));

    // The PCI vault tokenises the number and returns a fingerprint.
    let fingerprint = CardFingerprint::new("fp_9c41e07b2d5a")?;
    let policy = CardPolicy::default();
    let id = desk
        .account
        .bind_card(card, fingerprint.clone(), &policy, now)?;
    detail(&format!("Bound as card #{id}."));

    let twice_at = at(13, 31)?;
    let again = validate(typed(full_number, "08/30"), twice_at)?;
    let err = refused(
        desk.account
            .bind_card(again, fingerprint, &policy, twice_at),
        "the same card twice",
    )?;
    event(
        twice_at,
        &format!(
            "She taps \"Add\" again: same vault fingerprint, refused [{}] {err}.",
            err.code()
        ),
    );
    said(Locale::Id, &err.render(Locale::Id));
    desk.card_last4 = masked.last_four().to_owned();
    Ok(())
}

// ---------------------------------------------------------------------------
// 5. Refunds: to the card (with an SLA over Christmas), and to the wallet
// ---------------------------------------------------------------------------

/// A refund to a card, approved and waiting for the bank's payout.
struct CardRefund {
    book: RefundBook,
    id: RefundId,
    due: RefundDue,
}

fn refund_to_card(desk: &mut Desk) -> DemoResult<CardRefund> {
    heading(5, "Refunds: to her card over Christmas, and to her wallet");
    subheading("(a) Sneakers paid by card, refunded to the card.");
    let paid_at = at(14, 5)?;
    let card = RefundDestination::Card {
        bank: BankCode::BCA,
        last4: desk.card_last4.parse()?,
    };
    let payment = CapturedPayment {
        transaction_id: "TX-ONL-1405".parse()?,
        order_number: "INV/20261223/SLB/0042".parse()?,
        amount: rupiah(459_000)?,
        paid_at,
        method: card,
    };
    event(
        paid_at,
        &format!(
            "Siti orders sneakers from Sepatu Lokal Bandung, order {}, {} paid with her {}.",
            payment.order_number.as_str(),
            id_money(payment.amount),
            card.render(Locale::En),
        ),
    );
    event(
        at(14, 20)?,
        "The shop cancels the order: out of stock in her size.",
    );
    let mut book = RefundBook::new(payment.clone(), RefundPolicy::default())?;

    // First try: the wrong reason, too much, and to her wallet instead.
    let asked_at = at(14, 30)?;
    let hasty = RefundRequest::new(
        payment.order_number.clone(),
        payment.transaction_id.clone(),
        paid_at,
        RefundAmount::Partial {
            amount: rupiah(500_000)?,
        },
        RefundReason::NotAsDescribed,
        None,
    )?
    .with_destination(RefundDestination::WalletBalance);
    let err = refused(
        book.submit("app-rf-1430".parse()?, hasty, asked_at),
        "an ineligible refund request",
    )?;
    let RefundError::NotEligible { problems } = &err else {
        return Err(format!("expected an ineligible request, got {err}").into());
    };
    event(
        asked_at,
        &format!(
            "She asks for {} back to her wallet as \"{}\": refused [{}], {} problems, all listed:",
            id_money(rupiah(500_000)?),
            RefundReason::NotAsDescribed.render(Locale::En),
            err.code(),
            problems.len()
        ),
    );
    for problem in problems {
        said(Locale::Id, &problem.render(Locale::Id));
        said(Locale::En, &problem.render(Locale::En));
    }

    let request = RefundRequest::new(
        payment.order_number.clone(),
        payment.transaction_id.clone(),
        paid_at,
        RefundAmount::Full,
        RefundReason::Cancelled,
        None,
    )?;
    let eligibility = book.check(&request, at(14, 32)?);
    let submitted = book.submit("app-rf-1432".parse()?, request, at(14, 32)?)?;
    event(
        at(14, 32)?,
        &format!(
            "Second try, full amount, \"{}\", to the original card: eligible {}, refund {} {}.",
            RefundReason::Cancelled.render(Locale::En),
            yes_no(eligibility.eligible),
            submitted.id,
            submitted.status
        ),
    );
    book.apply(submitted.id, RefundAction::StartReview, at(15, 0)?)?;
    book.apply(submitted.id, RefundAction::Approve, at(15, 30)?)?;
    let refund = book.get(submitted.id).ok_or("the refund just submitted")?;
    subheading("Its history:");
    for move_ in &refund.history {
        detail(&format!(
            "{}  {:<13} {}",
            hhmm(move_.at),
            move_.to.as_str(),
            move_.to.render(Locale::Id)
        ));
    }

    // The SLA: business days on the Indonesian calendar.
    let sla = RefundSlaPolicy::default();
    let due = sla
        .due_for(&desk.calendar, refund)?
        .ok_or("an approved refund has an SLA")?;
    subheading(&format!(
        "SLA: {} business days for a BCA card, due by the end of {}:",
        due.business_days,
        format_date(due.due_date, Locale::En)
    ));
    for locale in [Locale::Id, Locale::ZhCn, Locale::En] {
        said(locale, &due.render(locale));
    }

    Ok(CardRefund {
        book,
        id: submitted.id,
        due,
    })
}

fn refund_to_wallet(desk: &mut Desk) -> DemoResult {
    subheading("(b) The morning coffee, refunded to her wallet and credited exactly once.");
    let coffee = desk
        .coffee
        .clone()
        .ok_or("the coffee was paid in section 1")?;
    let now = at(16, 10)?;
    let payment = CapturedPayment {
        transaction_id: coffee.id().as_str().parse()?,
        order_number: "KKS-0751".parse()?,
        amount: coffee.amount(),
        paid_at: coffee.created_at(),
        method: RefundDestination::WalletBalance,
    };
    // The café approves small refunds automatically.
    let policy = RefundPolicy {
        auto_approve_below: Some(rupiah(100_000)?),
        ..RefundPolicy::default()
    };
    let mut book = RefundBook::new(payment.clone(), policy)?;
    let request = RefundRequest::new(
        payment.order_number.clone(),
        payment.transaction_id.clone(),
        payment.paid_at,
        RefundAmount::Full,
        RefundReason::Cancelled,
        None,
    )?;
    let key = "cafe-rf-kks-0751";
    let submitted = book.submit(key.parse()?, request, now)?;
    let refund = book.get(submitted.id).ok_or("the coffee refund")?;
    let due = RefundSlaPolicy::default()
        .due_for(&desk.calendar, refund)?
        .ok_or("an approved refund has an SLA")?;
    event(
        now,
        &format!(
            "Closing its day, the café finds that its espresso machine broke before Siti's drink \
             was made and refunds {} from its dashboard. Auto-approved (below the café's \
             threshold): {}.",
            id_money(refund.amount),
            yes_no(submitted.auto_approved),
        ),
    );
    said(Locale::En, &due.render(Locale::En));

    // The credit goes to the ledger under the refund's own idempotency key.
    let credit_key = IdempotencyKey::new(key)?;
    let state = desk.account.state_at(now);
    let before = desk.ledger.balance();
    let first = desk.ledger.credit_refund(
        credit_key.clone(),
        coffee.id().clone(),
        refund.amount,
        &state,
        now,
    )?;
    detail(&format!(
        "Credit: {} -> {} (ledger sequence #{}).",
        id_money(before),
        id_money(first.balance_after),
        first.sequence
    ));
    let replay = desk.ledger.credit_refund(
        credit_key,
        coffee.id().clone(),
        refund.amount,
        &state,
        at(16, 11)?,
    )?;
    detail(&format!(
        "The payout worker crashes and replays the credit: same receipt: {}, balance {}.",
        yes_no(replay == first),
        id_money(desk.ledger.balance())
    ));
    let err = refused(
        desk.ledger.credit_refund(
            IdempotencyKey::new("cafe-rf-kks-0751-retry")?,
            coffee.id().clone(),
            refund.amount,
            &state,
            at(16, 12)?,
        ),
        "a second credit under a new key",
    )?;
    detail(&format!(
        "A second credit under a new key is refused: [{}] {err}. Balance {}.",
        err.code(),
        id_money(desk.ledger.balance())
    ));
    book.apply(submitted.id, RefundAction::StartProcessing, now)?;
    book.apply(submitted.id, RefundAction::Complete, now)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// 6. The support inbox: triage, tickets and SLA clocks
// ---------------------------------------------------------------------------

/// A message arriving at the support inbox.
struct Message {
    from: &'static str,
    at: DateTime<Utc>,
    channel: Channel,
    text: &'static str,
}

fn support_inbox(desk: &Desk) -> DemoResult<Ticket> {
    heading(
        6,
        "Three messages, three languages: triage, tickets and SLA clocks",
    );
    let calendar = &desk.calendar;
    let policy = SlaPolicy::default();
    // The host's ticket counter for the local day (a table keyed by date).
    let mut today = 1286;
    let mut next = |_day| {
        today += 1;
        today
    };

    let mut chat = open_ticket(
        calendar,
        &mut next,
        &Message {
            from: "Li Wei, an exchange student in Jakarta",
            at: at(16, 30)?,
            channel: Channel::Chat,
            text: "你好，我刚才在 Indomaret 用钱包扫码付了 Rp 85.000，页面显示支付失败，但是余额已经扣了。\
               交易号 TRX2026122316281，请尽快处理！",
        },
    )?;
    let mut app = open_ticket(
        calendar,
        &mut next,
        &Message {
            from: "Siti Rahmawati",
            at: at(16, 36)?,
            channel: Channel::InApp,
            text: "Kak, refund sepatu saya Rp459.000 ke kartu BCA kapan masuk ya? Pesanannya dibatalkan \
               toko, no pesanan INV/20261223/SLB/0042",
        },
    )?;
    let mut email = open_ticket(
        calendar,
        &mut next,
        &Message {
            from: "Daniel Hartono",
            at: at(16, 45)?,
            channel: Channel::Email,
            text: "This is the third time I am writing about my withdrawal of Rp 2.000.000 to my \
               Mandiri account on 18 December. Nobody answers. I want to file a formal complaint.",
        },
    )?;

    subheading(&format!(
        "The clocks: default policy, business hours {} on the Indonesian calendar, urgent \
         tickets on the wall clock.",
        business_hours(calendar)
    ));
    // Li Wei: answered at once, then asked for a receipt, which pauses the clocks.
    chat.respond(at(16, 31)?)?;
    chat.await_customer(at(16, 33)?)?;
    event(
        at(16, 33)?,
        &format!(
            "{}: an agent answers Li Wei at 16:31 and asks for a screenshot of the receipt.",
            chat.number()
        ),
    );

    // Daniel: the formal complaint raises the priority and starts the
    // regulator's clock; the host's scheduler escalates breaches.
    email.file_complaint(at(16, 45)?, ComplaintKind::FormalWritten)?;
    event(
        at(16, 45)?,
        &format!(
            "{}: logged as a formal written complaint, priority raised to {}.",
            email.number(),
            wire_name!(email.priority())
        ),
    );
    let mut escalated = None;
    for minute in [0, 15, 16] {
        let check = at(17, minute)?;
        if let Some(level) = email.escalate_on_breach(check, &policy, calendar)? {
            escalated = Some((check, level));
            break;
        }
    }
    let (check, level) = escalated.ok_or("nobody answered Daniel within 30 minutes")?;
    event(
        check,
        &format!(
            "The scheduler finds nobody has answered Daniel: escalated to {}.",
            level.render(Locale::En).to_lowercase()
        ),
    );
    said(
        Locale::En,
        &email
            .sla(check, &policy, calendar)?
            .explain(JAKARTA)
            .render(Locale::En),
    );
    email.respond(at(17, 20)?)?;
    email.await_third_party(at(17, 25)?)?;
    event(
        at(17, 25)?,
        "A supervisor answers Daniel at 17:20 and asks Bank Mandiri to trace the transfer.",
    );

    let evening = at(21, 0)?;
    event(evening, "Evening check of the open tickets:");
    detail(&format!("{} (Li Wei):", chat.number()));
    said(
        Locale::En,
        &chat
            .sla(evening, &policy, calendar)?
            .explain(JAKARTA)
            .render(Locale::En),
    );
    detail(&format!(
        "{} (Siti), not answered yet; the desk is closed for Christmas and the cuti bersama:",
        app.number()
    ));
    said(
        Locale::Id,
        &app.sla(evening, &policy, calendar)?
            .explain(JAKARTA)
            .render(Locale::Id),
    );

    let resolved = jakarta(2026, 12, 24, 9, 40)?;
    chat.customer_reply(jakarta(2026, 12, 24, 9, 10)?)?;
    chat.respond(jakarta(2026, 12, 24, 9, 30)?)?;
    chat.resolve(resolved)?;
    let report = chat.sla(resolved, &policy, calendar)?;
    detail(&format!(
        "{}: Li Wei sends the screenshot at 09:10, the debit is reversed and the ticket resolved \
         (what Li Wei sees: {}).",
        long_time(resolved),
        report.status.render(Locale::ZhCn),
    ));
    said(Locale::En, &report.explain(JAKARTA).render(Locale::En));

    let answered = jakarta(2026, 12, 28, 10, 5)?;
    app.respond(answered)?;
    app.resolve(answered)?;
    detail(&format!(
        "{}: the desk reopens; an agent sends Siti her refund's SLA explanation and resolves \
         the ticket, within its 4 business hours:",
        long_time(answered)
    ));
    said(
        Locale::Id,
        &app.sla(answered, &policy, calendar)?
            .explain(JAKARTA)
            .render(Locale::Id),
    );
    protect_conversation()?;
    Ok(email)
}

/// Two messages checked on the phone before they are sent: one pastes
/// secrets, one reports a scam.
fn protect_conversation() -> DemoResult {
    let policy = RedactPolicy::default();
    let scam = ScamConfig::default();
    subheading(
        "Before a message leaves the phone: secrets masked, scams flagged (redact, warnings).",
    );
    let pasted = "Kak tolong cek refund saya, kartu 4111 1111 1111 1111 cvv 123, \
                  kode OTP nya 482913, no pesanan INV/20261223/SLB/0042";
    let r = redact(pasted, &policy);
    event(
        jakarta(2026, 12, 28, 10, 20)?,
        "Siti starts typing a follow-up that pastes her card, its CVV and a one-time code:",
    );
    detail(&format!("typed:    {pasted}"));
    detail(&format!("sent as:  {}", r.redacted));
    detail(&format!(
        "findings: {}",
        r.findings
            .iter()
            .map(|f| format!("{} \"{}\"", f.kind, f.masked))
            .collect::<Vec<_>>()
            .join(", ")
    ));
    for w in warnings(pasted, &scam) {
        said(Locale::Id, &w.render(Locale::Id));
    }
    let report = "Tadi ada yang telpon ngaku dari CS, minta kode OTP saya, katanya saldo dibekukan \
                  dan harus bayar biaya admin dulu supaya cair, linknya gopay-promo.xyz";
    event(
        jakarta(2026, 12, 28, 10, 25)?,
        &format!("Another customer writes: \u{201c}{report}\u{201d}"),
    );
    let t = triage(report, Some(Channel::Chat));
    detail(&format!(
        "triage: {}, priority {} (a reported scam is an account-security case by rule)",
        wire_name!(t.category),
        wire_name!(t.priority)
    ));
    for w in warnings(report, &scam) {
        detail(&format!("warning {}:", w.code));
        said(Locale::Id, &w.render(Locale::Id));
    }
    Ok(())
}

/// Triages a message and opens its ticket.
fn open_ticket(
    calendar: &BusinessCalendar,
    next: &mut impl FnMut(NaiveDate) -> u64,
    message: &Message,
) -> DemoResult<Ticket> {
    let result = triage(message.text, Some(message.channel));
    event(
        message.at,
        &format!(
            "{} ({}):",
            message.from,
            message.channel.render(Locale::En).to_lowercase()
        ),
    );
    said(
        result.language.locale(),
        &format!("\u{201c}{}\u{201d}", message.text),
    );
    detail(&format!(
        "triage: {}, priority {}, language {}, confidence {:.0}%{}",
        result.category,
        wire_name!(result.priority),
        result.language,
        result.confidence * 100.0,
        if result.urgency_cues.is_empty() {
            String::new()
        } else {
            format!(" (urgency cues: {})", wire_name!(result.urgency_cues))
        },
    ));
    let entities: Vec<String> = result
        .entities
        .iter()
        .map(|e| Ok(format!("{} \u{201c}{}\u{201d}", wire_name!(e.kind), e.text)))
        .collect::<DemoResult<_>>()?;
    detail(&format!("entities: {}", entities.join(", ")));
    let answer = &result.answer;
    let shown = 2.min(answer.steps.len());
    let mut text = answer.title.clone();
    for (i, step) in answer.steps.iter().take(shown).enumerate() {
        text.push_str(&format!("\n{}. {step}", i + 1));
    }
    if answer.steps.len() > shown {
        text.push_str(&format!("\n(+{} more steps)", answer.steps.len() - shown));
    }
    detail("self-service answer, sent at once:");
    said(answer.locale, &text);

    let number = TicketNumber::next_for(calendar, message.at, next)?;
    let opened = Ticket::from_triage(
        number,
        &result,
        message.text,
        TicketRules::default(),
        message.at,
    )?;
    if !opened.missing_info.is_empty() {
        detail(&format!(
            "still to ask for: {}",
            wire_name!(opened.missing_info)
        ));
    }
    let ticket = opened.ticket;
    detail(&format!(
        "ticket {number} opened: {}, {}, {}",
        ticket.state().category,
        wire_name!(ticket.priority()),
        ticket.status().render(Locale::En).to_lowercase()
    ));
    Ok(ticket)
}

/// `09:00-12:00, 13:00-18:00`.
fn business_hours(calendar: &BusinessCalendar) -> String {
    calendar
        .business_hours()
        .iter()
        .map(|p| format!("{}-{}", p.start, p.end))
        .collect::<Vec<_>>()
        .join(", ")
}

// ---------------------------------------------------------------------------
// 7. Two weeks later
// ---------------------------------------------------------------------------

fn two_weeks_later(desk: &Desk, mut card: CardRefund, mut complaint: Ticket) -> DemoResult {
    heading(7, "Two weeks later");
    let policy = SlaPolicy::default();

    let resolved = jakarta(2027, 1, 5, 14, 0)?;
    complaint.resolve(resolved)?;
    detail(&format!(
        "{}: Daniel's withdrawal is traced to a bank reversal and his complaint {} is resolved.",
        long_time(resolved),
        complaint.number()
    ));
    let report = complaint.sla(resolved, &policy, &desk.calendar)?;
    said(Locale::En, &report.explain(JAKARTA).render(Locale::En));
    let regulator_met = report
        .regulatory
        .iter()
        .all(|r| matches!(r.status, RegulatoryStatus::Met { .. }));
    detail(&format!(
        "Internal resolution target missed: {}. OJK deadline met: {}. The notice Daniel gets \
         (id-ID):",
        yes_no(report.resolution.status.is_breached()),
        yes_no(regulator_met),
    ));
    for regulatory in &report.regulatory {
        said(Locale::Id, &regulatory.render(Locale::Id));
    }

    let later = jakarta(2027, 1, 7, 9, 0)?;
    detail(&format!(
        "{}: BCA has not paid out Siti's sneakers refund yet. Where it stands against its SLA:",
        long_time(later)
    ));
    let status = card.due.status(later, None);
    for locale in [Locale::Id, Locale::ZhCn, Locale::En] {
        said(locale, &status.render(locale));
    }
    let paid_out = jakarta(2027, 1, 7, 11, 40)?;
    card.book
        .apply(card.id, RefundAction::StartProcessing, later)?;
    card.book.apply(card.id, RefundAction::Complete, paid_out)?;
    let refund = card.book.get(card.id).ok_or("the refund just completed")?;
    let done = card.due.status(paid_out, refund.completed_at());
    detail(&format!(
        "{}: BCA confirms the payout. Refund {}; SLA: {}.",
        hhmm(paid_out),
        refund.status,
        done.render(Locale::En).to_lowercase()
    ));
    Ok(())
}

// ---------------------------------------------------------------------------
// 8. A chat conversation, and where to wait least
// ---------------------------------------------------------------------------

/// Siti writes to the in-app chat about a top-up that never arrived:
/// intake triages it, asks for what is missing one question at a time,
/// reads two fields from one answer, and opens a ticket. Then the desk
/// tells her how long each channel would make her wait.
fn chat_and_wait(desk: &Desk) -> DemoResult {
    heading(8, "A chat conversation, and where to wait least");
    let start = jakarta(2027, 1, 7, 19, 40)?;
    let mut intake = Intake::new(IntakeConfig {
        channel: Channel::Chat,
        calendar: CalendarId::Indonesia,
        ticket_sequence: 88,
        locale: None,
    })?;
    let messages = [
        "min, saya transfer tapi pembayaran gagal dan saldo kepotong",
        "TRX20270107554433",
        "Rp 150rb tadi jam 19.15",
        "pakai saldo",
    ];
    let mut opened = None;
    for (i, message) in messages.iter().enumerate() {
        let now = start + chrono::Duration::minutes(i64::try_from(i)? * 2);
        let step = intake.step(message, now)?;
        event(now, &format!("Siti: \"{message}\""));
        said(step.locale, &step.reply);
        let missing: Vec<String> = step.missing.iter().map(|f| f.render(Locale::En)).collect();
        detail(&format!(
            "state {}; still missing: {}",
            json_name(serde_json::to_value(step.state)?),
            if missing.is_empty() {
                "nothing".to_owned()
            } else {
                missing.join(", ")
            }
        ));
        if step.ticket.is_some() {
            opened = step.ticket;
            break;
        }
    }
    let ticket = opened.ok_or("the conversation should end with a ticket")?;
    detail(&format!(
        "Ticket {} ({}, {}): {} fields gathered, {} transcript turns kept for the agent.",
        ticket.number,
        json_name(serde_json::to_value(ticket.category)?),
        json_name(serde_json::to_value(ticket.priority)?),
        ticket.fields.len(),
        ticket.transcript.len()
    ));
    for field in &ticket.fields {
        detail(&format!(
            "  {}: {}",
            field.field.render(Locale::En),
            field.text.as_deref().unwrap_or("(mentioned)")
        ));
    }

    let now = start + chrono::Duration::minutes(10);
    let setups = [
        ChannelSetup {
            channel: Channel::Hotline,
            hours: ChannelHours::Business,
            workload: Some(Workload::new(290.0, 300.0, 25, None)?),
        },
        ChannelSetup {
            channel: Channel::Chat,
            hours: ChannelHours::Always,
            workload: Some(Workload::new(230.0, 420.0, 25, Some(600.0))?),
        },
        ChannelSetup {
            channel: Channel::Email,
            hours: ChannelHours::Always,
            workload: None,
        },
    ];
    subheading(&format!(
        "{}: how long would she wait? Hotline 290 calls/h, 5 min each, 25 agents (Erlang C, \
         business hours); chat 230 chats/h, 7 min each, 25 agents, 10 min average patience \
         (Erlang A, around the clock); email on its SLA.",
        long_time(now)
    ));
    let advice = recommend(
        &setups,
        ticket.category,
        ticket.priority,
        now,
        &desk.calendar,
        &SlaPolicy::default(),
    )?;
    for locale in [Locale::Id, Locale::ZhCn, Locale::En] {
        said(locale, &advice.render(locale));
    }
    let hotline = Workload::new(290.0, 300.0, 25, None)?;
    let staffing = agents_for_target(290.0, 300.0, None, ServiceTarget::new(0.8, 20.0)?)?;
    let m = hotline.metrics(Some(20.0))?;
    detail(&format!(
        "Hotline tomorrow: {:.0}% of callers wait, {:.0} s on average, {:.0}% answered within \
         20 s; {staffing} agents would answer 80% within 20 s.",
        m.wait_probability * 100.0,
        m.average_wait_seconds.unwrap_or(f64::NAN),
        m.service_level.unwrap_or(0.0) * 100.0,
    ));
    Ok(())
}

/// The JSON name of a value: `ticket_opened` for `IntakeState::TicketOpened`.
fn json_name(value: serde_json::Value) -> String {
    value.as_str().unwrap_or_default().to_owned()
}

// ---------------------------------------------------------------------------
// Helpers: time, money, and printing
// ---------------------------------------------------------------------------

/// An instant on 23 December 2026, Jakarta time.
fn at(hour: u32, minute: u32) -> DemoResult<DateTime<Utc>> {
    jakarta(2026, 12, 23, hour, minute)
}

/// An instant given in Jakarta wall-clock time.
fn jakarta(year: i32, month: u32, day: u32, hour: u32, minute: u32) -> DemoResult<DateTime<Utc>> {
    let local = JAKARTA
        .with_ymd_and_hms(year, month, day, hour, minute, 0)
        .single()
        .ok_or("not a valid Jakarta time")?;
    Ok(local.with_timezone(&Utc))
}

/// `Tuesday, 5 January 2027, 14:00 WIB`.
fn long_time(t: DateTime<Utc>) -> String {
    let date = format_date(t.with_timezone(&JAKARTA).date_naive(), Locale::En);
    format!("{date}, {}", hhmm(t))
}

/// `09:30 WIB`.
fn hhmm(t: DateTime<Utc>) -> String {
    t.with_timezone(&JAKARTA).format("%H:%M %Z").to_string()
}

fn rupiah(major: i64) -> DemoResult<Money> {
    Ok(Money::from_major(major, Currency::Idr)?)
}

/// `Rp38.000`, the way the app writes it.
fn id_money(m: Money) -> String {
    m.format(Locale::Id)
}

/// `1 attempt left`, `4 attempts left`.
fn plural(n: u32, noun: &str, rest: &str) -> String {
    let s = if n == 1 { "" } else { "s" };
    format!("{n} {noun}{s} {rest}")
}

/// The JSON names of a value: `["urgent"]` for `Priority::Urgent`,
/// `["urgent", "money_lost"]` for a list of urgency cues.
fn json_names(value: serde_json::Value) -> Vec<String> {
    match value {
        serde_json::Value::String(name) => vec![name],
        serde_json::Value::Array(items) => items.into_iter().flat_map(json_names).collect(),
        other => vec![other.to_string()],
    }
}

fn yes_no(b: bool) -> &'static str {
    if b { "yes" } else { "no" }
}

/// The error of a call the story expects to be refused.
fn refused<T, E: Error + 'static>(result: Result<T, E>, what: &str) -> DemoResult<E> {
    match result {
        Ok(_) => Err(format!("expected walletcare to refuse {what}, but it accepted").into()),
        Err(e) => Ok(e),
    }
}

const WIDTH: usize = 100;
const INDENT: usize = 11;

fn heading(number: u32, title: &str) {
    let line = format!("{number}. {title}");
    println!("\n{line}\n{}", "=".repeat(line.chars().count()));
}

fn subheading(text: &str) {
    print_wrapped(&" ".repeat(INDENT), &" ".repeat(INDENT), text);
}

/// A timestamped event: `07:48 WIB  …`.
fn event(t: DateTime<Utc>, text: &str) {
    let stamp = format!("{:<width$}", hhmm(t), width = INDENT);
    print_wrapped(&stamp, &" ".repeat(INDENT), text);
}

/// A line under the current event.
fn detail(text: &str) {
    print_wrapped(&" ".repeat(INDENT), &" ".repeat(INDENT), text);
}

/// Text shown to the user, labelled with its locale.
fn said(locale: Locale, text: &str) {
    let label = format!("{}{:<7}", " ".repeat(INDENT + 2), locale.as_str());
    let rest = " ".repeat(INDENT + 2 + 7);
    for (i, paragraph) in text.lines().enumerate() {
        print_wrapped(if i == 0 { &label } else { &rest }, &rest, paragraph);
    }
}

/// Prints `text` wrapped to `WIDTH` columns, counting CJK characters as two
/// columns and breaking between them where there are no spaces.
fn print_wrapped(first: &str, rest: &str, text: &str) {
    let mut line = first.to_owned();
    let mut width = first.chars().count();
    let mut start = width;
    for (spaces, word) in words(text) {
        let word_width: usize = word.chars().map(columns).sum();
        let gap = if width > start { spaces } else { 0 };
        if width > start && width + gap + word_width > WIDTH {
            println!("{line}");
            line = rest.to_owned();
            width = rest.chars().count();
            start = width;
        } else {
            line.push_str(&" ".repeat(gap));
            width += gap;
        }
        line.push_str(&word);
        width += word_width;
    }
    println!("{line}");
}

/// Words with the number of spaces before each. Every CJK character is a
/// word of its own, except that opening brackets stay with the character
/// after them and closing punctuation with the character before.
fn words(text: &str) -> Vec<(usize, String)> {
    const OPENING: &str = "（「『《“";
    const CLOSING: &str = "，。；：、！？）」』》”";
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut word = String::new();
    let mut spaces = 0;
    for c in text.chars() {
        let opened = word.chars().last().is_some_and(|l| OPENING.contains(l));
        if c == ' ' {
            if !word.is_empty() {
                out.push((spaces, std::mem::take(&mut word)));
                spaces = 0;
            }
            spaces += 1;
        } else if columns(c) == 1 {
            word.push(c);
        } else if opened {
            word.push(c);
            out.push((spaces, std::mem::take(&mut word)));
            spaces = 0;
        } else {
            if !word.is_empty() {
                out.push((spaces, std::mem::take(&mut word)));
                spaces = 0;
            }
            match out.last_mut() {
                Some((_, last)) if CLOSING.contains(c) && spaces == 0 => last.push(c),
                _ if OPENING.contains(c) => word.push(c),
                _ => {
                    out.push((spaces, c.to_string()));
                    spaces = 0;
                }
            }
        }
    }
    if !word.is_empty() {
        out.push((spaces, word));
    }
    out
}

/// Terminal columns of a character: two for CJK and full-width forms.
fn columns(c: char) -> usize {
    match c {
        '\u{1100}'..='\u{115F}'
        | '\u{2E80}'..='\u{A4CF}'
        | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}'
        | '\u{FE30}'..='\u{FE4F}'
        | '\u{FF00}'..='\u{FF60}'
        | '\u{FFE0}'..='\u{FFE6}' => 2,
        _ => 1,
    }
}
