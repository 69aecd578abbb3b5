//! Integration tests: intake conversations in the three languages, requests
//! for a person (recall on phrasings written for this test, and messages
//! that must not be read as such), follow-ups, resuming from JSON, and the
//! intake example's line protocol.

// Test helpers fail loudly on impossible inputs.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use chrono::{DateTime, Duration, TimeZone, Utc};
use walletcare::calendar::CalendarId;
use walletcare::intake::{FieldStatus, Intake, IntakeConfig, IntakeState, Step};
use walletcare::locale::Locale;
use walletcare::ticket::{Category, Channel, TicketNumber};
use walletcare::triage::{InfoField, required_info};

fn config() -> IntakeConfig {
    IntakeConfig {
        channel: Channel::Chat,
        calendar: CalendarId::Indonesia,
        ticket_sequence: 17,
        locale: None,
    }
}

/// Monday 23 November 2026, 10:00 in Jakarta, plus `minutes`.
fn at(minutes: i64) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, 3, 0, 0).unwrap() + Duration::minutes(minutes)
}

/// Runs a conversation: the first message, then answers taken in order,
/// one per question, until the intake stops asking. Returns every step.
fn converse(first: &str, answers: &[(InfoField, &str)]) -> Vec<Step> {
    let mut intake = Intake::new(config()).unwrap();
    let mut steps = vec![intake.step(first, at(0)).unwrap()];
    let mut minute = 1;
    while let Some(field) = steps.last().unwrap().asking {
        let answer = answers
            .iter()
            .find(|(f, _)| *f == field)
            .unwrap_or_else(|| panic!("no answer prepared for {field:?}"))
            .1;
        steps.push(intake.step(answer, at(minute)).unwrap());
        minute += 1;
        assert!(minute < 20, "the conversation does not end");
    }
    // Resuming from the saved form gives the same conversation.
    assert_eq!(Intake::from_json(&intake.to_json()).unwrap(), intake);
    steps
}

/// Checks a finished conversation: a ticket, every required field given,
/// at most one question per field missing after the first message.
fn check_ticket(steps: &[Step], category: Category, locale: Locale) {
    let first = &steps[0];
    assert_eq!(first.category, Some(category), "{:?}", first);
    assert_eq!(first.locale, locale);
    let last = steps.last().unwrap();
    assert_eq!(last.state, IntakeState::TicketOpened, "{}", last.reply);
    assert!(last.missing.is_empty());
    let ticket = last.ticket.as_ref().unwrap();
    assert_eq!(ticket.category, category);
    assert!(last.reply.contains(&ticket.number.to_string()));
    for field in required_info(category) {
        let gathered = ticket
            .fields
            .iter()
            .find(|f| f.field == *field)
            .unwrap_or_else(|| panic!("{field:?} missing from the ticket"));
        assert_eq!(gathered.status, FieldStatus::Given, "{gathered:?}");
        assert!(gathered.text.as_deref().is_some_and(|t| !t.is_empty()));
    }
    let questions: Vec<InfoField> = steps.iter().filter_map(|s| s.asking).collect();
    let mut unique = questions.clone();
    unique.dedup();
    assert_eq!(unique, questions, "a field was asked twice");
    assert!(
        questions.len() <= first.missing.len(),
        "{} questions for {} missing fields",
        questions.len(),
        first.missing.len()
    );
    // The transcript: every user message and every reply, with the SLA.
    assert_eq!(ticket.transcript.len(), 2 * steps.len());
    assert!(ticket.sla.is_some());
    assert!(ticket.first_response_due.is_some());
}

#[test]
fn an_english_conversation_reaches_a_complete_ticket() {
    let steps = converse(
        "My payment failed but the money was taken from my balance",
        &[
            (InfoField::TransactionId, "It was TRX20261122998877"),
            (InfoField::PaymentTime, "yesterday at 14:30"),
            (InfoField::Amount, "$12.50"),
            (InfoField::PaymentMethod, "my wallet balance"),
        ],
    );
    check_ticket(&steps, Category::PaymentFailure, Locale::En);
    assert!(
        steps[1].reply.starts_with("Could you tell me"),
        "{}",
        steps[1].reply
    );
}

