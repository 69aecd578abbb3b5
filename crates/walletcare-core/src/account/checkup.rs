//! The security check-up: what the user should do next to protect the
//! account.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::aggregate::Account;
use super::device::DeviceId;
use super::policy::CredentialPolicy;
use super::{AccountError, AccountState, IdentifierKind, VerificationLevel, check_identifier};
use crate::locale::{Locale, Render};

/// Most flagged transactions a check-up accepts.
const MAX_FLAGGED: usize = 100;

/// What the host's risk engine saw recently, for the check-up: the ids of
/// transactions it flagged as unusual (in the order to show them; duplicates
/// are dropped). At most 100 ids, each a valid identifier (1 to 64 ASCII
/// letters, digits and `. _ : -`).
///
/// # Examples
///
/// ```
/// use walletcare_core::account::RecentActivity;
///
/// let activity: RecentActivity = serde_json::from_str(r#"{"flagged_transaction_ids":["tx-9","tx-3","tx-9"]}"#)?;
/// assert_eq!(activity.flagged_transaction_ids(), ["tx-9", "tx-3"]);
/// assert!(serde_json::from_str::<RecentActivity>(r#"{"flagged_transaction_ids":["bad id"]}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<RecentActivityInput>")]
pub struct RecentActivity {
    flagged_transaction_ids: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RecentActivityInput {
    #[serde(default)]
    flagged_transaction_ids: Vec<String>,
}

impl TryFrom<RecentActivityInput> for RecentActivity {
    type Error = AccountError;

    fn try_from(input: RecentActivityInput) -> Result<Self, Self::Error> {
        RecentActivity::new(input.flagged_transaction_ids)
    }
}

impl RecentActivity {
    /// Checks and deduplicates the flagged transaction ids.
    ///
    /// # Errors
    ///
    /// [`AccountError::TooManyItems`] above 100 ids;
    /// [`AccountError::InvalidIdentifier`] for a malformed id.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::RecentActivity;
    /// let activity = RecentActivity::new(vec!["tx-1".into()])?;
    /// assert_eq!(activity.flagged_transaction_ids().len(), 1);
    /// assert!(RecentActivity::new(vec!["x".into(); 101]).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(flagged_transaction_ids: Vec<String>) -> Result<RecentActivity, AccountError> {
        if flagged_transaction_ids.len() > MAX_FLAGGED {
            return Err(AccountError::TooManyItems {
                what: "flagged transaction ids".to_owned(),
                max: MAX_FLAGGED as u32,
            });
        }
        let mut unique: Vec<String> = Vec::with_capacity(flagged_transaction_ids.len());
        for id in flagged_transaction_ids {
            check_identifier(&id, IdentifierKind::Transaction)?;
            if !unique.contains(&id) {
                unique.push(id);
            }
        }
        Ok(RecentActivity {
            flagged_transaction_ids: unique,
        })
    }

    /// The flagged transaction ids, without duplicates.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::account::RecentActivity;
    /// assert!(RecentActivity::default().flagged_transaction_ids().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn flagged_transaction_ids(&self) -> &[String] {
        &self.flagged_transaction_ids
    }
}

/// One thing the user should do to protect the account. Each renders as an
/// actionable sentence in every locale.
///
/// The JSON form is tagged by `item`: `{"item":"enable_two_factor"}`.
///
/// # Examples
///
/// ```
/// use walletcare_core::account::CheckupItem;
/// use walletcare_core::locale::{Locale, Render};
///
/// let item = CheckupItem::ChangeOldPassword { days_since_change: 400 };
/// assert_eq!(serde_json::to_string(&item)?, r#"{"item":"change_old_password","days_since_change":400}"#);
/// assert_eq!(item.render(Locale::Id), "Ganti kata sandi Anda: terakhir diganti 400 hari yang lalu.");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "item", rename_all = "snake_case")]
#[non_exhaustive]
pub enum CheckupItem {
    /// A freeze was lifted: the PIN (and password) must be reset before
    /// anything else works.
    ResetCredentials,
    /// Two-factor verification is off.
    EnableTwoFactor,
    /// The password is older than `password_max_age_days`.
    ChangeOldPassword {
        /// Whole days since it was last changed.
        days_since_change: u32,
    },
    /// Devices the user has not marked trusted.
    ReviewUnknownDevices {
        /// Their ids, in the order first seen.
        device_ids: Vec<DeviceId>,
    },
    /// Transactions the risk engine flagged.
    ReviewUnusualTransactions {
        /// Their ids.
        transaction_ids: Vec<String>,
    },
    /// The identity is not verified (KYC).
    VerifyIdentity,
}

