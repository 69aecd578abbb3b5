//! Self-service answers and the information support needs, per category.

use serde::{Deserialize, Serialize};

use super::entities::{Entity, EntityKind};
use super::needles::Needles;
use crate::locale::{Locale, Render};
use crate::ticket::Category;

/// A piece of information support needs to handle a ticket. The JSON form is
/// the snake_case name; [`Render`] gives the label in each locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::triage::InfoField;
///
/// assert_eq!(serde_json::to_string(&InfoField::OrderNumber)?, "\"order_number\"");
/// assert_eq!(InfoField::OrderNumber.render(Locale::Id), "nomor pesanan");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(rename_all = "snake_case")]
pub enum InfoField {
    /// The merchant's order or invoice number.
    OrderNumber,
    /// The wallet's transaction id.
    TransactionId,
    /// When the payment was made.
    PaymentTime,
    /// When the incident (unknown transaction, bad experience) happened.
    IncidentTime,
    /// The amount involved.
    Amount,
    /// How the user paid: balance, card, bank transfer, QRIS...
    PaymentMethod,
    /// The phone number registered to the account.
    RegisteredPhone,
    /// The error message or code the app showed.
    ErrorMessage,
    /// The phone model.
    DeviceModel,
    /// The app version.
    AppVersion,
    /// The card's bank.
    BankName,
    /// The last four digits of the card.
    CardLastDigits,
    /// The number of an earlier ticket about the same problem.
    TicketNumber,
}

crate::names::names!(as_str display from_str: triage::InfoField as "info field" {
    OrderNumber => "order_number",
    TransactionId => "transaction_id",
    PaymentTime => "payment_time",
    IncidentTime => "incident_time",
    Amount => "amount",
    PaymentMethod => "payment_method",
    RegisteredPhone => "registered_phone",
    ErrorMessage => "error_message",
    DeviceModel => "device_model",
    AppVersion => "app_version",
    BankName => "bank_name",
    CardLastDigits => "card_last_digits",
    TicketNumber => "ticket_number",
});

impl Render for InfoField {
    fn render(&self, locale: Locale) -> String {
        let (en, id, zh) = match self {
            InfoField::OrderNumber => ("order number", "nomor pesanan", "订单号"),
            InfoField::TransactionId => ("transaction ID", "ID transaksi", "交易编号"),
            InfoField::PaymentTime => (
                "payment date and time",
                "tanggal dan jam pembayaran",
                "付款时间",
            ),
            InfoField::IncidentTime => ("when it happened", "waktu kejadian", "发生时间"),
            InfoField::Amount => ("amount", "nominal", "金额"),
            InfoField::PaymentMethod => ("payment method", "metode pembayaran", "支付方式"),
            InfoField::RegisteredPhone => (
                "phone number registered to the account",
                "nomor HP yang terdaftar di akun",
                "账户绑定的手机号",
            ),
            InfoField::ErrorMessage => (
                "error message shown",
                "pesan error yang muncul",
                "显示的错误信息",
            ),
            InfoField::DeviceModel => ("phone model", "tipe HP", "手机型号"),
            InfoField::AppVersion => ("app version", "versi aplikasi", "应用版本"),
            InfoField::BankName => ("card's bank", "bank penerbit kartu", "发卡银行"),
            InfoField::CardLastDigits => (
                "last 4 digits of the card",
                "4 digit terakhir kartu",
                "卡号后四位",
            ),
            InfoField::TicketNumber => (
                "earlier ticket number",
                "nomor tiket sebelumnya",
                "之前的工单号",
            ),
        };
        locale.pick(en, id, zh).to_owned()
    }
}

/// Whether a needed piece of information was already in the message.
///
/// # Examples
///
/// ```
/// use walletcare_core::triage::{InfoField, NeededInfo};
///
/// let n = NeededInfo { field: InfoField::Amount, found: true };
/// assert_eq!(serde_json::to_string(&n)?, r#"{"field":"amount","found":true}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct NeededInfo {
    /// What is needed.
    pub field: InfoField,
    /// Whether the message already contains it.
    pub found: bool,
}

/// The information support needs for a category, in the order to ask for it.
///
/// # Examples
///
/// ```
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::{InfoField, required_info};
///
/// assert_eq!(
///     required_info(Category::Refund),
///     [InfoField::OrderNumber, InfoField::PaymentTime, InfoField::Amount]
/// );
/// assert!(required_info(Category::Feedback).is_empty());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub const fn required_info(category: Category) -> &'static [InfoField] {
    use InfoField::*;
    match category {
        Category::AccountAccess => &[RegisteredPhone, ErrorMessage, DeviceModel],
        Category::AccountSecurity => &[RegisteredPhone, TransactionId, IncidentTime, Amount],
        Category::PaymentFailure => &[TransactionId, PaymentTime, Amount, PaymentMethod],
        Category::Refund => &[OrderNumber, PaymentTime, Amount],
        Category::BankCard => &[BankName, CardLastDigits, ErrorMessage],
        Category::Technical => &[DeviceModel, AppVersion, ErrorMessage],
        Category::Complaint => &[TicketNumber, IncidentTime],
        Category::Feedback | Category::GeneralInquiry => &[],
    }
}

