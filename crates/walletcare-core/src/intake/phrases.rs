//! What a message asks for, beyond its category: a person, a follow-up on
//! an earlier case, a complaint, "I don't know", yes or no.
//!
//! Every detector reads the text as [`Normalized`]: lowercased, with every
//! run of punctuation and spaces made one space and a space at each end
//! (the triage module's `lowercase_words`), so whole-word checks are
//! substring checks on `" word "`. Chinese has no spaces; its cues are
//! substrings.

use crate::ticket::TicketNumber;
use crate::triage::answers::lowercase_words;

/// A message lowercased into space-separated words, padded with spaces.
pub(crate) struct Normalized {
    /// `lowercase_words` of the message, as triage reads it.
    lower: String,
    /// The same with one spelling for the names of a human, when one was
    /// respelled.
    respelled: Option<String>,
    /// Whether the message is ASCII (no Chinese cue can match).
    ascii: bool,
}

impl Normalized {
    pub(crate) fn new(text: &str) -> Normalized {
        let lower = lowercase_words(text);
        let mut respelled: Option<String> = None;
        // One spelling for the multi-word names of a human.
        for (from, to) in [
            (" customer service ", " cs "),
            (" customer care ", " cs "),
            (" layanan pelanggan ", " cs "),
            (" call center ", " cs "),
            (" call centre ", " cs "),
        ] {
            let current = respelled.as_deref().unwrap_or(&lower);
            if current.contains(from) {
                respelled = Some(current.replace(from, to));
            }
        }
        let ascii = lower.is_ascii();
        Normalized {
            lower,
            respelled,
            ascii,
        }
    }

    /// The words as triage's `lowercase_words` gives them.
    pub(crate) fn lower(&self) -> &str {
        &self.lower
    }

    fn text(&self) -> &str {
        self.respelled.as_deref().unwrap_or(&self.lower)
    }

    fn has(&self, needle: &str) -> bool {
        // A Chinese cue cannot be in an ASCII message.
        if self.ascii && !needle.is_ascii() {
            return false;
        }
        self.text().contains(needle)
    }

    /// Whether any needle is in the text. A needle that starts with a
    /// space can only start at one of the text's spaces (the text is words
    /// between single spaces), so those are compared there rather than
    /// searched for: one pass over the few word starts instead of one
    /// search of the whole text per needle.
    fn has_any(&self, needles: &[&str]) -> bool {
        let text = self.text();
        let bytes = text.as_bytes();
        let mut spaced = false;
        for n in needles {
            if n.starts_with(' ') {
                spaced = true;
            } else if self.has(n) {
                return true;
            }
        }
        spaced
            && bytes.iter().enumerate().any(|(p, &b)| {
                b == b' '
                    && bytes.get(p..).is_some_and(|rest| {
                        needles
                            .iter()
                            .any(|n| n.starts_with(' ') && rest.starts_with(n.as_bytes()))
                    })
            })
    }

    fn words(&self) -> impl Iterator<Item = &str> {
        self.text().split(' ').filter(|w| !w.is_empty())
    }
}

