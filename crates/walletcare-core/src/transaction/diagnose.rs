//! Diagnosis of failed and stuck transactions: the likely cause and ordered
//! next steps, rendered in every locale.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, NaiveTime, TimeDelta, TimeZone, Utc};
use chrono_tz::Tz;
use serde::{Deserialize, Serialize};

use super::text::{local_date, money_text, time_text, zone_name};
use super::{
    FailureReason, LimitKind, MerchantRef, PaymentChannel, SupportCategory, Transaction,
    TransactionId, TransactionKind, TransactionState,
};
use crate::account::{AccountState, FreezeReason, VerificationLevel};
use crate::locale::{Locale, Render};
use crate::money::Money;

// ---------------------------------------------------------------------------
// Policy
// ---------------------------------------------------------------------------

/// How long a stuck pending transaction waits for its automatic reversal, in
/// hours, by kind.
///
/// The defaults follow the "1x24 jam" promise common for Indonesian QRIS and
/// e-wallet payments, and two days ("2x24 jam") for withdrawals to banks.
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::ReversalWindows;
/// let windows = ReversalWindows::default();
/// assert_eq!(windows.qr_payment_hours, 24);
/// assert_eq!(windows.withdrawal_hours, 48);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct ReversalWindows {
    /// QR (QRIS) payments.
    pub qr_payment_hours: u32,
    /// Online payments.
    pub online_payment_hours: u32,
    /// Transfers to other wallets.
    pub transfer_hours: u32,
    /// Top-ups (money returned to the source).
    pub top_up_hours: u32,
    /// Withdrawals to bank accounts.
    pub withdrawal_hours: u32,
}

impl Default for ReversalWindows {
    fn default() -> Self {
        ReversalWindows {
            qr_payment_hours: 24,
            online_payment_hours: 24,
            transfer_hours: 24,
            top_up_hours: 24,
            withdrawal_hours: 48,
        }
    }
}

impl ReversalWindows {
    fn hours_for(&self, kind: &TransactionKind) -> u32 {
        match kind {
            TransactionKind::Payment {
                channel: PaymentChannel::Qr,
                ..
            } => self.qr_payment_hours,
            TransactionKind::Payment {
                channel: PaymentChannel::Online,
                ..
            } => self.online_payment_hours,
            TransactionKind::Transfer { .. } => self.transfer_hours,
            TransactionKind::TopUp { .. } => self.top_up_hours,
            TransactionKind::Withdrawal { .. } => self.withdrawal_hours,
        }
    }
}

/// The thresholds and time zone [`diagnose_with`] uses.
///
/// `zone` defines the "day" and "month" of daily and monthly limits when the
/// diagnosis says when to retry; use the ledger's
/// [`LedgerConfig::zone`](super::LedgerConfig::zone).
///
/// # Examples
///
/// ```
/// use walletcare_core::transaction::DiagnosisPolicy;
///
/// let policy = DiagnosisPolicy::default();
/// assert_eq!(policy.stuck_after_minutes, 15);
/// assert_eq!(policy.zone, chrono_tz::Asia::Jakarta);
/// let json = serde_json::to_string(&policy)?;
/// assert!(json.contains(r#""zone":"Asia/Jakarta""#));
/// assert_eq!(serde_json::from_str::<DiagnosisPolicy>(&json)?, policy);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct DiagnosisPolicy {
    /// A pending transaction older than this is stuck (default 15).
    pub stuck_after_minutes: u32,
    /// After a network timeout, retry this much later (default 2).
    pub network_retry_minutes: u32,
    /// After a merchant or bank outage, retry this much later (default 30).
    pub outage_retry_minutes: u32,
    /// Automatic reversal windows for stuck transactions.
    pub reversal: ReversalWindows,
    /// The zone of limit days and months (default `Asia/Jakarta`).
    #[cfg_attr(feature = "typescript", ts(type = "string"))]
    #[serde(with = "zone_name")]
    pub zone: Tz,
}

impl Default for DiagnosisPolicy {
    fn default() -> Self {
        DiagnosisPolicy {
            stuck_after_minutes: 15,
            network_retry_minutes: 2,
            outage_retry_minutes: 30,
            reversal: ReversalWindows::default(),
            zone: chrono_tz::Asia::Jakarta,
        }
    }
}

// ---------------------------------------------------------------------------
// Cause and steps
// ---------------------------------------------------------------------------