/// The needed information for `category`, each marked found when the
/// message (`text`, with its `entities`) already contains it.
#[cfg(test)]
pub(crate) fn needed_info(category: Category, text: &str, entities: &[Entity]) -> Vec<NeededInfo> {
    let (text, _) = super::cap_input(text);
    needed_info_in(category, text, &lowercase_words(text), entities)
}

/// As [`needed_info`], for a capped `text` whose [`lowercase_words`] the
/// caller already has.
pub(crate) fn needed_info_in(
    category: Category,
    text: &str,
    lower: &str,
    entities: &[Entity],
) -> Vec<NeededInfo> {
    needed_fields_in(required_info(category), text, lower, entities)
}

/// As [`needed_info_in`], for a list of `fields` (a company label's own).
pub(crate) fn needed_fields_in(
    fields: &[InfoField],
    text: &str,
    lower: &str,
    entities: &[Entity],
) -> Vec<NeededInfo> {
    // The listed fields share one search of their lists, done when first
    // asked.
    let mut lists = None;
    fields
        .iter()
        .map(|&field| {
            let found = match field {
                InfoField::PaymentMethod | InfoField::DeviceModel | InfoField::BankName => {
                    let found = *lists.get_or_insert_with(|| listed(lower));
                    found & listed_bit(field) != 0
                }
                _ => is_present(field, text, lower, entities),
            };
            NeededInfo { field, found }
        })
        .collect()
}

/// The bit of a listed field in [`listed`] (0 for other fields).
fn listed_bit(field: InfoField) -> u32 {
    match field {
        InfoField::PaymentMethod => 1,
        InfoField::DeviceModel => 2,
        InfoField::BankName => 4,
        _ => 0,
    }
}

/// The word that shows a listed field (payment method, phone model, bank)
/// in a text whose [`lowercase_words`] are `lower` (of the capped text),
/// as the lists spell it; `None` for other fields.
pub(crate) fn mentioned_word(field: InfoField, lower: &str) -> Option<&'static str> {
    let list = match field {
        InfoField::PaymentMethod => PAYMENT_METHODS,
        InfoField::DeviceModel => DEVICES,
        InfoField::BankName => BANKS,
        _ => return None,
    };
    list.iter().find(|n| lower.contains(*n)).map(|n| n.trim())
}

fn has(entities: &[Entity], kinds: &[EntityKind]) -> bool {
    entities.iter().any(|e| kinds.contains(&e.kind))
}

/// Whether `text` (its `lowercase_words` form `lower`, its `entities`)
/// gives `field`.
pub(crate) fn is_present(field: InfoField, text: &str, lower: &str, entities: &[Entity]) -> bool {
    use EntityKind as K;
    match field {
        InfoField::OrderNumber | InfoField::TransactionId | InfoField::TicketNumber => {
            has(entities, &[K::Reference])
        }
        InfoField::PaymentTime | InfoField::IncidentTime => {
            has(entities, &[K::Date, K::RelativeDate, K::Time])
        }
        InfoField::Amount => has(entities, &[K::Amount]),
        InfoField::RegisteredPhone => has(entities, &[K::Phone]),
        InfoField::CardLastDigits => has(entities, &[K::CardDigits]),
        InfoField::ErrorMessage => has(entities, &[K::ErrorCode]) || has_quote(text),
        InfoField::PaymentMethod | InfoField::DeviceModel | InfoField::BankName => {
            listed(lower) & listed_bit(field) != 0
        }
        InfoField::AppVersion => has_version(lower),
    }
}

const PAYMENT_METHODS: &[&str] = &[
    " saldo ",
    " balance ",
    " qris ",
    " qr ",
    " gopay ",
    " ovo ",
    " dana ",
    " shopeepay ",
    " linkaja ",
    " paylater ",
    " pay later ",
    " credit card ",
    " debit card ",
    " kartu kredit ",
    " kartu debit ",
    " virtual account ",
    " va ",
    " bank transfer ",
    " transfer bank ",
    " m-banking ",
    " mbanking ",
    " alfamart ",
    " indomaret ",
    " visa ",
    " mastercard ",
    " cod ",
    "信用卡",
    "借记卡",
    "储蓄卡",
    "银行卡",
    "支付宝",
    "微信",
    "余额",
    "扫码",
    "二维码",
];

const DEVICES: &[&str] = &[
    " iphone",
    " ipad",
    " android ",
    " samsung",
    " galaxy ",
    " xiaomi",
    " redmi",
    " poco ",
    " oppo",
    " vivo",
    " realme",
    " huawei",
    " honor ",
    " infinix",
    " tecno ",
    " pixel ",
    " nokia",
    " asus ",
    " oneplus",
    " ios ",
    "苹果",
    "安卓",
    "华为",
    "小米",
    "红米",
    "荣耀",
    "三星",
    "鸿蒙",
];