impl Render for CheckupItem {
    fn render(&self, locale: Locale) -> String {
        match self {
            CheckupItem::ResetCredentials => locale.pick(
                "Set a new PIN and password: your account was recovered and the old ones are no longer trusted.",
                "Buat PIN dan kata sandi baru: akun Anda baru dipulihkan dan yang lama tidak lagi dipercaya.",
                "请设置新的 PIN 和密码：您的账户刚刚恢复，旧的 PIN 和密码已不再可信。",
            )
            .to_owned(),
            CheckupItem::EnableTwoFactor => locale.pick(
                "Turn on two-step verification to protect sign-ins on new devices.",
                "Aktifkan verifikasi dua langkah untuk melindungi login di perangkat baru.",
                "开启两步验证，保护在新设备上的登录。",
            )
            .to_owned(),
            CheckupItem::ChangeOldPassword { days_since_change } => match locale {
                Locale::En => format!(
                    "Change your password: it was last changed {days_since_change} days ago."
                ),
                Locale::Id => format!(
                    "Ganti kata sandi Anda: terakhir diganti {days_since_change} hari yang lalu."
                ),
                Locale::ZhCn => format!("请修改密码：距上次修改已有 {days_since_change} 天。"),
            },
            CheckupItem::ReviewUnknownDevices { device_ids } => {
                let n = device_ids.len();
                match locale {
                    Locale::En if n == 1 => "Review 1 device you have not marked as trusted, and remove it if you don't recognise it.".to_owned(),
                    Locale::En => format!("Review {n} devices you have not marked as trusted, and remove any you don't recognise."),
                    Locale::Id => format!("Periksa {n} perangkat yang belum Anda tandai tepercaya, lalu hapus yang tidak Anda kenali."),
                    Locale::ZhCn => format!("请检查 {n} 台尚未标记为可信的设备，并移除您不认识的设备。"),
                }
            }
            CheckupItem::ReviewUnusualTransactions { transaction_ids } => {
                let n = transaction_ids.len();
                match locale {
                    Locale::En if n == 1 => "Review 1 unusual transaction, and report it if you did not make it.".to_owned(),
                    Locale::En => format!("Review {n} unusual transactions, and report any you did not make."),
                    Locale::Id => format!("Periksa {n} transaksi yang tidak biasa, lalu laporkan jika ada yang tidak Anda lakukan."),
                    Locale::ZhCn => format!("请核对 {n} 笔异常交易，如有不是您本人进行的，请立即举报。"),
                }
            }
            CheckupItem::VerifyIdentity => locale.pick(
                "Verify your identity (ID card and selfie) to raise your limits and make account recovery easier.",
                "Verifikasi identitas Anda (KTP dan swafoto) untuk menaikkan limit dan mempermudah pemulihan akun.",
                "完成身份验证（身份证件和自拍），以提高限额并让账户找回更容易。",
            )
            .to_owned(),
        }
    }
}

/// The security check-up: what the user should do now, in a fixed order.
///
/// Order: reset credentials (when required after a freeze: it blocks
/// everything else, so it comes first), enable two-factor (when off), change
/// an old password (when `password_max_age_days` is set and the password is
/// older), review unknown devices (not marked trusted), review unusual
/// transactions (flagged by the host), verify identity (when unverified).
///
/// A closed account gets no items. A frozen account gets none either: the
/// only thing to do is verify identity with customer care to lift the freeze,
/// which the app shows from the state itself.
///
/// # Examples
///
/// ```
/// use chrono::{Duration, TimeZone, Utc};
/// use walletcare_core::account::*;
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let policy = CredentialPolicy { password_max_age_days: Some(365), ..CredentialPolicy::default() };
/// let mut account = Account::new(AccountId::new("acc-1")?, PhoneNumber::parse("0812-3456-7890")?);
/// account.set_password("Kopi tubruk 3 gelas", &policy, now - Duration::days(400))?;
/// account.record_device(DeviceId::new("d1")?, "Redmi Note 12", now)?;
/// let activity = RecentActivity::new(vec!["tx-77".into()])?;
///
/// let items = security_checkup(&account, &policy, now, &activity);
/// assert_eq!(items, vec![
///     CheckupItem::EnableTwoFactor,
///     CheckupItem::ChangeOldPassword { days_since_change: 400 },
///     CheckupItem::ReviewUnknownDevices { device_ids: vec![DeviceId::new("d1")?] },
///     CheckupItem::ReviewUnusualTransactions { transaction_ids: vec!["tx-77".into()] },
///     CheckupItem::VerifyIdentity,
/// ]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn security_checkup(
    account: &Account,
    policy: &CredentialPolicy,
    now: DateTime<Utc>,
    recent: &RecentActivity,
) -> Vec<CheckupItem> {
    let mut items = Vec::new();
    match account.state_at(now) {
        AccountState::Closed | AccountState::Frozen { .. } => return items,
        AccountState::Active | AccountState::Locked { .. } => {}
    }
    let credentials = account.credentials();
    if credentials.credential_reset_required() {
        items.push(CheckupItem::ResetCredentials);
    }
    if !account.two_factor_enabled() {
        items.push(CheckupItem::EnableTwoFactor);
    }
    if let (Some(max_days), Some(changed_at)) = (
        policy.password_max_age_days,
        credentials.password_changed_at(),
    ) {
        let days = now.signed_duration_since(changed_at).num_days();
        if days > i64::from(max_days) && !credentials.credential_reset_required() {
            items.push(CheckupItem::ChangeOldPassword {
                days_since_change: u32::try_from(days).unwrap_or(u32::MAX),
            });
        }
    }
    let unknown: Vec<DeviceId> = account
        .devices()
        .iter()
        .filter(|d| !d.is_trusted())
        .map(|d| d.id().clone())
        .collect();
    if !unknown.is_empty() {
        items.push(CheckupItem::ReviewUnknownDevices {
            device_ids: unknown,
        });
    }
    if !recent.flagged_transaction_ids().is_empty() {
        items.push(CheckupItem::ReviewUnusualTransactions {
            transaction_ids: recent.flagged_transaction_ids().to_vec(),
        });
    }
    if account.verification() == VerificationLevel::Unverified {
        items.push(CheckupItem::VerifyIdentity);
    }
    items
}