/// The likely cause of the problem with a transaction, as a code.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::transaction::Cause;
///
/// assert_eq!(serde_json::to_string(&Cause::StuckPending)?, "\"stuck_pending\"");
/// assert_eq!(Cause::WrongPin.as_str(), "wrong_pin");
/// assert_eq!(Cause::WrongPin.render(Locale::Id), "PIN yang dimasukkan salah.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum Cause {
    /// The balance did not cover the amount.
    InsufficientBalance,
    /// The PIN was wrong.
    WrongPin,
    /// The account was locked after failed attempts.
    AccountLocked,
    /// The account is frozen.
    AccountFrozen,
    /// The account is closed.
    AccountClosed,
    /// A limit was reached.
    LimitExceeded,
    /// The network timed out.
    NetworkTimeout,
    /// The merchant's system was down.
    MerchantUnavailable,
    /// Scheduled maintenance.
    SystemMaintenance,
    /// Declined by security checks.
    RiskRejected,
    /// The card has expired.
    CardExpired,
    /// The bank's system was down.
    BankUnavailable,
    /// An unrecognised failure.
    Unknown,
    /// Pending for longer than it should be.
    StuckPending,
    /// Pending, but not for long yet.
    StillProcessing,
    /// The transaction succeeded; nothing failed.
    Completed,
    /// The transaction was reversed.
    Reversed,
}

crate::names::names!(from_str: transaction::Cause as "cause" {
    InsufficientBalance,
    WrongPin,
    AccountLocked,
    AccountFrozen,
    AccountClosed,
    LimitExceeded,
    NetworkTimeout,
    MerchantUnavailable,
    SystemMaintenance,
    RiskRejected,
    CardExpired,
    BankUnavailable,
    Unknown,
    StuckPending,
    StillProcessing,
    Completed,
    Reversed,
});

impl Cause {
    /// The snake_case code, as in JSON.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::transaction::Cause;
    /// assert_eq!(Cause::InsufficientBalance.as_str(), "insufficient_balance");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Cause::InsufficientBalance => "insufficient_balance",
            Cause::WrongPin => "wrong_pin",
            Cause::AccountLocked => "account_locked",
            Cause::AccountFrozen => "account_frozen",
            Cause::AccountClosed => "account_closed",
            Cause::LimitExceeded => "limit_exceeded",
            Cause::NetworkTimeout => "network_timeout",
            Cause::MerchantUnavailable => "merchant_unavailable",
            Cause::SystemMaintenance => "system_maintenance",
            Cause::RiskRejected => "risk_rejected",
            Cause::CardExpired => "card_expired",
            Cause::BankUnavailable => "bank_unavailable",
            Cause::Unknown => "unknown",
            Cause::StuckPending => "stuck_pending",
            Cause::StillProcessing => "still_processing",
            Cause::Completed => "completed",
            Cause::Reversed => "reversed",
        }
    }

    const fn is_account_cause(self) -> bool {
        matches!(
            self,
            Cause::WrongPin | Cause::AccountLocked | Cause::AccountFrozen | Cause::AccountClosed
        )
    }
}

impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Render for Cause {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            Cause::InsufficientBalance => (
                "Your balance was not enough for this transaction.",
                "Saldo Anda tidak cukup untuk transaksi ini.",
                "您的余额不足以完成此交易。",
            ),
            Cause::WrongPin => (
                "The PIN entered was incorrect.",
                "PIN yang dimasukkan salah.",
                "输入的 PIN 不正确。",
            ),
            Cause::AccountLocked => (
                "Your account was temporarily locked after too many failed attempts.",
                "Akun Anda dikunci sementara karena terlalu banyak percobaan yang gagal.",
                "由于多次尝试失败，您的账户已被暂时锁定。",
            ),
            Cause::AccountFrozen => (
                "Your account is frozen, so money cannot leave it.",
                "Akun Anda dibekukan sehingga dana tidak dapat keluar dari akun.",
                "您的账户已被冻结，资金无法转出。",
            ),
            Cause::AccountClosed => (
                "Your account is closed.",
                "Akun Anda sudah ditutup.",
                "您的账户已注销。",
            ),
            Cause::LimitExceeded => (
                "This transaction would go over a limit on your account.",
                "Transaksi ini melebihi batas yang berlaku untuk akun Anda.",
                "此交易超出了您账户的限额。",
            ),
            Cause::NetworkTimeout => (
                "The connection timed out before the transaction could finish.",
                "Koneksi terputus sebelum transaksi selesai diproses.",
                "交易完成前网络连接超时。",
            ),
            Cause::MerchantUnavailable => (
                "The merchant's payment system was not responding.",
                "Sistem pembayaran merchant sedang tidak dapat dihubungi.",
                "商户的支付系统暂时无法响应。",
            ),
            Cause::SystemMaintenance => (
                "The service was down for scheduled maintenance.",
                "Layanan sedang dalam pemeliharaan terjadwal.",
                "服务正在进行例行维护。",
            ),
            Cause::RiskRejected => (
                "The transaction was declined by our security checks.",
                "Transaksi ditolak oleh pemeriksaan keamanan kami.",
                "该交易未通过安全审核，已被拒绝。",
            ),
            Cause::CardExpired => (
                "The card used has expired.",
                "Kartu yang digunakan sudah kedaluwarsa.",
                "所用的银行卡已过期。",
            ),
            Cause::BankUnavailable => (
                "The bank's system was not responding.",
                "Sistem bank sedang tidak dapat dihubungi.",
                "银行系统暂时无法响应。",
            ),
            Cause::Unknown => (
                "The transaction failed for a reason we could not identify.",
                "Transaksi gagal karena alasan yang belum dapat kami kenali.",
                "交易失败，原因暂时无法确定。",
            ),
            Cause::StuckPending => (
                "The transaction has been processing for longer than usual.",
                "Transaksi ini diproses lebih lama dari biasanya.",
                "该交易的处理时间比平时更长。",
            ),
            Cause::StillProcessing => (
                "The transaction is still being processed.",
                "Transaksi masih diproses.",
                "该交易仍在处理中。",
            ),
            Cause::Completed => (
                "The transaction went through successfully.",
                "Transaksi sudah berhasil.",
                "该交易已成功完成。",
            ),
            Cause::Reversed => (
                "The transaction was reversed after it had gone through.",
                "Transaksi dibatalkan (reversal) setelah sempat berhasil.",
                "该交易在成功后已被冲正撤销。",
            ),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// One thing the user (or support) should do next.
///
/// The JSON form is tagged with `step`:
/// `{"step":"top_up","shortfall":{"minor":3000000,"currency":"IDR"}}`.
///
/// [`Render::render`] shows times in UTC, labelled "UTC", which is correct
/// wherever the user is; [`NextStep::render_in`] shows them in the user's
/// zone, labelled with its abbreviation (`WIB`, `WITA`, `WIT`...). Times are
/// rounded up to the minute, so "after 17:01" is never too early.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::NextStep;
///
/// let step = NextStep::TopUp { shortfall: Money::from_major(30_000, Currency::Idr)? };
/// assert_eq!(serde_json::to_string(&step)?, r#"{"step":"top_up","shortfall":{"minor":3000000,"currency":"IDR"}}"#);
/// assert_eq!(step.render(Locale::Id), "Isi saldo minimal Rp30.000 agar saldo Anda cukup, lalu coba lagi.");
///
/// let at = Utc.with_ymd_and_hms(2026, 11, 21, 10, 0, 0).unwrap();
/// let retry = NextStep::RetryAfter { at };
/// assert_eq!(retry.render(Locale::En), "Try again after 21 November 2026, 10:00 UTC.");
/// assert_eq!(retry.render_in(Locale::En, chrono_tz::Asia::Jakarta), "Try again after 21 November 2026, 17:00 WIB.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(
    tag = "step",
    rename_all = "snake_case",
    deny_unknown_fields,
    from = "super::wire::NextStepWire"
)]
#[non_exhaustive]
pub enum NextStep {
    /// Check the phone's internet connection.
    CheckNetwork,
    /// Top up at least `shortfall`.
    TopUp {
        /// How much is missing.
        shortfall: Money,
    },
    /// Try again after `at`.
    RetryAfter {
        /// The earliest useful retry time.
        at: DateTime<Utc>,
    },
    /// Contact the merchant.
    ContactMerchant {
        /// Which merchant.
        merchant: MerchantRef,
    },
    /// Do not pay again: the money comes back automatically by `until` if
    /// the transaction does not complete.
    WaitForAutomaticReversal {
        /// The latest time of the automatic reversal.
        until: DateTime<Utc>,
    },
    /// Reset the PIN.
    ResetPin,
    /// Wait for the lock to end.
    WaitForUnlock {
        /// When the lock ends.
        until: DateTime<Utc>,
    },
    /// Verify identity (KYC).
    VerifyIdentity,
    /// Contact customer support in a category.
    ContactSupport {
        /// The support queue.
        category: SupportCategory,
    },
    /// Update the card or add another one.
    UpdateCard,
    /// Pay another way.
    UseAnotherMethod,
    /// Do not pay again; check the transaction's status after `at`.
    CheckStatusAt {
        /// When to look again.
        at: DateTime<Utc>,
    },
    /// Try a smaller amount, at most `max`.
    ReduceAmount {
        /// The largest amount that fits the limit now.
        max: Money,
    },
}