#[test]
fn an_indonesian_conversation_fills_two_fields_from_one_answer() {
    let steps = converse(
        "mau refund pesanan INV/20261121/XYZ/123 dong, barangnya gak dateng",
        &[(InfoField::PaymentTime, "Rp 150rb kemarin jam 3")],
    );
    check_ticket(&steps, Category::Refund, Locale::Id);
    // One question for two missing fields: the answer gave both.
    assert_eq!(steps.iter().filter(|s| s.asking.is_some()).count(), 1);
    let ticket = steps.last().unwrap().ticket.as_ref().unwrap();
    let amount = ticket
        .fields
        .iter()
        .find(|f| f.field == InfoField::Amount)
        .unwrap();
    assert_eq!(amount.amount.map(|m| m.minor()), Some(15_000_000));
    assert!(
        steps[0].reply.starts_with("Boleh tahu"),
        "{}",
        steps[0].reply
    );
}

#[test]
fn a_chinese_conversation_reaches_a_complete_ticket() {
    let steps = converse(
        "我绑定银行卡一直失败，怎么办",
        &[
            (InfoField::BankName, "招商银行"),
            (InfoField::CardLastDigits, "尾号1234"),
            (InfoField::ErrorMessage, "提示“系统繁忙，请稍后再试”"),
        ],
    );
    check_ticket(&steps, Category::BankCard, Locale::ZhCn);
    assert!(steps[0].reply.starts_with("请告诉我"), "{}", steps[0].reply);
}

#[test]
fn i_dont_know_moves_on_in_every_language() {
    for (first, dont_know) in [
        ("My payment failed but the money was taken", "I don't know"),
        ("pembayaran gagal tapi saldo kepotong", "gak tahu"),
        ("付款失败了但是钱被扣了", "不知道"),
    ] {
        let mut intake = Intake::new(config()).unwrap();
        let s1 = intake.step(first, at(0)).unwrap();
        let asked = s1.asking.unwrap();
        let s2 = intake.step(dont_know, at(1)).unwrap();
        assert_ne!(s2.asking, Some(asked), "{first}");
        let field = s2.fields.iter().find(|f| f.field == asked).unwrap();
        assert_eq!(field.status, FieldStatus::Unknown);
    }
}

#[test]
fn a_simple_question_gets_the_answer_and_a_check() {
    let mut intake = Intake::new(config()).unwrap();
    let s = intake.step("how do I change my PIN?", at(0)).unwrap();
    assert_eq!(s.state, IntakeState::Answered);
    assert!(s.reply.contains("Did this help?"), "{}", s.reply);
    let s = intake.step("yes, thanks", at(1)).unwrap();
    assert_eq!(s.state, IntakeState::Answered);
    assert!(s.ticket.is_none());

    let mut intake = Intake::new(config()).unwrap();
    let s = intake.step("bagaimana cara ganti PIN?", at(0)).unwrap();
    assert_eq!(s.state, IntakeState::Answered);
    assert!(s.reply.contains("Apakah ini membantu?"), "{}", s.reply);
    let s = intake.step("belum, masih gagal", at(1)).unwrap();
    assert_ne!(s.state, IntakeState::Answered);
}

