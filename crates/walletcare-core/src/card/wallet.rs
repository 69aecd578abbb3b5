//! The wallet of bound cards.

use std::fmt;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::{CardError, ValidatedCard};

/// The id of a bound card within its wallet, assigned by the wallet (1, 2,
/// 3 …, never reused).
///
/// # Examples
///
/// ```
/// use walletcare_core::card::CardId;
/// assert_eq!(serde_json::to_string(&CardId::new(3))?, "3");
/// assert_eq!(CardId::new(3).get(), 3);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CardId(u32);

impl CardId {
    /// An id from its number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardId;
    /// assert_eq!(CardId::new(1), CardId::new(1));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn new(id: u32) -> CardId {
        CardId(id)
    }

    /// The number.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardId;
    /// assert_eq!(CardId::new(7).get(), 7);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn get(self) -> u32 {
        self.0
    }
}

impl fmt::Display for CardId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The identity of a card number, from the host's PCI vault or payment
/// gateway: deterministic per card number (the same number always gives the
/// same fingerprint) and useless for charging. See the
/// [module documentation](crate::card) for why the core does not compute one
/// itself.
///
/// 8 to 128 printable ASCII characters without spaces. It must not be the
/// card number: a value of 12 to 19 digits only that passes the Luhn check is
/// refused, to catch a host passing the number by mistake.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::CardFingerprint;
/// assert!(CardFingerprint::new("Xt9rVb2kQ1lmN0pA").is_ok());
/// assert!(CardFingerprint::new("short").is_err());
/// assert!(CardFingerprint::new("4111111111111111").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<String>", into = "String")]
pub struct CardFingerprint(String);

impl CardFingerprint {
    /// Checks and wraps a fingerprint.
    ///
    /// # Errors
    ///
    /// [`CardError::InvalidArgument`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardFingerprint;
    /// assert_eq!(CardFingerprint::new("fp_0123456789")?.as_str(), "fp_0123456789");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(value: &str) -> Result<CardFingerprint, CardError> {
        let invalid = |reason: &str| CardError::InvalidArgument {
            what: "card fingerprint".to_owned(),
            reason: reason.to_owned(),
        };
        if !(8..=128).contains(&value.len()) {
            return Err(invalid("must be 8 to 128 characters"));
        }
        if !value.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(invalid("must be printable ASCII without spaces"));
        }
        if (12..=19).contains(&value.len())
            && value.bytes().all(|b| b.is_ascii_digit())
            && super::luhn_valid(value)
        {
            return Err(invalid(
                "looks like a card number; pass the vault's fingerprint",
            ));
        }
        Ok(CardFingerprint(value.to_owned()))
    }

    /// The fingerprint.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardFingerprint;
    /// assert_eq!(CardFingerprint::new("fp_abcdefgh")?.as_str(), "fp_abcdefgh");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for CardFingerprint {
    type Error = CardError;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        CardFingerprint::new(&value)
    }
}

impl From<CardFingerprint> for String {
    fn from(value: CardFingerprint) -> Self {
        value.0
    }
}

/// Card settings.
///
/// # Examples
///
/// ```
/// use walletcare_core::card::CardPolicy;
/// assert_eq!(CardPolicy::default().max_cards, 5);
/// let policy: CardPolicy = serde_json::from_str(r#"{"max_cards":3}"#)?;
/// policy.validate()?;
/// assert!(serde_json::from_str::<CardPolicy>(r#"{"max_card":3}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// A policy read from JSON is validated as it is read (`max_cards` out of
/// range is refused there), so no caller has to call
/// [`CardPolicy::validate`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "CardPolicyWire")]
pub struct CardPolicy {
    /// Most cards bound at once (1 to 20; default 5).
    pub max_cards: u32,
}

/// The JSON form of [`CardPolicy`] before validation.
#[derive(Deserialize)]
#[serde(default, deny_unknown_fields)]
struct CardPolicyWire {
    max_cards: u32,
}

impl Default for CardPolicyWire {
    fn default() -> Self {
        CardPolicyWire {
            max_cards: CardPolicy::default().max_cards,
        }
    }
}

impl TryFrom<CardPolicyWire> for CardPolicy {
    type Error = crate::error::Coded<CardError>;