impl NextStep {
    /// The step as text in `locale`, with times shown in `zone`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::transaction::NextStep;
    ///
    /// let until = Utc.with_ymd_and_hms(2026, 11, 21, 10, 30, 0).unwrap();
    /// let step = NextStep::WaitForUnlock { until };
    /// let zone = chrono_tz::Asia::Makassar;
    /// assert_eq!(
    ///     step.render_in(Locale::Id, zone),
    ///     "Akun Anda dikunci sementara. Tunggu hingga 21 November 2026 pukul 18.30 WITA, lalu coba lagi.",
    /// );
    /// assert_eq!(
    ///     step.render_in(Locale::ZhCn, zone),
    ///     "您的账户已被暂时锁定，请等到 2026年11月21日 18:30（WITA） 后再试。",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn render_in(&self, locale: Locale, zone: Tz) -> String {
        let time = |at: &DateTime<Utc>| time_text(*at, locale, zone);
        let money = |m: &Money| money_text(*m, locale);
        match self {
            NextStep::CheckNetwork => locale
                .pick(
                    "Check your internet connection (Wi-Fi or mobile data), then try again.",
                    "Periksa koneksi internet Anda (Wi-Fi atau data seluler), lalu coba lagi.",
                    "请检查网络连接（Wi-Fi 或移动数据），然后重试。",
                )
                .to_owned(),
            NextStep::TopUp { shortfall } => {
                let m = money(shortfall);
                match locale {
                    Locale::En => format!(
                        "Top up at least {m} so your balance covers the payment, then try again."
                    ),
                    Locale::Id => {
                        format!("Isi saldo minimal {m} agar saldo Anda cukup, lalu coba lagi.")
                    }
                    Locale::ZhCn => format!("请至少充值 {m}，使余额足以支付，然后重试。"),
                }
            }
            NextStep::RetryAfter { at } => {
                let t = time(at);
                match locale {
                    Locale::En => format!("Try again after {t}."),
                    Locale::Id => format!("Coba lagi setelah {t}."),
                    Locale::ZhCn => format!("请在 {t} 之后重试。"),
                }
            }
            NextStep::ContactMerchant { merchant } => {
                let name = merchant.name.as_str();
                match locale {
                    Locale::En => {
                        format!("Contact {name} and show them this transaction so they can check it.")
                    }
                    Locale::Id => format!(
                        "Hubungi {name} dan tunjukkan transaksi ini agar mereka dapat memeriksanya."
                    ),
                    Locale::ZhCn => format!("请联系商户“{name}”，并出示此交易记录以便对方核实。"),
                }
            }
            NextStep::WaitForAutomaticReversal { until } => {
                let t = time(until);
                match locale {
                    Locale::En => format!(
                        "Do not pay again: if the transaction does not complete, the money is returned automatically by {t}."
                    ),
                    Locale::Id => format!(
                        "Jangan membayar ulang: jika transaksi tidak berhasil, dana dikembalikan otomatis paling lambat {t}."
                    ),
                    Locale::ZhCn => {
                        format!("请勿重复付款：如交易未能完成，款项将在 {t} 前自动退回。")
                    }
                }
            }
            NextStep::ResetPin => locale
                .pick(
                    "If you have forgotten your PIN, reset it with \"Forgot PIN\" in the app.",
                    "Jika Anda lupa PIN, atur ulang melalui menu \"Lupa PIN\" di aplikasi.",
                    "如果忘记了 PIN，请在应用中通过“忘记 PIN”重置。",
                )
                .to_owned(),
            NextStep::WaitForUnlock { until } => {
                let t = time(until);
                match locale {
                    Locale::En => {
                        format!("Your account is temporarily locked. Wait until {t}, then try again.")
                    }
                    Locale::Id => {
                        format!("Akun Anda dikunci sementara. Tunggu hingga {t}, lalu coba lagi.")
                    }
                    Locale::ZhCn => format!("您的账户已被暂时锁定，请等到 {t} 后再试。"),
                }
            }
            NextStep::VerifyIdentity => locale
                .pick(
                    "Verify your identity in the app with your ID card (KTP or passport) and a selfie.",
                    "Verifikasi identitas Anda di aplikasi dengan KTP atau paspor dan swafoto.",
                    "请在应用中使用身份证件（KTP 或护照）和自拍完成身份验证。",
                )
                .to_owned(),
            NextStep::ContactSupport { category } => {
                let c = category_text(*category, locale);
                match locale {
                    Locale::En => format!("Contact customer support about {c}."),
                    Locale::Id => format!("Hubungi layanan pelanggan terkait {c}."),
                    Locale::ZhCn => format!("请联系客服（问题类型：{c}）。"),
                }
            }
            NextStep::UpdateCard => locale
                .pick(
                    "Update your card details or add a card that is still valid.",
                    "Perbarui data kartu Anda atau tambahkan kartu yang masih berlaku.",
                    "请更新银行卡信息，或添加一张仍在有效期内的银行卡。",
                )
                .to_owned(),
            NextStep::UseAnotherMethod => locale
                .pick(
                    "Use another payment method.",
                    "Gunakan metode pembayaran lain.",
                    "请改用其他支付方式。",
                )
                .to_owned(),
            NextStep::CheckStatusAt { at } => {
                let t = time(at);
                match locale {
                    Locale::En => format!(
                        "The transaction is still processing. Do not pay again; check its status after {t}."
                    ),
                    Locale::Id => format!(
                        "Transaksi masih diproses. Jangan membayar ulang; periksa statusnya setelah {t}."
                    ),
                    Locale::ZhCn => {
                        format!("交易仍在处理中，请勿重复付款；请在 {t} 之后查看交易状态。")
                    }
                }
            }
            NextStep::ReduceAmount { max } => {
                let m = money(max);
                match locale {
                    Locale::En => format!("Try a smaller amount, at most {m}."),
                    Locale::Id => format!("Coba dengan nominal yang lebih kecil, maksimal {m}."),
                    Locale::ZhCn => format!("请减少金额，最多 {m}。"),
                }
            }
        }
    }
}