/// Phrases that ask for a person on their own.
const HUMAN_PHRASES: &[&str] = &[
    // English
    " real person",
    " real human",
    " real people",
    " actual person",
    " actual human",
    " live agent",
    " live person",
    " live chat agent",
    " human agent",
    " human being",
    " not a bot",
    " not a robot",
    " not the bot",
    " no bot ",
    " no more bot",
    " stop the bot",
    " enough bot",
    " transfer me",
    " put me through",
    " escalate to a person",
    " escalate to a human",
    " a human please",
    " human please",
    " agent please",
    " operator please",
    " representative please",
    " cs please",
    " is there a human",
    " is there a person",
    " is there a real",
    " is there an agent",
    " is there anyone i can talk",
    " is anyone there",
    " live support",
    " to live chat",
    " human support",
    " human help",
    " call me back",
    " call back",
    " contact me",
    " someone on the phone",
    " can a staff",
    " can an agent",
    " can a human",
    " can a person",
    // Indonesian
    " orang asli",
    " orang beneran",
    " orang sungguhan",
    " manusia asli",
    " bukan bot",
    " bukan robot",
    " jangan bot",
    " gak mau bot",
    " ga mau bot",
    " nggak mau bot",
    " sama manusia",
    " dengan manusia",
    " ke manusia",
    " cs manusia",
    " agen manusia",
    " ga mau ngobrol sama robot",
    " gak mau ngobrol sama robot",
    " nggak mau ngobrol sama robot",
    " ga mau sama robot",
    " gak mau sama robot",
    " ngobrol langsung",
    " bicara langsung",
    " ngomong langsung",
    " ada orang di sana",
    " ada orang disana",
    " cs beneran",
    " cs asli",
    " ada cs yg bisa",
    " ada cs yang bisa",
];

/// Chinese cues (substrings).
const HUMAN_ZH: &[&str] = &[
    "转人工",
    "人工客服",
    "人工服务",
    "人工坐席",
    "人工座席",
    "找人工",
    "要人工",
    "接人工",
    "叫人工",
    "真人",
    "活人",
    "转客服",
    "找客服",
    "要客服",
    "叫客服",
    "接客服",
    "客服人员",
    "客服小姐姐",
    "不要机器人",
    "别用机器人",
    "不想跟机器人",
    "不想和机器人",
    "不是机器人",
    "跟客服说话",
    "和客服说话",
    "同客服说话",
    "跟真人说",
    "找个人",
];

/// Chinese verbs that reach for someone, and whom: "找你们的工作人员",
/// "让客服打电话给我", "联系在线客服" (a verb, at most four characters,
/// then the person).
const ZH_VERBS: &[&str] = &[
    "找", "联系", "接通", "转接", "要", "叫", "让", "和", "跟", "同", "安排",
];
const ZH_TARGETS: &[&str] = &["客服", "人工", "真人", "工作人员", "主管", "经理", "负责人"];

/// A Chinese verb reaching for a person ([`ZH_VERBS`], [`ZH_TARGETS`]),
/// not in the past ("联系过客服").
fn zh_reaches_person(text: &str) -> bool {
    text.char_indices().any(|(i, _)| {
        let rest = text.get(i..).unwrap_or_default();
        ZH_VERBS.iter().any(|v| {
            let Some(after) = rest.strip_prefix(v) else {
                return false;
            };
            let mut tail = after;
            for _ in 0..=4 {
                if tail.starts_with('过') || tail.starts_with('了') {
                    return false;
                }
                if ZH_TARGETS.iter().any(|t| tail.starts_with(t)) {
                    return true;
                }
                let mut chars = tail.chars();
                if chars.next().is_none_or(|c| c.is_ascii()) {
                    return false;
                }
                tail = chars.as_str();
            }
            false
        })
    })
}

/// Who a person is called.
const HUMAN_TARGETS: &[&str] = &[
    "human",
    "humans",
    "person",
    "agent",
    "agents",
    "rep",
    "representative",
    "operator",
    "someone",
    "somebody",
    "staff",
    "cs",
    "agen",
    "petugas",
    "manusia",
    "admin",
    "staf",
    "orang",
    "manager",
    "supervisor",
    "atasan",
    "manajer",
];

/// Verbs that ask to reach one.
const HUMAN_VERBS: &[&str] = &[
    "talk",
    "speak",
    "chat",
    "connect",
    "get",
    "want",
    "need",
    "reach",
    "give",
    "bicara",
    "berbicara",
    "ngomong",
    "ngobrol",
    "hubungkan",
    "sambungkan",
    "sambungin",
    "hubungin",
    "sambung",
    "minta",
    "mau",
    "pengen",
    "pingin",
    "ingin",
    "panggil",
    "panggilin",
    "oper",
    "alihkan",
    "dialihkan",
    "disambungkan",
    "dihubungkan",
    "escalate",
    "hand",
];