    fn try_from(w: CardPolicyWire) -> Result<Self, Self::Error> {
        let policy = CardPolicy {
            max_cards: w.max_cards,
        };
        policy.validate().map_err(crate::error::Coded)?;
        Ok(policy)
    }
}

impl Default for CardPolicy {
    fn default() -> Self {
        CardPolicy { max_cards: 5 }
    }
}

impl CardPolicy {
    /// Checks the settings are in range.
    ///
    /// # Errors
    ///
    /// [`CardError::InvalidArgument`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardPolicy;
    /// assert!(CardPolicy { max_cards: 0 }.validate().is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn validate(&self) -> Result<(), CardError> {
        if (1..=20).contains(&self.max_cards) {
            Ok(())
        } else {
            Err(CardError::InvalidArgument {
                what: "card policy".to_owned(),
                reason: format!("max_cards must be 1 to 20, not {}", self.max_cards),
            })
        }
    }
}

/// A card bound to a wallet.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy, CardWallet};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let card = validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now)?;
/// let mut wallet = CardWallet::default();
/// let id = wallet.bind(card, CardFingerprint::new("fp_visa_00000001")?, &CardPolicy::default(), now)?;
/// let bound = wallet.get(id).unwrap();
/// assert_eq!(bound.id(), id);
/// assert_eq!(bound.bound_at(), now);
/// assert_eq!(bound.fingerprint().as_str(), "fp_visa_00000001");
/// assert_eq!(bound.card().masked_number().as_str(), "411111******1111");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoundCard {
    id: CardId,
    card: ValidatedCard,
    fingerprint: CardFingerprint,
    bound_at: DateTime<Utc>,
}

impl BoundCard {
    /// The id in the wallet.
    ///
    /// # Examples
    ///
    /// See [`BoundCard`].
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy, CardWallet};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let card = validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now)?;
    /// # let mut wallet = CardWallet::default();
    /// let id = wallet.bind(card, CardFingerprint::new("fp_visa_00000001")?, &CardPolicy::default(), now)?;
    /// assert_eq!(wallet.list()[0].id(), id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn id(&self) -> CardId {
        self.id
    }

    /// The card.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardBrand, CardFingerprint, CardInput, CardPolicy, CardWallet};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let card = validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now)?;
    /// # let mut wallet = CardWallet::default();
    /// wallet.bind(card, CardFingerprint::new("fp_visa_00000001")?, &CardPolicy::default(), now)?;
    /// assert_eq!(wallet.list()[0].card().brand(), CardBrand::Visa);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn card(&self) -> &ValidatedCard {
        &self.card
    }

    /// The vault's fingerprint.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy, CardWallet};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let card = validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now)?;
    /// # let mut wallet = CardWallet::default();
    /// wallet.bind(card, CardFingerprint::new("fp_visa_00000001")?, &CardPolicy::default(), now)?;
    /// assert_eq!(wallet.list()[0].fingerprint().as_str(), "fp_visa_00000001");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn fingerprint(&self) -> &CardFingerprint {
        &self.fingerprint
    }

    /// When it was bound.
    ///
    /// # Examples
    ///
    /// ```
    /// # use chrono::{TimeZone, Utc};
    /// # use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy, CardWallet};
    /// # let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// # let card = validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now)?;
    /// # let mut wallet = CardWallet::default();
    /// wallet.bind(card, CardFingerprint::new("fp_visa_00000001")?, &CardPolicy::default(), now)?;
    /// assert_eq!(wallet.list()[0].bound_at(), now);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn bound_at(&self) -> DateTime<Utc> {
        self.bound_at
    }
}

/// The cards bound to an account, in the order bound. Every operation is
/// all-or-nothing: an error leaves the wallet unchanged.
///
/// The JSON form is `{"cards":[…],"next_id":3}`; deserialising checks that ids
/// and fingerprints are unique and below `next_id`.
///
/// # Examples
///
/// ```
/// use chrono::{TimeZone, Utc};
/// use walletcare_core::card::{validate, CardError, CardFingerprint, CardInput, CardPolicy, CardWallet};
///
/// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
/// let visa = || CardInput { number: "4111 1111 1111 1111".into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() };
/// let mut wallet = CardWallet::default();
/// let fp = CardFingerprint::new("fp_visa_00000001")?;
/// let id = wallet.bind(validate(visa(), now)?, fp.clone(), &CardPolicy::default(), now)?;
/// let again = wallet.bind(validate(visa(), now)?, fp, &CardPolicy::default(), now);
/// assert_eq!(again, Err(CardError::AlreadyBound { existing: id }));
/// assert_eq!(wallet.list().len(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "crate::error::Unchecked<CardWalletRepr>")]
pub struct CardWallet {
    cards: Vec<BoundCard>,
    next_id: u32,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CardWalletRepr {
    cards: Vec<BoundCard>,
    next_id: u32,
}

impl TryFrom<CardWalletRepr> for CardWallet {
    type Error = CardError;