/// A support category as a short noun phrase, for "contact support about
/// ...".
pub(super) fn category_text(category: SupportCategory, locale: Locale) -> &'static str {
    let (en, id, zh) = match category {
        SupportCategory::AccountAccess => ("account access", "akses akun", "账户登录"),
        SupportCategory::AccountSecurity => ("account security", "keamanan akun", "账户安全"),
        SupportCategory::PaymentFailure => (
            "failed or pending payments",
            "transaksi gagal atau tertunda",
            "支付失败或处理中",
        ),
        SupportCategory::Refund => ("refunds", "pengembalian dana", "退款"),
        SupportCategory::BankCard => ("bank cards", "kartu bank", "银行卡"),
        SupportCategory::Technical => ("technical problems", "masalah teknis", "技术问题"),
        SupportCategory::Complaint => ("complaints", "keluhan", "投诉"),
        SupportCategory::Feedback => ("feedback", "masukan", "意见反馈"),
        SupportCategory::GeneralInquiry => ("general questions", "pertanyaan umum", "一般咨询"),
    };
    locale.pick(en, id, zh)
}

impl Render for NextStep {
    /// The step with times in UTC; see [`NextStep::render_in`] for the
    /// user's zone.
    fn render(&self, locale: Locale) -> String {
        self.render_in(locale, chrono_tz::UTC)
    }
}

/// The result of [`diagnose`]: the likely cause and the steps to take, most
/// useful first. There is always at least one step.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::AccountState;
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let mut tx = Transaction::new(
///     TransactionId::new("T-1")?, TransactionKind::TopUp { source: TopUpSource::Card },
///     Money::new(5_000_000, Currency::Idr), IdempotencyKey::new("K-1")?, now,
/// )?;
/// tx.fail(FailureReason::CardExpired, now)?;
/// let diagnosis = diagnose(&tx, &AccountState::Active, now);
/// assert_eq!(diagnosis.cause, Cause::CardExpired);
/// assert_eq!(diagnosis.steps, vec![NextStep::UpdateCard, NextStep::UseAnotherMethod]);
/// assert_eq!(
///     diagnosis.render(Locale::En),
///     "The card used has expired.\n1. Update your card details or add a card that is still valid.\n2. Use another payment method.",
/// );
/// let json = serde_json::to_string(&diagnosis)?;
/// assert_eq!(json, r#"{"transaction":"T-1","cause":"card_expired","steps":[{"step":"update_card"},{"step":"use_another_method"}]}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Diagnosis {
    /// The transaction diagnosed.
    pub transaction: TransactionId,
    /// The likely cause.
    pub cause: Cause,
    /// What to do, most useful first; never empty.
    pub steps: Vec<NextStep>,
}