const BANKS: &[&str] = &[
    " bca ",
    " bri ",
    " bni ",
    " mandiri ",
    " cimb ",
    " permata ",
    " danamon ",
    " btn ",
    " jago ",
    " seabank ",
    " ocbc ",
    " maybank ",
    " panin ",
    " bsi ",
    " mega ",
    " uob ",
    " hsbc ",
    " citibank ",
    " dbs ",
    " jenius ",
    " blu ",
    "工商银行",
    "工行",
    "建设银行",
    "建行",
    "农业银行",
    "农行",
    "中国银行",
    "中行",
    "招商银行",
    "招行",
    "交通银行",
    "邮储",
    "浦发",
    "民生银行",
    "兴业银行",
    "中信银行",
    "光大银行",
    "平安银行",
];

/// The text lowercased with every run of other characters made one space and
/// a space at each end, for whole-word `contains` checks. Letters, digits,
/// and `.` or `-` between two of them (`4.12.1`, `m-banking`) are kept.
pub(crate) fn lowercase_words(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    let mut chars = text.chars().map(super::features::fold_width).peekable();
    let mut prev_alnum = false;
    while let Some(c) = chars.next() {
        let joiner = matches!(c, '.' | '-')
            && prev_alnum
            && chars.peek().is_some_and(|n| n.is_alphanumeric());
        if c.is_alphanumeric() || joiner {
            out.extend(c.to_lowercase());
            prev_alnum = c.is_alphanumeric();
        } else {
            if !out.ends_with(' ') {
                out.push(' ');
            }
            prev_alnum = false;
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

/// Which of [`PAYMENT_METHODS`] (bit 0), [`DEVICES`] (bit 1) and
/// [`BANKS`] (bit 2) have a phrase in `lower`, in one pass over it.
fn listed(lower: &str) -> u32 {
    static LISTS: std::sync::OnceLock<Needles> = std::sync::OnceLock::new();
    LISTS
        .get_or_init(|| Needles::new(&[PAYMENT_METHODS, DEVICES, BANKS]))
        .groups_in(lower)
}

/// A quoted message of at least three characters: `"Transaksi gagal"`,
/// `“系统繁忙”`, `「error」`.
fn has_quote(lower: &str) -> bool {
    [('"', '"'), ('“', '”'), ('「', '」')]
        .iter()
        .any(|&(open, close)| {
            lower.split_once(open).is_some_and(|(_, rest)| {
                rest.split_once(close)
                    .is_some_and(|(inside, _)| inside.trim().chars().count() >= 3)
            })
        })
}

/// An app version: "versi 4.2.1", "version 5.1", "v4.2", "版本 6.0".
fn has_version(lower: &str) -> bool {
    let words: Vec<&str> = lower.split(' ').filter(|w| !w.is_empty()).collect();
    let is_version = |w: &str| {
        let w = w.strip_prefix('v').unwrap_or(w).trim_end_matches('.');
        let parts: Vec<&str> = w.split('.').collect();
        parts.len() >= 2
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    words.iter().enumerate().any(|(i, w)| {
        let prefixed_v = w.starts_with('v') && is_version(w);
        let cued = i > 0
            && words.get(i - 1).is_some_and(|p| {
                matches!(
                    *p,
                    "version" | "versi" | "ver" | "版本" | "app" | "aplikasi"
                )
            })
            && is_version(w);
        let zh = w.starts_with("版本") && is_version(w.trim_start_matches("版本"));
        prefixed_v || cued || zh
    })
}

/// The self-service answer for a category: a title and concrete steps the
/// user can take now, in every locale.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::{Locale, Render};
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::SelfServiceAnswer;
///
/// let answer = SelfServiceAnswer { category: Category::AccountSecurity };
/// assert!(answer.steps(Locale::En)[0].contains("Freeze"));
/// assert!(answer.render(Locale::ZhCn).contains("验证码"));
/// assert!(answer.render(Locale::Id).starts_with(answer.title(Locale::Id)));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct SelfServiceAnswer {
    /// The category answered.
    pub category: Category,
}

impl SelfServiceAnswer {
    /// The title in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::ticket::Category;
    /// use walletcare_core::triage::SelfServiceAnswer;
    ///
    /// let a = SelfServiceAnswer { category: Category::Refund };
    /// assert_eq!(a.title(Locale::ZhCn), "退款");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn title(&self, locale: Locale) -> &'static str {
        let (en, id, zh) = match self.category {
            Category::AccountAccess => {
                ("Can't sign in", "Tidak bisa masuk ke akun", "无法登录账户")
            }
            Category::AccountSecurity => (
                "Protect your account now",
                "Amankan akun Anda sekarang",
                "立即保护您的账户",
            ),
            Category::PaymentFailure => (
                "Payment failed or pending",
                "Pembayaran gagal atau tertunda",
                "付款失败或处理中",
            ),
            Category::Refund => ("Refunds", "Pengembalian dana", "退款"),
            Category::BankCard => ("Bank cards", "Kartu bank", "银行卡"),
            Category::Technical => ("App problems", "Masalah aplikasi", "应用问题"),
            Category::Complaint => ("Your complaint", "Keluhan Anda", "您的投诉"),
            Category::Feedback => (
                "Thank you for your feedback",
                "Terima kasih atas masukan Anda",
                "感谢您的反馈",
            ),
            Category::GeneralInquiry => (
                "Fees, limits and promotions",
                "Biaya, limit, dan promo",
                "费用、限额和优惠",
            ),
        };
        locale.pick(en, id, zh)
    }

    /// The steps in `locale`, in order.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::ticket::Category;
    /// use walletcare_core::triage::SelfServiceAnswer;
    ///
    /// let a = SelfServiceAnswer { category: Category::AccountAccess };
    /// assert!(a.steps(Locale::Id).iter().any(|s| s.contains("Lupa PIN")));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn steps(&self, locale: Locale) -> &'static [&'static str] {
        let (en, id, zh): (&[&str], &[&str], &[&str]) = match self.category {
            Category::AccountAccess => (
                &[
                    "Make sure you enter the phone number registered to your account, with the right country code (+62 for Indonesia).",
                    "If the verification code (OTP) does not arrive, check your signal, wait 60 seconds and tap \"Resend\"; choose WhatsApp or a call if the app offers it.",
                    "Forgot your PIN? On the sign-in screen tap \"Forgot PIN\" and follow the steps; you will confirm with an OTP and, if asked, a selfie with your ID card.",
                    "If the account is locked after several wrong PINs, wait until the time shown in the app: more attempts make the lock longer.",
                    "New phone number and no access to the old one? Choose \"Change phone number\" under Help; we verify your identity before moving the account.",
                    "Never share your OTP or PIN with anyone, including people who say they are from our team.",
                ],
                &[
                    "Pastikan Anda memasukkan nomor HP yang terdaftar di akun, dengan kode negara yang benar (+62 untuk Indonesia).",
                    "Jika kode verifikasi (OTP) tidak masuk, periksa sinyal, tunggu 60 detik, lalu ketuk \"Kirim ulang\"; pilih WhatsApp atau telepon jika tersedia di aplikasi.",
                    "Lupa PIN? Di layar masuk, ketuk \"Lupa PIN\" dan ikuti langkahnya; Anda akan mengonfirmasi dengan OTP dan, bila diminta, swafoto dengan KTP.",
                    "Jika akun terkunci karena salah PIN beberapa kali, tunggu hingga waktu yang tertera di aplikasi: mencoba lagi justru memperpanjang kunciannya.",
                    "Ganti nomor HP dan nomor lama sudah tidak aktif? Pilih \"Ganti nomor HP\" di menu Bantuan; kami memverifikasi identitas Anda sebelum akun dipindahkan.",
                    "Jangan pernah memberikan OTP atau PIN kepada siapa pun, termasuk orang yang mengaku dari tim kami.",
                ],
                &[
                    "请确认输入的是账户绑定的手机号，并选择正确的国家代码（印尼为 +62）。",
                    "收不到验证码时，请检查信号，等待 60 秒后点击“重新发送”；如果应用提供，也可以选择通过 WhatsApp 或电话接收。",
                    "忘记 PIN？在登录页点击“忘记 PIN”，按步骤操作；需要用验证码确认，必要时还需手持身份证自拍。",
                    "多次输错 PIN 导致账户锁定时，请等到应用显示的解锁时间：继续尝试会延长锁定时间。",
                    "换了手机号、旧号码已无法使用？请在“帮助”中选择“更换手机号”，我们核实身份后会为您迁移账户。",
                    "任何时候都不要把验证码或 PIN 告诉任何人，包括自称是我们客服的人。",
                ],
            ),
            Category::AccountSecurity => (
                &[
                    "Freeze your account immediately: in the app go to Help > Account security > Freeze account, or call the official hotline shown in the app. A frozen account blocks every outgoing payment.",
                    "If you can still sign in, change your PIN now and sign out of all other devices.",
                    "Never share your OTP, PIN or password: our staff will never ask for them, by phone, chat or e-mail.",
                    "Check your transaction history and note every transaction you did not make (date, time, amount, recipient).",
                    "If your phone was lost or stolen, ask your mobile operator to block the SIM card so codes cannot reach it.",
                    "If money was taken, report it to the police and keep the report number; we will ask for it during the investigation.",
                ],
                &[
                    "Bekukan akun Anda segera: di aplikasi buka Bantuan > Keamanan akun > Bekukan akun, atau hubungi hotline resmi yang tertera di aplikasi. Akun yang dibekukan memblokir semua transaksi keluar.",
                    "Jika masih bisa masuk, segera ganti PIN dan keluar dari semua perangkat lain.",
                    "Jangan pernah memberikan OTP, PIN, atau kata sandi: petugas kami tidak akan pernah memintanya, baik lewat telepon, chat, maupun email.",
                    "Periksa riwayat transaksi dan catat setiap transaksi yang tidak Anda lakukan (tanggal, jam, nominal, penerima).",
                    "Jika HP hilang atau dicuri, minta operator seluler memblokir kartu SIM agar kode tidak bisa diterima orang lain.",
                    "Jika ada uang yang hilang, laporkan ke polisi dan simpan nomor laporannya; kami akan memintanya saat investigasi.",
                ],
                &[
                    "请立即冻结账户：在应用中进入“帮助 > 账户安全 > 冻结账户”，或拨打应用内显示的官方客服热线。冻结后所有转出和付款都会被拦截。",
                    "如果还能登录，请马上修改 PIN，并退出其他所有设备。",
                    "绝不要透露验证码、PIN 或密码：我们的工作人员不会通过电话、聊天或邮件索要。",
                    "查看交易记录，记下每一笔不是您本人操作的交易（日期、时间、金额、收款方）。",
                    "如果手机丢失或被盗，请联系运营商挂失 SIM 卡，防止验证码被他人接收。",
                    "如有资金损失，请向警方报案并保留报案编号，调查时我们会需要它。",
                ],
            ),
            Category::PaymentFailure => (
                &[
                    "Open the transaction in History and check its status: a \"Pending\" payment usually completes or is reversed automatically within 24 hours.",
                    "If your balance was deducted but the payment failed, the money returns to your balance automatically, usually within 24 hours (bank transfers: up to 3 business days).",
                    "Do not pay again while a payment is still pending, or you may be charged twice.",
                    "Check that your balance covers the amount plus any fee, and that you have not reached your daily limit.",
                    "Check your internet connection and update the app, then try again; for card payments, make sure the card is active for online transactions.",
                    "If it is not resolved, send us the transaction ID, the time, the amount and the payment method.",
                ],
                &[
                    "Buka transaksi di Riwayat dan periksa statusnya: pembayaran berstatus \"Diproses\" biasanya selesai atau dibatalkan otomatis dalam 1x24 jam.",
                    "Jika saldo terpotong tetapi pembayaran gagal, dana akan kembali ke saldo secara otomatis, biasanya dalam 1x24 jam (transfer bank: hingga 3 hari kerja).",
                    "Jangan membayar ulang selama pembayaran masih diproses agar tidak terpotong dua kali.",
                    "Pastikan saldo cukup untuk nominal beserta biayanya, dan limit harian Anda belum tercapai.",
                    "Periksa koneksi internet dan perbarui aplikasi, lalu coba lagi; untuk pembayaran kartu, pastikan kartu aktif untuk transaksi online.",
                    "Jika belum selesai, kirimkan ID transaksi, jam, nominal, dan metode pembayaran kepada kami.",
                ],
                &[
                    "在“交易记录”中打开该笔交易查看状态：显示“处理中”的付款通常会在 24 小时内自动完成或退回。",
                    "如果余额已扣但付款失败，款项会自动退回余额，通常在 24 小时内到账（银行转账最长 3 个工作日）。",
                    "付款仍在处理中时请不要重复付款，以免被扣两次。",
                    "确认余额足以支付金额及手续费，并且没有超过每日限额。",
                    "检查网络连接并更新应用后重试；如果用银行卡支付，请确认该卡已开通网上支付。",
                    "如果仍未解决，请把交易编号、时间、金额和支付方式发给我们。",
                ],
            ),
            Category::Refund => (
                &[
                    "Ask the merchant for the refund first: open the order in the merchant's app or in your History and choose \"Request refund\".",
                    "Once the merchant approves it, the money goes back to how you paid: to your wallet balance usually within 1 to 3 business days, to a bank card within 7 to 14 business days depending on the bank.",
                    "Follow the refund in History: open the transaction to see its refund status.",
                    "Keep the receipt or a screenshot of the order until the refund arrives.",
                    "If the merchant refuses or does not answer within 3 business days, send us the order number, the payment time and the amount and we will follow up with the merchant.",
                ],
                &[
                    "Ajukan pengembalian dana ke merchant terlebih dahulu: buka pesanan di aplikasi merchant atau di Riwayat, lalu pilih \"Ajukan refund\".",
                    "Setelah disetujui merchant, dana kembali ke metode pembayaran semula: ke saldo biasanya dalam 1 sampai 3 hari kerja, ke kartu bank dalam 7 sampai 14 hari kerja tergantung bank.",
                    "Pantau refund di Riwayat: buka transaksinya untuk melihat status pengembalian dana.",
                    "Simpan struk atau tangkapan layar pesanan sampai dana diterima.",
                    "Jika merchant menolak atau tidak menjawab dalam 3 hari kerja, kirimkan nomor pesanan, waktu pembayaran, dan nominal kepada kami; kami akan menindaklanjutinya dengan merchant.",
                ],
                &[
                    "请先向商家申请退款：在商家应用或您的交易记录中打开订单，选择“申请退款”。",
                    "商家同意后，款项会原路退回：退回余额通常需要 1 到 3 个工作日，退回银行卡需要 7 到 14 个工作日，视银行而定。",
                    "在交易记录中打开该笔交易即可查看退款进度。",
                    "退款到账前请保留订单收据或截图。",
                    "如果商家拒绝或 3 个工作日内没有回复，请把订单号、付款时间和金额发给我们，我们会联系商家跟进。",
                ],
            ),
            Category::BankCard => (
                &[
                    "To add a card: Profile > Payment methods > Add card, enter the card number, expiry date and CVV, then confirm with the one-time code your bank sends.",
                    "If verification fails, check that the card is active for online transactions, is not expired, and is in the same name as your account.",
                    "To change a card, remove the old one (Payment methods > the card > Remove), then add the new one.",
                    "Some banks' debit cards cannot be linked; the app lists the supported banks on the Add card screen.",
                    "If your card was lost or stolen, block it with your bank first, then remove it from the app.",
                ],
                &[
                    "Untuk menambah kartu: Profil > Metode pembayaran > Tambah kartu, masukkan nomor kartu, masa berlaku, dan CVV, lalu konfirmasi dengan kode sekali pakai dari bank Anda.",
                    "Jika verifikasi gagal, pastikan kartu aktif untuk transaksi online, belum kedaluwarsa, dan atas nama yang sama dengan akun Anda.",
                    "Untuk mengganti kartu, hapus kartu lama (Metode pembayaran > pilih kartu > Hapus), lalu tambahkan kartu baru.",
                    "Kartu debit dari beberapa bank belum bisa ditautkan; daftar bank yang didukung ada di layar Tambah kartu.",
                    "Jika kartu hilang atau dicuri, blokir dulu melalui bank Anda, lalu hapus kartu dari aplikasi.",
                ],
                &[
                    "添加银行卡：进入“我的 > 支付方式 > 添加银行卡”，输入卡号、有效期和 CVV，再用银行发送的一次性验证码确认。",
                    "验证失败时，请确认该卡已开通网上支付、没有过期，并且持卡人与账户实名一致。",
                    "更换银行卡：先删除旧卡（支付方式 > 选择该卡 > 删除），再添加新卡。",
                    "部分银行的借记卡暂不支持绑定；“添加银行卡”页面列有支持的银行。",
                    "银行卡丢失或被盗时，请先联系发卡银行挂失，再从应用中删除该卡。",
                ],
            ),
            Category::Technical => (
                &[
                    "Update the app to the latest version from the App Store or Google Play.",
                    "Close the app completely and open it again; if that does not help, restart your phone.",
                    "Check your internet connection: switch between Wi-Fi and mobile data.",
                    "On Android, clear the app's cache (Settings > Apps > the app > Storage > Clear cache); this does not touch your balance or history.",
                    "Make sure the phone has free storage and its date and time are set automatically.",
                    "If it still fails, send us your phone model, the app version and the exact error message or a screenshot.",
                ],
                &[
                    "Perbarui aplikasi ke versi terbaru dari App Store atau Google Play.",
                    "Tutup aplikasi sepenuhnya lalu buka kembali; jika belum berhasil, nyalakan ulang HP Anda.",
                    "Periksa koneksi internet: coba berganti antara Wi-Fi dan data seluler.",
                    "Di Android, hapus cache aplikasi (Setelan > Aplikasi > pilih aplikasi > Penyimpanan > Hapus cache); saldo dan riwayat Anda tidak akan terhapus.",
                    "Pastikan memori HP masih cukup dan tanggal serta jam diatur otomatis.",
                    "Jika masih gagal, kirimkan tipe HP, versi aplikasi, dan pesan error yang muncul atau tangkapan layarnya.",
                ],
                &[
                    "请到 App Store 或 Google Play 把应用更新到最新版本。",
                    "彻底关闭应用后重新打开；如果仍不行，请重启手机。",
                    "检查网络连接：尝试在 Wi-Fi 和移动数据之间切换。",
                    "安卓手机可以清除应用缓存（设置 > 应用 > 选择本应用 > 存储 > 清除缓存）；余额和交易记录不会受影响。",
                    "确认手机还有足够的存储空间，并且日期和时间设为自动。",
                    "如果仍有问题，请把手机型号、应用版本以及具体的错误提示或截图发给我们。",
                ],
            ),
            Category::Complaint => (
                &[
                    "We are sorry about your experience. Your complaint is recorded and passed to a supervisor.",
                    "If you contacted us before about this, include the earlier ticket number so we link the cases and do not ask you the same questions again.",
                    "You will get an update in the app's Help inbox or by e-mail; you do not need to open a new ticket.",
                    "If you are not satisfied with the answer, reply to ask for a review by a supervisor; after that you can contact the consumer complaint service of the financial regulator.",
                ],
                &[
                    "Kami mohon maaf atas pengalaman Anda. Keluhan Anda sudah dicatat dan diteruskan ke supervisor.",
                    "Jika sebelumnya Anda sudah menghubungi kami tentang hal ini, sertakan nomor tiket sebelumnya agar kasusnya kami gabungkan dan Anda tidak ditanya hal yang sama lagi.",
                    "Anda akan menerima kabar terbaru di kotak masuk Bantuan di aplikasi atau lewat email; tidak perlu membuat tiket baru.",
                    "Jika Anda belum puas dengan jawabannya, balas untuk meminta peninjauan oleh supervisor; setelah itu Anda dapat menghubungi layanan pengaduan konsumen dari regulator keuangan.",
                ],
                &[
                    "对于您的遭遇我们深表歉意。您的投诉已记录，并已转交主管处理。",
                    "如果您之前就此事联系过我们，请附上之前的工单号，我们会合并处理，不再重复询问相同的问题。",
                    "处理进展会发送到应用内的“帮助”消息或您的邮箱，无需重新提交工单。",
                    "如果对处理结果不满意，可以回复要求主管复核；之后还可以向金融监管机构的消费者投诉渠道反映。",
                ],
            ),
            Category::Feedback => (
                &[
                    "Thank you: your feedback goes to our product team.",
                    "You can send more ideas any time from Profile > Help > Send feedback, or rate the app in the App Store or Google Play.",
                    "We read every suggestion; we cannot reply to each one, but the most requested ones are planned first.",
                ],
                &[
                    "Terima kasih: masukan Anda kami teruskan ke tim produk.",
                    "Anda bisa mengirim ide lain kapan saja dari Profil > Bantuan > Kirim masukan, atau memberi rating aplikasi di App Store atau Google Play.",
                    "Kami membaca setiap saran; kami tidak bisa membalas satu per satu, tetapi saran yang paling banyak diminta kami prioritaskan.",
                ],
                &[
                    "谢谢！您的反馈会转给我们的产品团队。",
                    "您可以随时在“我的 > 帮助 > 意见反馈”中提交更多建议，也可以在 App Store 或 Google Play 给应用评分。",
                    "每一条建议我们都会阅读；虽然无法逐条回复，但呼声最高的需求会优先安排。",
                ],
            ),
            Category::GeneralInquiry => (
                &[
                    "Fees and limits are listed under Help > FAQ, and every payment screen shows the fee before you confirm.",
                    "Balance and daily limits depend on your account's verification level: verify your ID card under Profile > Upgrade account to raise them.",
                    "Each promotion has its own terms: open the promo page to see the period, the minimum transaction and the quota.",
                    "For anything else, reply with your question and we will help.",
                ],
                &[
                    "Biaya dan limit tercantum di Bantuan > FAQ, dan setiap layar pembayaran menampilkan biaya sebelum Anda mengonfirmasi.",
                    "Limit saldo dan limit harian bergantung pada tingkat verifikasi akun: verifikasi KTP di Profil > Upgrade akun untuk menaikkannya.",
                    "Setiap promo punya syarat sendiri: buka halaman promo untuk melihat periode, minimal transaksi, dan kuotanya.",
                    "Untuk hal lain, balas dengan pertanyaan Anda dan kami akan membantu.",
                ],
                &[
                    "费用和限额请见“帮助 > 常见问题”，每个付款页面在您确认前也会显示手续费。",
                    "余额上限和每日限额取决于账户的认证等级：在“我的 > 升级账户”中完成身份证认证即可提高。",
                    "每个优惠活动都有各自的规则：打开活动页面可查看活动时间、最低消费和名额。",
                    "其他问题请直接回复，我们会尽快为您解答。",
                ],
            ),
        };
        match locale {
            Locale::En => en,
            Locale::Id => id,
            Locale::ZhCn => zh,
        }
    }
}

impl Render for SelfServiceAnswer {
    /// The title, then the numbered steps, one per line.
    fn render(&self, locale: Locale) -> String {
        let mut out = self.title(locale).to_owned();
        for (i, step) in self.steps(locale).iter().enumerate() {
            out.push('\n');
            out.push_str(&format!("{}. {step}", i + 1));
        }
        out
    }
}

/// A self-service answer rendered in one locale, as carried in a triage
/// result.
///
/// # Examples
///
/// ```
/// use walletcare_core::locale::Locale;
/// use walletcare_core::ticket::Category;
/// use walletcare_core::triage::{Answer, SelfServiceAnswer};
///
/// let answer = Answer::new(SelfServiceAnswer { category: Category::Technical }, Locale::En);
/// assert_eq!(answer.title, "App problems");
/// assert_eq!(answer.steps.len(), 6);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS))]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// The locale of the text.
    pub locale: Locale,
    /// The title.
    pub title: String,
    /// The steps, in order.
    pub steps: Vec<String>,
}

