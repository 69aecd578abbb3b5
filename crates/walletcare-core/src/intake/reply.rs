//! What intake says, in each locale.

use chrono::{DateTime, Utc};
use chrono_tz::Tz;

use super::CaseLink;
use crate::locale::{Locale, Render, format_instant};
use crate::ticket::{Category, TicketNumber};
use crate::triage::{InfoField, SelfServiceAnswer};

/// One question for one field; the first question says "I don't know" is
/// fine.
pub(super) fn ask(field: InfoField, first: bool, locale: Locale) -> String {
    let label = field.render(locale);
    let question = match locale {
        Locale::En => format!("Could you tell me the {label}?"),
        Locale::Id => format!("Boleh tahu {label}?"),
        Locale::ZhCn => format!("请告诉我{label}。"),
    };
    if first {
        let hint = locale.pick(
            "(If you don't know, just say \"I don't know\".)",
            "(Kalau tidak tahu, jawab saja \"gak tahu\".)",
            "（如果不知道，回复“不知道”即可。）",
        );
        format!("{question} {hint}")
    } else {
        question
    }
}

pub(super) fn ask_ticket_number(locale: Locale) -> String {
    locale
        .pick(
            "Sorry you had to write again. What is the number of your earlier ticket (like WC-20261121-000123-7)? I'll add this to it rather than open a new one.",
            "Maaf Anda harus menghubungi kami lagi. Berapa nomor tiket sebelumnya (seperti WC-20261121-000123-7)? Pesan ini akan kami tambahkan ke tiket itu, bukan tiket baru.",
            "抱歉让您再次联系我们。请提供之前的工单号（例如 WC-20261121-000123-7），我们会把这条消息补充到原工单，而不是新建工单。",
        )
        .to_owned()
}

pub(super) fn self_service(category: Category, locale: Locale) -> String {
    let answer = SelfServiceAnswer { category }.render(locale);
    let question = locale.pick(
        "Did this help? (yes/no)",
        "Apakah ini membantu? (ya/tidak)",
        "这些信息有帮助吗？（是/否）",
    );
    format!("{answer}\n{question}")
}

pub(super) fn glad(locale: Locale) -> String {
    locale
        .pick(
            "Glad that helped! Write again any time.",
            "Senang bisa membantu! Silakan hubungi kami lagi kapan saja.",
            "很高兴能帮到您！有问题随时联系我们。",
        )
        .to_owned()
}

pub(super) fn sorry(locale: Locale) -> String {
    locale
        .pick(
            "Sorry that didn't solve it; let's open a case.",
            "Maaf belum membantu; kami buatkan laporan.",
            "抱歉没能解决，我们为您创建工单。",
        )
        .to_owned()
}

pub(super) fn ticket_opened(
    number: TicketNumber,
    due: Option<DateTime<Utc>>,
    zone: Tz,
    locale: Locale,
) -> String {
    match (locale, due) {
        (Locale::En, Some(due)) => format!(
            "Thank you. I've opened ticket {number}; you'll hear from us by {}.",
            format_instant(due, zone, locale)
        ),
        (Locale::En, None) => format!("Thank you. I've opened ticket {number}."),
        (Locale::Id, Some(due)) => format!(
            "Terima kasih. Tiket {number} sudah dibuat; kami akan membalas paling lambat {}.",
            format_instant(due, zone, locale)
        ),
        (Locale::Id, None) => format!("Terima kasih. Tiket {number} sudah dibuat."),
        (Locale::ZhCn, Some(due)) => format!(
            "谢谢。已为您创建工单 {number}，我们最晚将于{}回复您。",
            format_instant(due, zone, locale)
        ),
        (Locale::ZhCn, None) => format!("谢谢。已为您创建工单 {number}。"),
    }
}

pub(super) fn handing_off(locale: Locale) -> String {
    locale
        .pick(
            "I'm connecting you to a person now and passing on everything you've told me, so you won't have to repeat it.",
            "Saya sambungkan ke petugas CS sekarang, beserta semua informasi yang sudah Anda berikan, jadi tidak perlu mengulang.",
            "正在为您转接人工客服，并已转交您提供的全部信息，无需重复说明。",
        )
        .to_owned()
}

pub(super) fn still_handed_off(locale: Locale) -> String {
    locale
        .pick(
            "A person will be with you shortly; I've passed this message on too.",
            "Petugas CS akan segera membalas; pesan ini juga sudah kami teruskan.",
            "人工客服马上为您服务，这条消息也已转交。",
        )
        .to_owned()
}

pub(super) fn added_to_ticket(
    number: Option<TicketNumber>,
    complaint: bool,
    locale: Locale,
) -> String {
    let number = number.map(|n| n.to_string()).unwrap_or_default();
    match (locale, complaint) {
        (Locale::En, false) => format!("I've added this to ticket {number}."),
        (Locale::En, true) => {
            format!("I've recorded a complaint on ticket {number}; it now has a higher priority.")
        }
        (Locale::Id, false) => format!("Pesan ini sudah ditambahkan ke tiket {number}."),
        (Locale::Id, true) => {
            format!("Komplain Anda sudah dicatat di tiket {number} dan prioritasnya dinaikkan.")
        }
        (Locale::ZhCn, false) => format!("已将这条消息补充到工单 {number}。"),
        (Locale::ZhCn, true) => format!("已在工单 {number} 登记您的投诉，并提高了处理优先级。"),
    }
}

pub(super) fn linked(link: Option<CaseLink>, raised_now: bool, locale: Locale) -> String {
    let number = link.and_then(|l| l.ticket_number);
    let complaint = link.is_some_and(|l| l.complaint);
    let base = match (locale, number) {
        (Locale::En, Some(n)) => format!("Sorry for the wait. I've added your message to ticket {n} instead of opening a new one."),
        (Locale::En, None) => "Sorry for the wait. I've added your message to your latest case instead of opening a new one.".to_owned(),
        (Locale::Id, Some(n)) => format!("Maaf atas keterlambatannya. Pesan Anda sudah ditambahkan ke tiket {n}, bukan tiket baru."),
        (Locale::Id, None) => "Maaf atas keterlambatannya. Pesan Anda sudah ditambahkan ke laporan terakhir Anda, bukan tiket baru.".to_owned(),
        (Locale::ZhCn, Some(n)) => format!("抱歉让您久等。已将您的消息补充到工单 {n}，不会新建工单。"),
        (Locale::ZhCn, None) => "抱歉让您久等。已将您的消息补充到您最近的工单，不会新建工单。".to_owned(),
    };
    if complaint || raised_now {
        let extra = locale.pick(
            "It is now recorded as a complaint and escalated.",
            "Kini dicatat sebagai komplain dan dieskalasi.",
            "已登记为投诉并升级处理。",
        );
        let sep = if locale == Locale::ZhCn { "" } else { " " };
        format!("{base}{sep}{extra}")
    } else {
        base
    }
}
