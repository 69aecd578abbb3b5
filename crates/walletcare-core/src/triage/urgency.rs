//! Urgency cues and the priority they lead to.

use serde::{Deserialize, Serialize};

use super::answers::lowercase_words;
use super::needles::Needles;
use crate::ticket::{Category, Priority};

/// A sign in a message that it should be handled sooner. The JSON form is the
/// snake_case name.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{UrgencyCue, urgency_cues};
///
/// assert_eq!(urgency_cues("tolong cepat, saldo kepotong!"), [UrgencyCue::Urgent, UrgencyCue::MoneyLost]);
/// assert_eq!(serde_json::to_string(&UrgencyCue::MoneyLost)?, "\"money_lost\"");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum UrgencyCue {
    /// The user asks for speed: "urgent", "segera", "tolong cepat", "紧急", "马上".
    Urgent,
    /// Money was deducted, lost or charged twice: "kepotong", "扣款", "charged twice".
    MoneyLost,
    /// Fraud, theft or a hacked account: "scam", "ditipu", "被盗", "not me".
    Fraud,
    /// The user threatens to escalate or has asked repeatedly: "police",
    /// "OJK", "viral", "berkali-kali", "投诉到", "third time".
    Escalation,
}

crate::names::names!(as_str display from_str: triage::UrgencyCue as "urgency cue" {
    Urgent => "urgent",
    MoneyLost => "money_lost",
    Fraud => "fraud",
    Escalation => "escalation",
});

impl UrgencyCue {
    /// Every cue, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::triage::UrgencyCue;
    /// assert_eq!(UrgencyCue::ALL.len(), 4);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [UrgencyCue; 4] = [
        UrgencyCue::Urgent,
        UrgencyCue::MoneyLost,
        UrgencyCue::Fraud,
        UrgencyCue::Escalation,
    ];

    /// Phrases (lowercase; Latin ones between spaces so they match whole
    /// words) that signal the cue.
    fn phrases(self) -> &'static [&'static str] {
        match self {
            UrgencyCue::Urgent => &[
                " urgent",
                " asap ",
                " emergency ",
                " immediately ",
                " right now ",
                " right away ",
                " hurry ",
                " as soon as possible ",
                " segera ",
                " darurat ",
                " cepat ",
                " cepetan ",
                " buruan ",
                " secepatnya ",
                " sekarang juga ",
                " penting banget ",
                "紧急",
                "马上",
                "立刻",
                "立即",
                "尽快",
                "赶紧",
                "着急",
                "急用",
                "很急",
                "急急",
            ],
            UrgencyCue::MoneyLost => &[
                " deducted ",
                " debited ",
                " money is gone ",
                " money gone ",
                " lost money ",
                " lost my money ",
                " money missing ",
                " missing money ",
                " charged twice ",
                " double charged ",
                " charged double ",
                " balance disappeared ",
                " balance is gone ",
                " balance gone ",
                " kepotong ",
                " terpotong ",
                " dipotong ",
                " kepotong2 ",
                " saldo hilang ",
                " uang hilang ",
                " duit hilang ",
                " saldo berkurang ",
                " saldo raib ",
                " uang raib ",
                " terdebet ",
                " terdebit ",
                " kedebit ",
                " potong dua kali ",
                " dua kali potong ",
                "扣款",
                "扣钱",
                "扣了",
                "被扣",
                "钱没了",
                "余额不见",
                "余额少了",
                "钱不见",
                "重复扣",
                "扣两次",
                "扣了两次",
            ],
            UrgencyCue::Fraud => &[
                " fraud",
                " scam",
                " stolen ",
                " hacked ",
                " unauthorized ",
                " unauthorised ",
                " phishing ",
                " i didnt make ",
                " i did not make ",
                " not made by me ",
                " not me ",
                " someone else used ",
                " someone logged ",
                " penipuan ",
                " penipu ",
                " ditipu ",
                " tipu ",
                " dibobol ",
                " kebobolan ",
                " diretas ",
                " di-hack ",
                " dihack ",
                " dicuri ",
                " bukan saya ",
                " tanpa sepengetahuan ",
                " tidak pernah melakukan ",
                " gak pernah transaksi ",
                " phising ",
                "诈骗",
                "骗子",
                "被骗",
                "被盗",
                "盗刷",
                "被黑",
                "黑客",
                "不是我",
                "钓鱼",
                "盗号",
            ],
            UrgencyCue::Escalation => &[
                " lawyer ",
                " police ",
                " sue ",
                " report you ",
                " social media ",
                " viral ",
                " regulator ",
                " ojk ",
                " bank indonesia ",
                " third time ",
                " again and again ",
                " many times ",
                " so many times ",
                " polisi ",
                " lapor ",
                " laporkan ",
                " viralkan ",
                " pengacara ",
                " ylki ",
                " berkali-kali ",
                " berkali kali ",
                " ketiga kalinya ",
                " sudah 3 kali ",
                " udah 3 kali ",
                "投诉到",
                "报警",
                "律师",
                "曝光",
                "消协",
                "监管",
                "多次",
                "好几次",
                "第三次",
                "无数次",
            ],
        }
    }
}