/// Words that put the verb in the past ("I already talked to CS").
const PAST_MARKERS: &[&str] = &["udah", "sudah", "dah", "tadi", "pernah", "already", "had"];

/// Targets that only count after a talking verb ("I need someone" alone is
/// not a request for a person; "talk to someone" is).
const TALK_ONLY_TARGETS: &[&str] = &["someone", "somebody", "orang", "admin"];
const TALK_VERBS: &[&str] = &[
    "panggil",
    "panggilin",
    "talk",
    "speak",
    "chat",
    "bicara",
    "berbicara",
    "ngomong",
    "ngobrol",
];

/// Whether the message asks for a person: "mau bicara dengan CS", "转人工",
/// "real person please", "can I talk to an agent".
pub(crate) fn wants_human(n: &Normalized) -> bool {
    // "真人认证" is the face check of real-name verification, not a person.
    let zh_cue = |z: &&str| {
        n.has(z)
            && !(*z == "真人"
                && ["真人认证", "真人验证", "真人检测"]
                    .iter()
                    .any(|c| n.has(c)))
    };
    if n.has_any(HUMAN_PHRASES) || HUMAN_ZH.iter().any(zh_cue) {
        return true;
    }
    if !n.ascii && (zh_reaches_person(n.text()) || only_repeats(n.text(), &["客服", "人工"])) {
        return true;
    }
    // "人工" alone ("人工！", "人工人工"), but not "人工智能" (AI).
    if n.has("人工") && !n.has("人工智能") {
        return true;
    }
    let words: Vec<&str> = n.words().collect();
    // A bare cry: "human", "agent!", "CS", "operator".
    // ... or with a "please": "agent pls", "cs dong".
    let cry = |w: &str| {
        matches!(
            w,
            "human" | "agent" | "operator" | "representative" | "cs" | "agen" | "manusia"
        )
    };
    let please = |w: &str| matches!(w, "please" | "pls" | "plz" | "dong" | "aja" | "now");
    match words.as_slice() {
        [only] if cry(only) => return true,
        [a, b] if cry(a) && please(b) => return true,
        _ => {}
    }
    for (i, word) in words.iter().enumerate() {
        if !HUMAN_TARGETS.contains(word) {
            continue;
        }
        let talk_only = TALK_ONLY_TARGETS.contains(word);
        // A verb at most four words before the target.
        let start = i.saturating_sub(4);
        for j in start..i {
            let Some(verb) = words.get(j) else { continue };
            let ok = if talk_only {
                TALK_VERBS.contains(verb)
            } else {
                HUMAN_VERBS.contains(verb)
            };
            if !ok {
                continue;
            }
            let past = j
                .checked_sub(1)
                .and_then(|k| words.get(k))
                .is_some_and(|p| PAST_MARKERS.contains(p));
            if !past {
                return true;
            }
        }
    }
    false
}

/// Whether `text` (spaces aside) is one of `cues` said again and again
/// ("客服！客服！").
fn only_repeats(text: &str, cues: &[&str]) -> bool {
    let mut rest = text.trim_start();
    if rest.is_empty() {
        return false;
    }
    while !rest.is_empty() {
        match cues.iter().find_map(|c| rest.strip_prefix(c)) {
            Some(after) => rest = after.trim_start(),
            None => return false,
        }
    }
    true
}