impl Diagnosis {
    /// The cause and numbered steps as text in `locale`, with times in
    /// `zone`.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::account::AccountState;
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::transaction::*;
    ///
    /// let until = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
    /// let diagnosis = Diagnosis {
    ///     transaction: TransactionId::new("T-1")?,
    ///     cause: Cause::SystemMaintenance,
    ///     steps: vec![NextStep::RetryAfter { at: until }],
    /// };
    /// assert_eq!(
    ///     diagnosis.render_in(Locale::ZhCn, chrono_tz::Asia::Jakarta),
    ///     "服务正在进行例行维护。\n1. 请在 2026年11月21日 19:00（WIB） 之后重试。",
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn render_in(&self, locale: Locale, zone: Tz) -> String {
        let mut out = self.cause.render(locale);
        for (i, step) in self.steps.iter().enumerate() {
            out.push('\n');
            out.push_str(&format!(
                "{}. {}",
                i.saturating_add(1),
                step.render_in(locale, zone)
            ));
        }
        out
    }
}

impl Render for Diagnosis {
    /// The diagnosis with times in UTC; see [`Diagnosis::render_in`].
    fn render(&self, locale: Locale) -> String {
        self.render_in(locale, chrono_tz::UTC)
    }
}

// ---------------------------------------------------------------------------
// Diagnosis
// ---------------------------------------------------------------------------

/// Diagnoses a transaction with the default [`DiagnosisPolicy`]: see
/// [`diagnose_with`].
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::account::AccountState;
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let created = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap();
/// let merchant = MerchantRef::new("M-1", "Bakso Pak Kumis")?;
/// let tx = Transaction::new(
///     TransactionId::new("T-1")?,
///     TransactionKind::Payment { channel: PaymentChannel::Qr, merchant: merchant.clone() },
///     Money::new(2_500_000, Currency::Idr), IdempotencyKey::new("K-1")?, created,
/// )?;
/// // Still pending an hour later: stuck. QR payments reverse within 1x24h.
/// let diagnosis = diagnose(&tx, &AccountState::Active, created + Duration::hours(1));
/// assert_eq!(diagnosis.cause, Cause::StuckPending);
/// assert_eq!(diagnosis.steps[0], NextStep::WaitForAutomaticReversal { until: created + Duration::hours(24) });
/// assert_eq!(diagnosis.steps[1], NextStep::ContactMerchant { merchant });
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn diagnose(tx: &Transaction, account: &AccountState, now: DateTime<Utc>) -> Diagnosis {
    diagnose_with(tx, account, now, &DiagnosisPolicy::default())
}

/// Diagnoses a failed, stuck or otherwise puzzling transaction: the likely
/// [`Cause`] and ordered [`NextStep`]s, never empty, never panicking.
///
/// - Failed: the cause follows the [`FailureReason`]; the steps also take
///   the *current* account state into account (a lock that has ended, a
///   freeze that was lifted). If the account now blocks outgoing money, the
///   steps to unblock it come first for debits.
/// - Pending for at least [`DiagnosisPolicy::stuck_after_minutes`]: stuck;
///   wait for the automatic reversal (by kind, [`ReversalWindows`]), then
///   contact the merchant or support. Pending for less: still processing,
///   check again later and do not pay twice.
/// - Succeeded or reversed: nothing failed; the steps say whom to ask.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::account::{AccountState, VerificationLevel};
/// use walletcare_core::money::{Currency, Money};
/// use walletcare_core::transaction::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 3, 0, 0).unwrap(); // 10:00 WIB
/// let rp = |major| Money::from_major(major, Currency::Idr);
/// let mut tx = Transaction::new(
///     TransactionId::new("T-1")?, TransactionKind::Transfer { to: WalletId::new("+628111")? },
///     rp(3_000_000)?, IdempotencyKey::new("K-1")?, now,
/// )?;
/// tx.fail(FailureReason::LimitExceeded {
///     kind: LimitKind::DailyOutgoing,
///     limit: rp(10_000_000)?,
///     remaining: rp(2_000_000)?,
///     level: VerificationLevel::Verified,
/// }, now)?;
/// let diagnosis = diagnose_with(&tx, &AccountState::Active, now, &DiagnosisPolicy::default());
/// let midnight_wib = Utc.with_ymd_and_hms(2026, 11, 21, 17, 0, 0).unwrap();
/// assert_eq!(diagnosis.steps, vec![
///     NextStep::ReduceAmount { max: rp(2_000_000)? },
///     NextStep::RetryAfter { at: midnight_wib },
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn diagnose_with(
    tx: &Transaction,
    account: &AccountState,
    now: DateTime<Utc>,
    policy: &DiagnosisPolicy,
) -> Diagnosis {
    let mut steps = Steps::default();
    let merchant = tx.kind().merchant();
    let cause = match tx.state() {
        TransactionState::Pending => diagnose_pending(tx, now, policy, &mut steps),
        TransactionState::Succeeded => {
            if let Some(merchant) = merchant {
                steps.push(NextStep::ContactMerchant {
                    merchant: merchant.clone(),
                });
                steps.push(support(SupportCategory::Complaint));
            } else {
                steps.push(support(SupportCategory::GeneralInquiry));
            }
            Cause::Completed
        }
        TransactionState::Reversed => {
            steps.push(support(SupportCategory::Refund));
            Cause::Reversed
        }
        TransactionState::Failed(reason) => {
            let cause = diagnose_failure(tx, reason, account, now, policy, &mut steps);
            if tx.kind().is_debit() && !cause.is_account_cause() {
                // Retrying cannot work until the account is unblocked.
                let mut unblock = Steps::default();
                if account_steps(account, now, &mut unblock) {
                    unblock.extend(steps);
                    steps = unblock;
                }
            }
            cause
        }
    };
    if steps.0.is_empty() {
        steps.push(support(SupportCategory::GeneralInquiry));
    }
    Diagnosis {
        transaction: tx.id().clone(),
        cause,
        steps: steps.0,
    }
}