/// The urgency cues in `text` (its first [`super::MAX_INPUT_BYTES`]), each at
/// most once, in [`UrgencyCue::ALL`] order.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{UrgencyCue, urgency_cues};
///
/// assert_eq!(urgency_cues("账户被盗了，紧急！"), [UrgencyCue::Urgent, UrgencyCue::Fraud]);
/// assert!(urgency_cues("how do I change my card?").is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn urgency_cues(text: &str) -> Vec<UrgencyCue> {
    let (text, _) = super::cap_input(text);
    cues_in(&lowercase_words(text))
}

/// As [`urgency_cues`], for a text already made [`lowercase_words`].
pub(crate) fn cues_in(lower: &str) -> Vec<UrgencyCue> {
    // Every cue's phrases, indexed once: one pass over the text.
    static PHRASES: std::sync::OnceLock<Needles> = std::sync::OnceLock::new();
    let found = PHRASES
        .get_or_init(|| Needles::new(&UrgencyCue::ALL.map(UrgencyCue::phrases)))
        .groups_in(lower);
    UrgencyCue::ALL
        .into_iter()
        .enumerate()
        .filter(|&(k, _)| found & (1 << k) != 0)
        .map(|(_, cue)| cue)
        .collect()
}

/// The priority of a ticket: the category's default, raised one level for
/// each of [`UrgencyCue::Urgent`], [`UrgencyCue::MoneyLost`] and
/// [`UrgencyCue::Escalation`] present, and to urgent by
/// [`UrgencyCue::Fraud`]. Never lowered; account security is always urgent.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::{Category, Priority};
/// use walletcare_core::triage::{UrgencyCue, priority_for};
///
/// assert_eq!(priority_for(Category::Feedback, &[]), Priority::Low);
/// assert_eq!(priority_for(Category::Refund, &[UrgencyCue::Urgent]), Priority::High);
/// assert_eq!(priority_for(Category::PaymentFailure, &[UrgencyCue::MoneyLost]), Priority::Urgent);
/// assert_eq!(priority_for(Category::Technical, &[UrgencyCue::Fraud]), Priority::Urgent);
/// assert_eq!(priority_for(Category::AccountSecurity, &[]), Priority::Urgent);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn priority_for(category: Category, cues: &[UrgencyCue]) -> Priority {
    let base = category.default_priority();
    if category == Category::AccountSecurity || cues.contains(&UrgencyCue::Fraud) {
        return Priority::Urgent;
    }
    let raises = [
        UrgencyCue::Urgent,
        UrgencyCue::MoneyLost,
        UrgencyCue::Escalation,
    ]
    .iter()
    .filter(|c| cues.contains(c))
    .count();
    (0..raises).fold(base, |p, _| raise(p))
}

/// One level up, saturating at urgent.
pub(crate) fn raise(p: Priority) -> Priority {
    match p {
        Priority::Low => Priority::Normal,
        Priority::Normal => Priority::High,
        Priority::High | Priority::Urgent => Priority::Urgent,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cue_table() {
        use UrgencyCue::*;
        for (text, want) in [
            ("URGENT!!! my money is gone", vec![Urgent, MoneyLost]),
            (
                "segera dong, saldo kepotong tapi gagal",
                vec![Urgent, MoneyLost],
            ),
            ("tolong cepat ya kak", vec![Urgent]),
            ("紧急！钱被扣了", vec![Urgent, MoneyLost]),
            ("马上处理", vec![Urgent]),
            ("akun saya dibobol, bukan saya yang transaksi", vec![Fraud]),
            (
                "I was charged twice, third time I'm writing",
                vec![MoneyLost, Escalation],
            ),
            ("mau saya laporkan ke OJK", vec![Escalation]),
            ("saya mau tanya biaya transfer", vec![]),
            ("Thanks for the great app", vec![]),
            ("", vec![]),
        ] {
            assert_eq!(urgency_cues(text), want, "{text:?}");
        }
    }

    #[test]
    fn priority_is_never_lowered() {
        for category in Category::ALL {
            let mut cues = Vec::new();
            let mut last = priority_for(category, &cues);
            assert!(last >= category.default_priority());
            for cue in UrgencyCue::ALL {
                cues.push(cue);
                let p = priority_for(category, &cues);
                assert!(p >= last, "{category} {cues:?}");
                last = p;
            }
        }
    }

    #[test]
    fn one_pass_finds_what_contains_finds() {
        let mut texts: Vec<String> = UrgencyCue::ALL
            .iter()
            .flat_map(|c| c.phrases().iter().map(|p| format!("x{p}y {p}")))
            .collect();
        if let Ok(corpus) = crate::triage::builtin_corpus() {
            texts.extend(corpus.into_iter().map(|e| e.text));
        }
        let mut cues = 0;
        for text in texts {
            let lower = lowercase_words(&text);
            let want: Vec<UrgencyCue> = UrgencyCue::ALL
                .into_iter()
                .filter(|cue| cue.phrases().iter().any(|p| lower.contains(p)))
                .collect();
            cues += want.len();
            assert_eq!(cues_in(&lower), want, "{text:?}");
        }
        assert!(cues > 200, "{cues}");
    }
}