    fn try_from(repr: CardWalletRepr) -> Result<Self, Self::Error> {
        let invalid = |reason: &str| CardError::InvalidArgument {
            what: "card wallet".to_owned(),
            reason: reason.to_owned(),
        };
        for (index, card) in repr.cards.iter().enumerate() {
            if card.id.0 == 0 || card.id.0 >= repr.next_id {
                return Err(invalid("every card id must be between 1 and next_id - 1"));
            }
            let later = repr.cards.iter().skip(index.saturating_add(1));
            for other in later {
                if other.id == card.id {
                    return Err(invalid("card ids must be unique"));
                }
                if other.fingerprint == card.fingerprint {
                    return Err(invalid("card fingerprints must be unique"));
                }
            }
        }
        Ok(CardWallet {
            cards: repr.cards,
            next_id: repr.next_id,
        })
    }
}

impl Default for CardWallet {
    fn default() -> Self {
        CardWallet {
            cards: Vec::new(),
            next_id: 1,
        }
    }
}

impl CardWallet {
    /// Binds a card under the vault's fingerprint and returns its new id.
    ///
    /// # Errors
    ///
    /// In this order: [`CardError::AlreadyBound`] if a bound card has the
    /// same fingerprint; [`CardError::Expired`] if the card has expired at
    /// `now`; [`CardError::LimitReached`] if `max_cards` are bound (or ids
    /// ran out).
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::card::{validate, CardError, CardFingerprint, CardInput, CardPolicy, CardWallet};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let policy = CardPolicy { max_cards: 1 };
    /// let card = |n: &str| validate(CardInput { number: n.into(), holder_name: "Budi".into(), expiry: "12/30".into(), cvv: "123".into() }, now);
    /// let mut wallet = CardWallet::default();
    /// wallet.bind(card("4111111111111111")?, CardFingerprint::new("fp_visa_00000001")?, &policy, now)?;
    /// let full = wallet.bind(card("5555555555554444")?, CardFingerprint::new("fp_mc_00000002")?, &policy, now);
    /// assert_eq!(full, Err(CardError::LimitReached { max: 1 }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn bind(
        &mut self,
        card: ValidatedCard,
        fingerprint: CardFingerprint,
        policy: &CardPolicy,
        now: DateTime<Utc>,
    ) -> Result<CardId, CardError> {
        if let Some(existing) = self.find_by_fingerprint(&fingerprint) {
            return Err(CardError::AlreadyBound {
                existing: existing.id,
            });
        }
        check_not_expired(&card, now)?;
        let max = policy.max_cards;
        if u32::try_from(self.cards.len()).map_or(true, |n| n >= max) {
            return Err(CardError::LimitReached { max });
        }
        let (id, next_id) = self.allocate_id(max)?;
        self.cards.push(BoundCard {
            id,
            card,
            fingerprint,
            bound_at: now,
        });
        self.next_id = next_id;
        Ok(id)
    }