/// Steps without duplicates, in order of first mention.
#[derive(Default)]
struct Steps(Vec<NextStep>);

impl Steps {
    fn push(&mut self, step: NextStep) {
        if !self.0.contains(&step) {
            self.0.push(step);
        }
    }

    fn extend(&mut self, other: Steps) {
        for step in other.0 {
            self.push(step);
        }
    }
}

const fn support(category: SupportCategory) -> NextStep {
    NextStep::ContactSupport { category }
}

fn diagnose_pending(
    tx: &Transaction,
    now: DateTime<Utc>,
    policy: &DiagnosisPolicy,
    steps: &mut Steps,
) -> Cause {
    let stuck_at = add_minutes(tx.created_at(), policy.stuck_after_minutes);
    if now < stuck_at {
        steps.push(NextStep::CheckStatusAt { at: stuck_at });
        return Cause::StillProcessing;
    }
    let hours = policy.reversal.hours_for(tx.kind());
    let until = add_minutes(tx.created_at(), hours.saturating_mul(60));
    if now < until {
        steps.push(NextStep::WaitForAutomaticReversal { until });
    }
    if let Some(merchant) = tx.kind().merchant() {
        steps.push(NextStep::ContactMerchant {
            merchant: merchant.clone(),
        });
    }
    steps.push(support(SupportCategory::PaymentFailure));
    Cause::StuckPending
}

/// Steps that resolve an account state blocking outgoing money; `false` if
/// the account does not block it.
fn account_steps(account: &AccountState, now: DateTime<Utc>, steps: &mut Steps) -> bool {
    // `at` turns a lock that has ended into `Active`.
    match account.at(now) {
        AccountState::Active => false,
        AccountState::Locked { until } => {
            steps.push(NextStep::WaitForUnlock { until });
            true
        }
        AccountState::Frozen { reason, .. } => {
            // A court or regulator order is not lifted by verifying identity.
            if !matches!(reason, FreezeReason::Regulatory) {
                steps.push(NextStep::VerifyIdentity);
            }
            steps.push(support(SupportCategory::AccountSecurity));
            true
        }
        AccountState::Closed => {
            steps.push(support(SupportCategory::AccountAccess));
            true
        }
    }
}