crate::error::coded_from_string!(RecentActivity(RecentActivityInput) => AccountError);
#[cfg(test)]
mod tests {
    use super::*;
    use crate::account::{AccountId, IdentityChecks, PhoneNumber};
    use chrono::{Duration, TimeZone};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
    }

    fn account() -> Account {
        Account::new(
            AccountId::new("acc-1").unwrap(),
            PhoneNumber::parse("0812-3456-7890").unwrap(),
        )
    }

    #[test]
    fn a_well_kept_account_has_nothing_to_do() {
        let mut a = account();
        let t = now();
        a.enable_two_factor(t).unwrap();
        a.set_verification(VerificationLevel::Verified, t).unwrap();
        let id = DeviceId::new("d1").unwrap();
        a.record_device(id.clone(), "Pixel", t).unwrap();
        a.set_device_trusted(&id, true, t).unwrap();
        let policy = CredentialPolicy {
            password_max_age_days: Some(90),
            ..CredentialPolicy::default()
        };
        a.set_password("Kopi tubruk 3 gelas", &policy, t - Duration::days(90))
            .unwrap();
        assert!(security_checkup(&a, &policy, t, &RecentActivity::default()).is_empty());
    }

    #[test]
    fn no_password_age_item_without_a_max_age() {
        let mut a = account();
        let policy = CredentialPolicy::default();
        a.set_password("Kopi tubruk 3 gelas", &policy, now() - Duration::days(3000))
            .unwrap();
        let items = security_checkup(&a, &policy, now(), &RecentActivity::default());
        assert!(
            !items
                .iter()
                .any(|i| matches!(i, CheckupItem::ChangeOldPassword { .. }))
        );
    }

    #[test]
    fn reset_required_comes_first_and_replaces_the_age_reminder() {
        let mut a = account();
        let policy = CredentialPolicy {
            password_max_age_days: Some(30),
            ..CredentialPolicy::default()
        };
        a.set_password("Kopi tubruk 3 gelas", &policy, now() - Duration::days(100))
            .unwrap();
        a.record_device(DeviceId::new("d1").unwrap(), "Pixel", now())
            .unwrap();
        a.report_stolen(now()).unwrap();
        assert!(security_checkup(&a, &policy, now(), &RecentActivity::default()).is_empty());
        let all = IdentityChecks {
            id_document: true,
            selfie: true,
            otp_or_security_questions: true,
        };
        a.unfreeze(all, now()).unwrap();
        let items = security_checkup(&a, &policy, now(), &RecentActivity::default());
        assert_eq!(items.first(), Some(&CheckupItem::ResetCredentials));
        assert!(
            !items
                .iter()
                .any(|i| matches!(i, CheckupItem::ChangeOldPassword { .. }))
        );
        assert!(items.contains(&CheckupItem::ReviewUnknownDevices {
            device_ids: vec![DeviceId::new("d1").unwrap()]
        }));
    }

    #[test]
    fn every_item_renders_in_every_locale() {
        let items = [
            CheckupItem::ResetCredentials,
            CheckupItem::EnableTwoFactor,
            CheckupItem::ChangeOldPassword {
                days_since_change: 120,
            },
            CheckupItem::ReviewUnknownDevices {
                device_ids: vec![DeviceId::new("a").unwrap(), DeviceId::new("b").unwrap()],
            },
            CheckupItem::ReviewUnusualTransactions {
                transaction_ids: vec!["t1".to_owned()],
            },
            CheckupItem::VerifyIdentity,
        ];
        for item in &items {
            let en = item.render(Locale::En);
            let id = item.render(Locale::Id);
            let zh = item.render(Locale::ZhCn);
            assert!(
                !en.is_empty() && en != id && en != zh && id != zh,
                "{item:?}"
            );
            let json = serde_json::to_string(item).unwrap();
            assert_eq!(&serde_json::from_str::<CheckupItem>(&json).unwrap(), item);
        }
        let one = CheckupItem::ReviewUnusualTransactions {
            transaction_ids: vec!["t1".to_owned()],
        };
        assert_eq!(
            one.render(Locale::En),
            "Review 1 unusual transaction, and report it if you did not make it."
        );
        assert!(items[3].render(Locale::ZhCn).contains("2 台"));
    }
}