const FOLLOW_UP_PHRASES: &[&str] = &[
    // English
    " third time",
    " fourth time",
    " fifth time",
    " 3rd time",
    " 4th time",
    " many times",
    " several times",
    " how many times",
    " times already",
    " again and again",
    " still no reply",
    " still no response",
    " still no answer",
    " still nobody",
    " still no one",
    " still haven t heard",
    " still waiting for a reply",
    " still waiting for an answer",
    " still waiting for a response",
    " no one has replied",
    " no one replied",
    " nobody replied",
    " nobody has replied",
    " no one answered",
    " nobody answered",
    " no one got back",
    " nobody got back",
    " no reply yet",
    " no response yet",
    " haven t heard back",
    " havent heard back",
    " never heard back",
    " already reported",
    " already contacted",
    " already complained",
    " already wrote",
    " already written",
    " already sent you",
    " follow up on",
    " following up",
    " my ticket",
    " my case",
    " my previous",
    " my earlier",
    " ticket number",
    " case number",
    " wrote before",
    " wrote last",
    " written before",
    // Indonesian
    " berkali-kali",
    " berkali kali",
    " ketiga kalinya",
    " keempat kalinya",
    " blm dibales",
    " belum dibales",
    " belum dibalas",
    " blm dibalas",
    " gak dibales",
    " ga dibales",
    " nggak dibales",
    " ngga dibales",
    " tidak dibalas",
    " gak ada balasan",
    " belum ada balasan",
    " blm ada balasan",
    " belum ada respon",
    " blm ada respon",
    " belum direspon",
    " blm direspon",
    " gak direspon",
    " masih belum ada",
    " masih blm ada",
    " udah lapor",
    " sudah lapor",
    " sudah melapor",
    " udah komplain",
    " sudah komplain",
    " tiket saya",
    " tiket sebelumnya",
    " nomor tiket",
    " follow up",
    " laporan saya sebelumnya",
];

const FOLLOW_UP_ZH: &[&str] = &[
    "还是没有",
    "还没有人",
    "还是没人",
    "没人回复",
    "没有人回复",
    "没人理",
    "没有人理",
    "还没回复",
    "还没有回复",
    "一直没回复",
    "一直没有回复",
    "一直没人",
    "第三次",
    "第四次",
    "好几次",
    "多次反映",
    "多次联系",
    "已经反映",
    "已经反馈",
    "已经投诉过",
    "已经联系过",
    "已经提交过",
    "之前反馈",
    "之前投诉",
    "之前提交",
    "之前的工单",
    "工单号",
    "我的工单",
    "跟进",
    "催一下",
];

/// A ticket number written in the text, if any (`WC-20261121-000123-7`,
/// any prefix of 2-4 letters, check digit verified).
pub(crate) fn ticket_number_in(text: &str) -> Option<TicketNumber> {
    text.split(|c: char| {
        c.is_whitespace()
            || matches!(
                c,
                ',' | ';' | ':' | '(' | ')' | '[' | ']' | '#' | '"' | '\''
            )
            || (!c.is_ascii() && !c.is_alphanumeric())
            || matches!(c, '，' | '。' | '：' | '；' | '（' | '）')
    })
    .map(|w| w.trim_matches(|c: char| c == '.' || c == '!' || c == '?'))
    .filter(|w| w.len() >= 17 && w.len() <= 32 && w.contains('-'))
    .find_map(|w| TicketNumber::parse(w).ok())
}

/// Whether the message follows up on an earlier case: "this is the third
/// time I write", "还是没有人回复", "udah 3x chat blm dibales", or a ticket
/// number.
pub(crate) fn is_follow_up(n: &Normalized) -> bool {
    if n.has_any(FOLLOW_UP_PHRASES) || FOLLOW_UP_ZH.iter().any(|z| n.has(z)) {
        return true;
    }
    // "udah 3x", "sudah 2 kali", "dah 4x": a count of earlier attempts.
    let words: Vec<&str> = n.words().collect();
    words.windows(3).any(|w| match w {
        [marker, count, next] => {
            matches!(*marker, "udah" | "sudah" | "dah")
                && (is_times(count)
                    || (count.chars().all(|c| c.is_ascii_digit()) && *next == "kali"))
        }
        _ => false,
    }) || words.windows(2).any(|w| match w {
        [marker, count] => matches!(*marker, "udah" | "sudah" | "dah") && is_times(count),
        _ => false,
    })
}