impl Answer {
    /// Renders `answer` in `locale`.
    ///
    /// # Examples
    ///
    /// ```
    /// use walletcare_core::locale::Locale;
    /// use walletcare_core::ticket::Category;
    /// use walletcare_core::triage::{Answer, SelfServiceAnswer};
    ///
    /// let a = Answer::new(SelfServiceAnswer { category: Category::Refund }, Locale::Id);
    /// assert_eq!(a.locale, Locale::Id);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(answer: SelfServiceAnswer, locale: Locale) -> Answer {
        Answer {
            locale,
            title: answer.title(locale).to_owned(),
            steps: answer
                .steps(locale)
                .iter()
                .map(|s| (*s).to_owned())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::triage::extract_entities;

    #[test]
    fn every_category_has_an_answer_in_every_locale() {
        for category in Category::ALL {
            let a = SelfServiceAnswer { category };
            let counts: Vec<usize> = Locale::ALL.iter().map(|&l| a.steps(l).len()).collect();
            assert!(counts.iter().all(|&n| n >= 3), "{category}: {counts:?}");
            assert!(
                counts.windows(2).all(|w| w[0] == w[1]),
                "{category}: {counts:?}"
            );
            for locale in Locale::ALL {
                assert!(!a.title(locale).is_empty());
                let text = a.render(locale);
                assert!(text.lines().count() == a.steps(locale).len() + 1);
            }
            // Translations differ (no English left in the other locales).
            assert_ne!(a.steps(Locale::En)[0], a.steps(Locale::Id)[0]);
            assert_ne!(a.steps(Locale::En)[0], a.steps(Locale::ZhCn)[0]);
        }
    }

    #[test]
    fn security_answer_says_freeze_pin_and_otp() {
        let a = SelfServiceAnswer {
            category: Category::AccountSecurity,
        };
        let en = a.render(Locale::En);
        assert!(en.contains("Freeze") && en.contains("PIN") && en.contains("OTP"));
        let id = a.render(Locale::Id);
        assert!(id.contains("Bekukan") && id.contains("PIN") && id.contains("OTP"));
        let zh = a.render(Locale::ZhCn);
        assert!(zh.contains("冻结") && zh.contains("PIN") && zh.contains("验证码"));
    }

    #[test]
    fn needed_info_marks_what_is_present() {
        let text = "Payment TRX123456789 of Rp 50.000 failed yesterday using my BCA debit card";
        let found = needed_info(Category::PaymentFailure, text, &extract_entities(text));
        assert!(found.iter().all(|n| n.found), "{found:?}");
        let text = "payment failed";
        let found = needed_info(Category::PaymentFailure, text, &extract_entities(text));
        assert!(found.iter().all(|n| !n.found), "{found:?}");
        let text = "app crash on my Samsung A52, versi 4.12.1, muncul \"Terjadi kesalahan\"";
        let found = needed_info(Category::Technical, text, &extract_entities(text));
        assert!(found.iter().all(|n| n.found), "{found:?}");
        let text = "绑卡失败，招商银行尾号1234，提示错误码4001";
        let found = needed_info(Category::BankCard, text, &extract_entities(text));
        assert!(found.iter().all(|n| n.found), "{found:?}");
    }

    #[test]
    fn listed_finds_what_contains_finds() {
        let lists = [PAYMENT_METHODS, DEVICES, BANKS];
        let mut texts: Vec<String> = lists
            .iter()
            .flat_map(|l| l.iter().map(|p| format!("x{p}y {p}")))
            .collect();
        if let Ok(corpus) = crate::triage::builtin_corpus() {
            texts.extend(corpus.into_iter().map(|e| e.text));
        }
        let mut hits = 0;
        for text in texts {
            let lower = lowercase_words(&text);
            let want = lists
                .iter()
                .enumerate()
                .filter(|(_, l)| l.iter().any(|n| lower.contains(n)))
                .fold(0u32, |m, (k, _)| m | 1 << k);
            hits += want.count_ones();
            assert_eq!(listed(&lower), want, "{text:?}");
        }
        assert!(hits > 150, "{hits}");
    }

    #[test]
    fn info_labels_exist_in_every_locale() {
        use InfoField::*;
        for f in [
            OrderNumber,
            TransactionId,
            PaymentTime,
            IncidentTime,
            Amount,
            PaymentMethod,
            RegisteredPhone,
            ErrorMessage,
            DeviceModel,
            AppVersion,
            BankName,
            CardLastDigits,
            TicketNumber,
        ] {
            let labels: Vec<String> = Locale::ALL.iter().map(|&l| f.render(l)).collect();
            assert!(labels.iter().all(|l| !l.is_empty()));
            assert_ne!(labels[0], labels[2]);
        }
    }
}