    /// Replaces a bound card with another in one step, keeping its place in
    /// the list, and returns the new card's id. The number of cards does not
    /// change, so a full wallet can still replace. The new card may have the
    /// old card's fingerprint (a renewed card: same number, new expiry) but
    /// not another bound card's.
    ///
    /// # Errors
    ///
    /// [`CardError::NotFound`] if `old` is not bound;
    /// [`CardError::AlreadyBound`] if another bound card has the fingerprint;
    /// [`CardError::Expired`]; [`CardError::LimitReached`] if ids ran out.
    ///
    /// # Examples
    ///
    /// ```
    /// use chrono::{TimeZone, Utc};
    /// use walletcare_core::card::{validate, CardFingerprint, CardInput, CardPolicy, CardWallet};
    ///
    /// let now = Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap();
    /// let card = |exp: &str| validate(CardInput { number: "4111111111111111".into(), holder_name: "Budi".into(), expiry: exp.into(), cvv: "123".into() }, now);
    /// let fp = CardFingerprint::new("fp_visa_00000001")?;
    /// let mut wallet = CardWallet::default();
    /// let old = wallet.bind(card("12/26")?, fp.clone(), &CardPolicy::default(), now)?;
    /// let renewed = wallet.replace(old, card("12/31")?, fp, now)?;
    /// assert!(wallet.get(old).is_none());
    /// assert_eq!(wallet.get(renewed).map(|c| c.card().expiry().year()), Some(2031));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn replace(
        &mut self,
        old: CardId,
        card: ValidatedCard,
        fingerprint: CardFingerprint,
        now: DateTime<Utc>,
    ) -> Result<CardId, CardError> {
        let position = self
            .cards
            .iter()
            .position(|c| c.id == old)
            .ok_or(CardError::NotFound { id: old })?;
        if let Some(existing) = self
            .cards
            .iter()
            .find(|c| c.fingerprint == fingerprint && c.id != old)
        {
            return Err(CardError::AlreadyBound {
                existing: existing.id,
            });
        }
        check_not_expired(&card, now)?;
        let (id, next_id) = self.allocate_id(u32::MAX)?;
        let slot = self
            .cards
            .get_mut(position)
            .ok_or(CardError::NotFound { id: old })?;
        *slot = BoundCard {
            id,
            card,
            fingerprint,
            bound_at: now,
        };
        self.next_id = next_id;
        Ok(id)
    }

    /// Unbinds a card and returns it.
    ///
    /// # Errors
    ///
    /// [`CardError::NotFound`].
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::{CardError, CardId, CardWallet};
    /// let mut wallet = CardWallet::default();
    /// assert_eq!(wallet.remove(CardId::new(1)), Err(CardError::NotFound { id: CardId::new(1) }));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn remove(&mut self, id: CardId) -> Result<BoundCard, CardError> {
        let position = self
            .cards
            .iter()
            .position(|c| c.id == id)
            .ok_or(CardError::NotFound { id })?;
        Ok(self.cards.remove(position))
    }

    /// The bound cards, in the order bound.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::CardWallet;
    /// assert!(CardWallet::default().list().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn list(&self) -> &[BoundCard] {
        &self.cards
    }

    /// The bound card with this id.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::{CardId, CardWallet};
    /// assert!(CardWallet::default().get(CardId::new(1)).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn get(&self, id: CardId) -> Option<&BoundCard> {
        self.cards.iter().find(|c| c.id == id)
    }

    /// The bound card with this fingerprint.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::card::{CardFingerprint, CardWallet};
    /// assert!(CardWallet::default().find_by_fingerprint(&CardFingerprint::new("fp_00000000")?).is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn find_by_fingerprint(&self, fingerprint: &CardFingerprint) -> Option<&BoundCard> {
        self.cards.iter().find(|c| &c.fingerprint == fingerprint)
    }

    /// The next id and the counter after it.
    fn allocate_id(&self, max: u32) -> Result<(CardId, u32), CardError> {
        let id = self.next_id.max(1);
        let next = id.checked_add(1).ok_or(CardError::LimitReached { max })?;
        Ok((CardId(id), next))
    }
}

fn check_not_expired(card: &ValidatedCard, now: DateTime<Utc>) -> Result<(), CardError> {
    let expiry = card.expiry();
    if expiry.is_expired_at(now) {
        Err(CardError::Expired {
            month: expiry.month(),
            year: expiry.year(),
        })
    } else {
        Ok(())
    }
}

crate::error::coded_from_string!(CardFingerprint => CardError);