fn diagnose_failure(
    tx: &Transaction,
    reason: &FailureReason,
    account: &AccountState,
    now: DateTime<Utc>,
    policy: &DiagnosisPolicy,
    steps: &mut Steps,
) -> Cause {
    let merchant = tx.kind().merchant();
    match reason {
        FailureReason::InsufficientBalance { shortfall } => {
            if shortfall.is_positive() {
                steps.push(NextStep::TopUp {
                    shortfall: *shortfall,
                });
            }
            steps.push(NextStep::UseAnotherMethod);
            Cause::InsufficientBalance
        }
        FailureReason::WrongPin => {
            account_steps(account, now, steps);
            steps.push(NextStep::ResetPin);
            Cause::WrongPin
        }
        FailureReason::AccountLocked { until } => {
            if !account_steps(account, now, steps) {
                // The lock has ended since.
                steps.push(NextStep::RetryAfter {
                    at: (*until).max(now),
                });
            }
            steps.push(NextStep::ResetPin);
            Cause::AccountLocked
        }
        FailureReason::AccountFrozen => {
            if !account_steps(account, now, steps) {
                // Unfrozen since: the transaction can simply be retried.
                steps.push(NextStep::RetryAfter { at: now });
            }
            Cause::AccountFrozen
        }
        FailureReason::AccountClosed => {
            if !account_steps(account, now, steps) {
                steps.push(support(SupportCategory::AccountAccess));
            }
            Cause::AccountClosed
        }
        FailureReason::LimitExceeded {
            kind,
            remaining,
            level,
            ..
        } => {
            if remaining.is_positive() {
                steps.push(NextStep::ReduceAmount { max: *remaining });
            }
            match kind {
                LimitKind::DailyOutgoing => {
                    let at = next_local_day(now, policy.zone);
                    steps.push(NextStep::RetryAfter { at });
                }
                LimitKind::MonthlyIncoming => {
                    let at = next_local_month(now, policy.zone);
                    steps.push(NextStep::RetryAfter { at });
                }
                LimitKind::MaxBalance => {}
            }
            if *level == VerificationLevel::Unverified {
                steps.push(NextStep::VerifyIdentity);
            }
            Cause::LimitExceeded
        }
        FailureReason::NetworkTimeout => {
            steps.push(NextStep::CheckNetwork);
            steps.push(NextStep::RetryAfter {
                at: add_minutes(now, policy.network_retry_minutes),
            });
            Cause::NetworkTimeout
        }
        FailureReason::MerchantUnavailable => {
            steps.push(NextStep::RetryAfter {
                at: add_minutes(now, policy.outage_retry_minutes),
            });
            steps.push(NextStep::UseAnotherMethod);
            if let Some(merchant) = merchant {
                steps.push(NextStep::ContactMerchant {
                    merchant: merchant.clone(),
                });
            }
            Cause::MerchantUnavailable
        }
        FailureReason::SystemMaintenance { until } => {
            steps.push(NextStep::RetryAfter {
                at: (*until).max(now),
            });
            Cause::SystemMaintenance
        }
        FailureReason::RiskRejected => {
            steps.push(NextStep::VerifyIdentity);
            steps.push(support(SupportCategory::AccountSecurity));
            Cause::RiskRejected
        }
        FailureReason::CardExpired => {
            steps.push(NextStep::UpdateCard);
            steps.push(NextStep::UseAnotherMethod);
            Cause::CardExpired
        }
        FailureReason::BankUnavailable { .. } => {
            steps.push(NextStep::RetryAfter {
                at: add_minutes(now, policy.outage_retry_minutes),
            });
            steps.push(NextStep::UseAnotherMethod);
            Cause::BankUnavailable
        }
        FailureReason::Unknown { .. } => {
            steps.push(support(SupportCategory::PaymentFailure));
            Cause::Unknown
        }
    }
}

// ---------------------------------------------------------------------------
// Time arithmetic (saturating, never panicking)
// ---------------------------------------------------------------------------

fn add_minutes(at: DateTime<Utc>, minutes: u32) -> DateTime<Utc> {
    TimeDelta::try_minutes(i64::from(minutes))
        .and_then(|delta| at.checked_add_signed(delta))
        .unwrap_or(DateTime::<Utc>::MAX_UTC)
}

/// The first instant of a local date in `zone` (the earliest, if midnight is
/// ambiguous; the first hour that exists, if the zone skips midnight).
fn local_day_start(date: NaiveDate, zone: Tz) -> Option<DateTime<Utc>> {
    (0..=3).find_map(|hour| {
        let time = NaiveTime::from_hms_opt(hour, 0, 0)?;
        zone.from_local_datetime(&date.and_time(time))
            .earliest()
            .map(|t| t.with_timezone(&Utc))
    })
}

/// When the next local day begins in `zone`: daily limits reset then.
fn next_local_day(now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    local_date(now, zone)
        .checked_add_days(Days::new(1))
        .and_then(|date| local_day_start(date, zone))
        .unwrap_or_else(|| add_minutes(now, 24 * 60))
}

/// When the next local month begins in `zone`: monthly limits reset then.
fn next_local_month(now: DateTime<Utc>, zone: Tz) -> DateTime<Utc> {
    local_date(now, zone)
        .with_day(1)
        .and_then(|first| first.checked_add_months(Months::new(1)))
        .and_then(|date| local_day_start(date, zone))
        .unwrap_or_else(|| add_minutes(now, 31 * 24 * 60))
}