#[test]
fn follow_ups_link_to_the_earlier_case() {
    let number = TicketNumber::parse("WC-20261121-000123-7").unwrap();
    let mut intake = Intake::new(config()).unwrap();
    let s = intake
        .step(
            "Any news on WC-20261121-000123-7? My refund is still missing",
            at(0),
        )
        .unwrap();
    assert_eq!(s.state, IntakeState::Linked);
    assert_eq!(s.link.unwrap().ticket_number, Some(number));
    assert!(!s.link.unwrap().complaint);
    let s = intake.step("I want to file a complaint", at(1)).unwrap();
    assert!(s.link.unwrap().complaint);
    assert!(s.reply.contains("complaint"), "{}", s.reply);

    for (first, complaint) in [
        ("this is the third time I write about my refund", false),
        ("还是没有人回复我，我要投诉", true),
        ("udah 3x chat blm dibales, saldo saya belum balik", false),
    ] {
        let mut intake = Intake::new(config()).unwrap();
        let s = intake.step(first, at(0)).unwrap();
        assert_eq!(s.state, IntakeState::Asking, "{first}: {}", s.reply);
        assert!(s.ticket.is_none());
        let s = intake.step("WC-20261121-000123-7", at(1)).unwrap();
        assert_eq!(s.state, IntakeState::Linked, "{first}");
        assert_eq!(s.link.unwrap().ticket_number, Some(number));
        assert_eq!(s.link.unwrap().complaint, complaint, "{first}");
    }
}

#[test]
fn a_person_can_be_asked_for_at_any_point() {
    let mut intake = Intake::new(config()).unwrap();
    intake
        .step("mau refund pesanan INV/20261121/XYZ/123", at(0))
        .unwrap();
    let s = intake.step("mau bicara dengan CS aja", at(1)).unwrap();
    assert_eq!(s.state, IntakeState::HandedOff);
    let handoff = s.handoff.unwrap();
    assert_eq!(handoff.category, Some(Category::Refund));
    assert!(
        handoff
            .fields
            .iter()
            .any(|f| f.field == InfoField::OrderNumber)
    );
    assert!(handoff.missing.contains(&InfoField::Amount));
    assert_eq!(handoff.transcript.len(), 4);

    // After a ticket is open too.
    let steps = converse(
        "mau refund pesanan INV/20261121/XYZ/123 dong",
        &[(InfoField::PaymentTime, "Rp 150rb kemarin jam 3")],
    );
    assert_eq!(steps.last().unwrap().state, IntakeState::TicketOpened);
}

/// Requests for a person, written for this test, in English.
const HUMAN_REQUESTS_EN: &[&str] = &[
    "real person please",
    "I want to talk to a human",
    "can I speak to an agent?",
    "let me talk to someone",
    "connect me to customer service",
    "I need a live agent",
    "get me a human",
    "human please",
    "HUMAN",
    "agent",
    "transfer me to an operator",
    "put me through to a representative",
    "I'd like to speak with a real person",
    "stop the bot, I need help from a person",
    "you're not helping, I want an actual human",
    "is there a human I can chat with?",
    "speak to somebody from support please",
    "I want to talk to customer care",
    "can you connect me with an agent",
    "not a bot please, a real person",
    "I need to speak to a representative now",
    "operator please",
    "can I get a real agent",
    "I'd rather talk to a person",
    "please let me speak with someone",
    "connect me to a live person",
    "talk to human",
    "I need human support",
    "can I chat with an agent please",
    "this bot is useless, get me a person",
];

/// Requests for a person in Indonesian.
const HUMAN_REQUESTS_ID: &[&str] = &[
    "mau bicara dengan CS",
    "minta CS dong",
    "sambungkan ke customer service",
    "bisa ngobrol sama orang asli?",
    "saya mau ngomong sama petugas",
    "hubungkan ke agen",
    "tolong sambungin ke CS",
    "mau sama manusia aja",
    "bukan bot, saya mau orang beneran",
    "pengen bicara dengan admin",
    "minta dihubungkan ke operator",
    "CS",
    "mau chat sama CS langsung",
    "saya ingin berbicara dengan layanan pelanggan",
    "panggil CS nya dong",
    "gak mau bot, mau CS",
    "tolong alihkan ke petugas",
    "bisa telpon CS? mau bicara sama orang",
    "mau ngobrol dengan customer service aja",
    "minta agen manusia",
    "pengen ngomong sama orang sungguhan",
    "sambungkan saya ke CS sekarang",
    "bisa bicara sama CS?",
    "tolong hubungkan ke customer service",
    "saya butuh bantuan CS manusia",
    "minta disambungkan ke agent",
    "bisa chat dengan petugas?",
    "mau ngomong langsung ke cs",
    "ga mau ngobrol sama robot",
    "tolong sambungkan ke call center",
];