/// "2x", "3x", "10x".
fn is_times(word: &str) -> bool {
    word.strip_suffix('x')
        .is_some_and(|d| !d.is_empty() && d.chars().all(|c| c.is_ascii_digit()) && d != "1")
}

/// Whether the message asks for a complaint: "I want to file a complaint",
/// "mau komplain", "我要投诉".
pub(crate) fn wants_complaint(n: &Normalized) -> bool {
    n.has_any(&[
        " complaint",
        " complain",
        " escalate",
        " komplain",
        " aduan",
        " pengaduan",
        " mengadu",
        " eskalasi",
        " ojk",
    ]) || n.has("投诉")
        || n.has("升级处理")
}

/// Whether the message says the user does not know: "I don't know",
/// "gak tahu", "不知道", "lupa".
pub(crate) fn does_not_know(n: &Normalized) -> bool {
    n.has_any(&[
        " i don t know",
        " don t know",
        " dont know",
        " do not know",
        " not sure",
        " no idea",
        " idk ",
        " don t remember",
        " dont remember",
        " do not remember",
        " can t remember",
        " cant remember",
        " forgot",
        " i forget",
        " gak tahu",
        " ga tahu",
        " gak tau",
        " ga tau",
        " gatau",
        " gatahu",
        " nggak tahu",
        " nggak tau",
        " ngga tau",
        " ngga tahu",
        " enggak tahu",
        " tidak tahu",
        " tdk tahu",
        " tdk tau",
        " kurang tahu",
        " lupa",
        " tidak ingat",
        " gak ingat",
        " ga inget",
        " gak inget",
        " entah",
    ]) || [
        "不知道",
        "不清楚",
        "忘了",
        "忘记了",
        "不记得",
        "记不得",
        "记不清",
    ]
    .iter()
    .any(|z| n.has(z))
}

/// Yes (`Some(true)`), no (`Some(false)`) or neither, for "did this help?".
/// "No" wins when both appear ("no, thanks").
pub(crate) fn yes_or_no(n: &Normalized) -> Option<bool> {
    let no = n.has_any(&[
        " no ", " nope", " not ", " didn t", " didnt", " doesn t", " still ", " tidak", " gak ",
        " ga ", " belum", " blm", " nggak", " ngga ", " masih ", " bukan",
    ]) || [
        "没用",
        "没有用",
        "没帮助",
        "不行",
        "没解决",
        "还是不",
        "不能",
        "不是",
    ]
    .iter()
    .any(|z| n.has(z));
    if no {
        return Some(false);
    }
    let yes = n.has_any(&[
        " yes",
        " yeah",
        " yep",
        " ya ",
        " iya",
        " sudah",
        " udah",
        " helped",
        " helps",
        " thanks",
        " thank you",
        " terima kasih",
        " makasih",
        " berhasil",
        " solved",
        " resolved",
        " ok ",
        " okay",
        " oke",
        " sip",
        " mantap",
        " works",
        " worked",
        " bisa ",
    ]) || [
        "有用",
        "有帮助",
        "解决了",
        "好了",
        "谢谢",
        "可以了",
        "是的",
        "好的",
        "行了",
        "对",
    ]
    .iter()
    .any(|z| n.has(z));
    yes.then_some(true)
}

/// Whether the message reads as a question about how to do something
/// ("how do I...", "bagaimana cara...", "怎么...").
pub(crate) fn is_how_to(n: &Normalized, raw: &str) -> bool {
    n.has_any(&[
        " how do i ",
        " how can i ",
        " how to ",
        " how do you ",
        " what is ",
        " what are ",
        " where can i ",
        " where do i ",
        " can i ",
        " bagaimana ",
        " gimana ",
        " gmn ",
        " cara ",
        " apakah ",
        " apa itu ",
        " dimana ",
        " di mana ",
    ]) || (raw.contains("怎么") && !raw.contains("怎么办") && !raw.contains("怎么回事"))
        || ["如何", "怎样", "在哪", "什么是"]
            .iter()
            .any(|z| raw.contains(z))
}