crate::error::coded_from_string!(CardWallet(CardWalletRepr) => CardError);
#[cfg(test)]
mod tests {
    use super::super::{CardInput, validate};
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 8, 0, 0).unwrap()
    }

    fn card(number: &str, expiry: &str) -> ValidatedCard {
        validate(
            CardInput {
                number: number.to_owned(),
                holder_name: "Budi".to_owned(),
                expiry: expiry.to_owned(),
                cvv: if number.starts_with('3') && number.len() == 15 {
                    "1234".to_owned()
                } else {
                    "123".to_owned()
                },
            },
            now(),
        )
        .unwrap()
    }

    fn fp(s: &str) -> CardFingerprint {
        CardFingerprint::new(s).unwrap()
    }

    #[test]
    fn failures_change_nothing() {
        let policy = CardPolicy { max_cards: 2 };
        let mut wallet = CardWallet::default();
        let a = wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &policy,
                now(),
            )
            .unwrap();
        let b = wallet
            .bind(
                card("5555555555554444", "12/30"),
                fp("fp_bbbbbbbb"),
                &policy,
                now(),
            )
            .unwrap();
        let before = wallet.clone();
        let later = Utc.with_ymd_and_hms(2031, 1, 1, 0, 0, 0).unwrap();
        let attempts = [
            wallet.bind(
                card("378282246310005", "12/30"),
                fp("fp_cccccccc"),
                &policy,
                now(),
            ),
            wallet.bind(
                card("378282246310005", "12/30"),
                fp("fp_aaaaaaaa"),
                &policy,
                now(),
            ),
            wallet.replace(
                a,
                card("378282246310005", "12/30"),
                fp("fp_bbbbbbbb"),
                now(),
            ),
            wallet.replace(
                CardId(99),
                card("378282246310005", "12/30"),
                fp("fp_cccccccc"),
                now(),
            ),
            wallet.replace(
                b,
                card("378282246310005", "12/30"),
                fp("fp_cccccccc"),
                later,
            ),
        ];
        for attempt in attempts {
            assert!(attempt.is_err());
            assert_eq!(wallet, before);
        }
        assert!(wallet.remove(CardId(99)).is_err());
        assert_eq!(wallet, before);
    }

    #[test]
    fn ids_are_never_reused() {
        let policy = CardPolicy::default();
        let mut wallet = CardWallet::default();
        let a = wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &policy,
                now(),
            )
            .unwrap();
        wallet.remove(a).unwrap();
        let b = wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &policy,
                now(),
            )
            .unwrap();
        assert_ne!(a, b);
        assert_eq!(b, CardId(2));
    }

    #[test]
    fn replace_keeps_the_position_and_works_when_full() {
        let policy = CardPolicy { max_cards: 2 };
        let mut wallet = CardWallet::default();
        let a = wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &policy,
                now(),
            )
            .unwrap();
        let b = wallet
            .bind(
                card("5555555555554444", "12/30"),
                fp("fp_bbbbbbbb"),
                &policy,
                now(),
            )
            .unwrap();
        let c = wallet
            .replace(
                a,
                card("3530111333300000", "12/30"),
                fp("fp_cccccccc"),
                now(),
            )
            .unwrap();
        let ids: Vec<CardId> = wallet.list().iter().map(BoundCard::id).collect();
        assert_eq!(ids, vec![c, b]);
    }

    #[test]
    fn exhausted_ids_are_an_error_not_a_wrap() {
        let json = r#"{"cards":[],"next_id":4294967295}"#;
        let mut wallet: CardWallet = serde_json::from_str(json).unwrap();
        let err = wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &CardPolicy::default(),
                now(),
            )
            .unwrap_err();
        assert_eq!(err, CardError::LimitReached { max: 5 });
        assert!(wallet.list().is_empty());
    }

    #[test]
    fn wallet_json_round_trips_and_is_checked() {
        let mut wallet = CardWallet::default();
        wallet
            .bind(
                card("4111111111111111", "12/30"),
                fp("fp_aaaaaaaa"),
                &CardPolicy::default(),
                now(),
            )
            .unwrap();
        wallet
            .bind(
                card("6212345678901232", "12/30"),
                fp("fp_bbbbbbbb"),
                &CardPolicy::default(),
                now(),
            )
            .unwrap();
        let json = serde_json::to_string(&wallet).unwrap();
        assert_eq!(serde_json::from_str::<CardWallet>(&json).unwrap(), wallet);
        let dup_fp = json.replace("fp_bbbbbbbb", "fp_aaaaaaaa");
        assert!(serde_json::from_str::<CardWallet>(&dup_fp).is_err());
        let stale_next = json.replace("\"next_id\":3", "\"next_id\":2");
        assert!(serde_json::from_str::<CardWallet>(&stale_next).is_err());
        let dup_id = json.replace("\"id\":2", "\"id\":1");
        assert!(serde_json::from_str::<CardWallet>(&dup_id).is_err());
        assert!(serde_json::from_str::<CardWallet>(r#"{"cards":[],"next_id":1,"x":0}"#).is_err());
    }
}