/// Requests for a person in Chinese.
const HUMAN_REQUESTS_ZH: &[&str] = &[
    "转人工",
    "人工客服",
    "我要人工",
    "找人工",
    "人工服务",
    "我要找真人",
    "帮我转客服",
    "人工！人工！",
    "接人工客服",
    "不要机器人，我要人工",
    "能不能转人工",
    "我想跟真人说话",
    "叫客服人员来",
    "转接人工坐席",
    "请帮我转人工服务",
    "要客服",
    "找客服",
    "人工",
    "我不想和机器人聊",
    "给我转人工客服谢谢",
    "能找个真人吗",
    "麻烦接人工",
    "请转人工",
    "我要跟客服说话",
    "能帮我接通人工客服吗",
    "我需要真人客服",
    "找个人工来",
    "转接客服",
    "我想联系人工",
    "机器人听不懂，换人工",
];

/// Messages that mention agents, people or customer service without asking
/// for one, and ordinary problems.
const NOT_HUMAN_REQUESTS: &[&str] = &[
    "the agent at the store refused my refund",
    "I sent money to the wrong person",
    "my transfer to a person in Bali failed",
    "the delivery person never came",
    "I want a refund for order INV/20261121/XYZ/123",
    "my payment failed but the balance was deducted",
    "how do I change my PIN?",
    "someone logged into my account",
    "the app keeps crashing on my phone",
    "I need to reset my password",
    "the customer service number on the website is wrong",
    "I want to send money to someone abroad",
    "my card was charged twice",
    "thanks, that solved it",
    "pembayaran gagal tapi saldo kepotong",
    "transfer ke orang lain gagal",
    "kurirnya orang yang tidak sopan",
    "saya mau refund pesanan",
    "aplikasinya error terus",
    "saldo saya berkurang sendiri",
    "udah hubungi cs kemarin tapi belum ada solusi",
    "tadi sudah bicara dengan CS, sekarang mau cek status",
    "kartu saya tidak bisa ditambahkan",
    "gimana cara ganti nomor HP?",
    "付款失败了但是钱被扣了",
    "人工智能推荐的商品不对",
    "我想退款",
    "银行卡绑定失败",
    "账户被盗了",
    "怎么修改支付密码",
    "客服之前说三天到账",
    "转账给朋友失败了",
];

#[test]
fn requests_for_a_person_are_recognised_in_three_languages() {
    let handed = |text: &str| {
        let mut intake = Intake::new(config()).unwrap();
        intake.step(text, at(0)).unwrap().state == IntakeState::HandedOff
    };
    let mut missed: Vec<&str> = Vec::new();
    let mut total = 0;
    for (language, requests) in [
        ("en", HUMAN_REQUESTS_EN),
        ("id", HUMAN_REQUESTS_ID),
        ("zh", HUMAN_REQUESTS_ZH),
    ] {
        let miss: Vec<&str> = requests.iter().copied().filter(|t| !handed(t)).collect();
        #[allow(clippy::cast_precision_loss)]
        let recall = 1.0 - miss.len() as f64 / requests.len() as f64;
        println!(
            "human requests ({language}): recall {:.1}% ({} of {}); missed {miss:?}",
            recall * 100.0,
            requests.len() - miss.len(),
            requests.len()
        );
        assert!(
            requests.len() >= 20,
            "{language}: write at least 20 phrasings"
        );
        assert!(
            recall >= 0.9,
            "{language}: recall {recall}: missed {miss:?}"
        );
        total += requests.len();
        missed.extend(miss);
    }
    let false_alarms: Vec<&str> = NOT_HUMAN_REQUESTS
        .iter()
        .copied()
        .filter(|t| handed(t))
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let recall = 1.0 - missed.len() as f64 / total as f64;
    println!(
        "human requests: recall {:.1}% ({} of {total}), false alarms {} of {}; false alarms {false_alarms:?}",
        recall * 100.0,
        total - missed.len(),
        false_alarms.len(),
        NOT_HUMAN_REQUESTS.len()
    );
    assert!(NOT_HUMAN_REQUESTS.len() >= 30);
    assert!(recall >= 0.95, "recall {recall}: missed {missed:?}");
    assert!(false_alarms.is_empty(), "{false_alarms:?}");
}

/// The second set of phrasings (`tests/data/human_holdout.tsv`), written
/// before the recogniser was widened for it: 30 requests per language and 20
/// ordinary messages. It was then tuned on, so it guards against regressions
/// rather than measuring recall on unseen text; one English phrasing ("pls
/// hand me over to an agent") is still missed.
#[test]
fn the_second_set_of_requests_for_a_person_stays_recognised() {
    let text = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/human_holdout.tsv"
    ))
    .unwrap();
    let mut wanted = [("en", 0, 0), ("id", 0, 0), ("zh", 0, 0)];
    let mut false_alarms = Vec::new();
    let mut ordinary = 0;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
    {
        let mut cols = line.splitn(3, '\t');
        let (language, label, message) = (
            cols.next().unwrap(),
            cols.next().unwrap(),
            cols.next().unwrap(),
        );
        let mut intake = Intake::new(config()).unwrap();
        let handed = intake.step(message, at(0)).unwrap().state == IntakeState::HandedOff;
        if label == "1" {
            let row = wanted.iter_mut().find(|(l, _, _)| *l == language).unwrap();
            row.1 += 1;
            row.2 += usize::from(handed);
        } else {
            ordinary += 1;
            if handed {
                false_alarms.push(message.to_owned());
            }
        }
    }
    for (language, total, found) in wanted {
        println!("second set, human requests ({language}): {found} of {total}");
        assert_eq!(total, 30, "{language}");
        assert!(found >= 29, "{language}: {found} of {total}");
    }
    assert_eq!(ordinary, 20);
    assert!(false_alarms.is_empty(), "{false_alarms:?}");
}

#[test]
fn replies_follow_the_configured_locale() {
    let mut intake = Intake::new(IntakeConfig {
        locale: Some(Locale::ZhCn),
        ..config()
    })
    .unwrap();
    let s = intake.step("refund please", at(0)).unwrap();
    assert_eq!(s.locale, Locale::ZhCn);
    assert!(s.reply.starts_with("请告诉我"), "{}", s.reply);
}

#[path = "../../examples/intake.rs"]
mod intake_example;

#[test]
fn the_intake_example_prints_one_object_per_line_and_survives_bad_bytes() {
    let mut input: Vec<u8> = b"mau refund pesanan INV/20261121/XYZ/123\n".to_vec();
    input.extend_from_slice(b"\xff\xfe not utf-8\n");
    input.extend_from_slice("Rp 150rb kemarin jam 3\n".as_bytes());
    let args: Vec<String> = ["--now", "2026-11-23T03:00:00Z", "--sequence", "17"]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
    let mut out = Vec::new();
    intake_example::run(&args, input.as_slice(), &mut out).unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8(out)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["state"], "asking");
    assert!(
        lines[0]["missing"]
            .as_array()
            .is_some_and(|m| !m.is_empty())
    );
    assert!(lines[0]["reply"].as_str().is_some());
    assert_eq!(lines[1]["error"]["code"], "ffi.invalid_utf8");
    assert_eq!(lines[2]["state"], "ticket_opened");
    let number =
        TicketNumber::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(), 17).unwrap();
    assert_eq!(lines[2]["ticket"]["number"], number.to_string());
    assert_eq!(lines[2]["missing"].as_array().map(Vec::len), Some(0));
}
