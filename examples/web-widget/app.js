// The help-centre widget: a support chat and a refund due-date calculator.
// The chat checks what the user types before it is sent (scam warnings, the
// text with secrets hidden: redact.check), runs the intake conversation
// (intake.start, intake.step: one question at a time for what is missing,
// a person when asked, a link to an earlier case, a ticket with its SLA) and
// shows the expected wait per channel (queue.recommend). walletcare runs in
// a worker, so the page never freezes while the model is prepared; the
// conversation is saved in localStorage and resumes after a reload.
// Everything runs locally on the walletcare web build in ./pkg/.
import init, * as wc from './pkg/walletcare.js';

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ words
const UI = {
  en: {
    chatTitle: 'How can we help?', newChat: 'New conversation',
    chatHint: 'Write in your own words, in English, Bahasa Indonesia or 中文. Never share your OTP, PIN or password: we hide them before anything is sent.',
    send: 'Send', previewTitle: 'Before you send', willSend: 'What will be sent (secrets hidden):',
    missingTitle: 'Still needed for your ticket', ticketTitle: 'Your ticket', ticketNumber: 'Ticket number',
    firstReplyDue: 'First reply due (SLA)', resolutionDue: 'Resolution due (SLA)', waitsTitle: 'Expected wait per channel',
    waitsNote: "Estimated now from each channel's queue (Erlang C/A) and reply targets.", fastest: 'fastest',
    chatReady: 'Type your message below.', notGiven: '—',
    brand: 'Wallet help centre', uiLanguage: 'Language', triageTitle: 'How can we help?',
    triageHint: 'Describe the problem in your own words, in English, Bahasa Indonesia or 中文. We suggest what to do right away, even offline.',
    messageLabel: 'Your message', messagePlaceholder: 'e.g. My payment failed but my balance was deducted',
    loading: 'Preparing the assistant…', ready: 'Type a message to see suggestions.', thinking: 'Reading your message…',
    category: 'Topic', priority: 'Priority', language: 'Language', confidence: 'Confidence',
    neededTitle: 'To help faster, include:', refundTitle: 'When will my refund arrive?',
    refundHint: 'Refunds are counted in business days from approval. Weekends and public holidays are skipped.',
    approvedDate: 'Approval date', approvedTime: 'Approval time (local)', bank: 'Refund to card from',
    otherBank: 'Other bank', last4: 'Card ending in', calendar: 'Country calendar', calID: 'Indonesia',
    calCN: 'China', calSG: 'Singapore', calMY: 'Malaysia', calculate: 'Calculate due date',
    dueBy: 'Due by the end of', skippedTitle: 'Holidays skipped', explanation: 'Full explanation',
    noHolidays: 'No public holidays in this period.', businessDays: (n) => `${n} business day${n === 1 ? '' : 's'}`,
    startsOn: (d) => `counting from ${d}`, estimated: 'Some holiday dates are still estimates.',
    last4Invalid: 'Enter the last 4 digits of the card.', dateInvalid: 'Enter a valid date and time.',
    footer: 'Runs entirely in your browser: nothing you type leaves this page.',
    found: 'found in your message', missing: 'not yet given',
    kinds: { public: 'public holiday', collective_leave: 'collective leave', substitute: 'day off for a working weekend', observed: 'observed holiday' },
    categories: {
      account_access: 'Signing in', account_security: 'Account security', payment_failure: 'Failed payment',
      refund: 'Refund', bank_card: 'Bank card', technical: 'App problem', complaint: 'Complaint',
      feedback: 'Feedback', general_inquiry: 'General question',
    },
    priorities: { low: 'Low', normal: 'Normal', high: 'High', urgent: 'Urgent' },
    languages: { zh: '中文 (Chinese)', id: 'Bahasa Indonesia', en: 'English', other: 'Other' },
    fields: {
      order_number: 'order number', transaction_id: 'transaction ID', payment_time: 'payment time',
      incident_time: 'when it happened', amount: 'amount', payment_method: 'payment method',
      registered_phone: 'registered phone number', error_message: 'error message', device_model: 'phone model',
      app_version: 'app version', bank_name: 'bank name', card_last_digits: 'last digits of the card',
      ticket_number: 'ticket number',
    },
  },
  'id-ID': {
    chatTitle: 'Ada yang bisa kami bantu?', newChat: 'Percakapan baru',
    chatHint: 'Tulis dengan kata-kata sendiri, dalam Bahasa Indonesia, English, atau 中文. Jangan pernah bagikan OTP, PIN, atau kata sandi: kami sembunyikan sebelum pesan dikirim.',
    send: 'Kirim', previewTitle: 'Sebelum dikirim', willSend: 'Yang akan dikirim (rahasia disembunyikan):',
    missingTitle: 'Masih diperlukan untuk tiket Anda', ticketTitle: 'Tiket Anda', ticketNumber: 'Nomor tiket',
    firstReplyDue: 'Balasan pertama paling lambat (SLA)', resolutionDue: 'Penyelesaian paling lambat (SLA)', waitsTitle: 'Perkiraan waktu tunggu per layanan',
    waitsNote: 'Diperkirakan saat ini dari antrean tiap layanan (Erlang C/A) dan target balasan.', fastest: 'tercepat',
    chatReady: 'Ketik pesan Anda di bawah.', notGiven: '—',
    brand: 'Pusat bantuan dompet', uiLanguage: 'Bahasa', triageTitle: 'Ada yang bisa kami bantu?',
    triageHint: 'Ceritakan masalah Anda dengan kata-kata sendiri, dalam Bahasa Indonesia, English, atau 中文. Kami langsung sarankan langkahnya, bahkan tanpa internet.',
    messageLabel: 'Pesan Anda', messagePlaceholder: 'contoh: Pembayaran gagal tapi saldo terpotong',
    loading: 'Menyiapkan asisten…', ready: 'Ketik pesan untuk melihat saran.', thinking: 'Membaca pesan Anda…',
    category: 'Topik', priority: 'Prioritas', language: 'Bahasa', confidence: 'Keyakinan',
    neededTitle: 'Agar lebih cepat, sertakan:', refundTitle: 'Kapan dana saya kembali?',
    refundHint: 'Pengembalian dana dihitung dalam hari kerja sejak disetujui. Akhir pekan dan hari libur tidak dihitung.',
    approvedDate: 'Tanggal disetujui', approvedTime: 'Jam disetujui (waktu setempat)', bank: 'Dikembalikan ke kartu bank',
    otherBank: 'Bank lain', last4: 'Nomor kartu berakhiran', calendar: 'Kalender negara', calID: 'Indonesia',
    calCN: 'Tiongkok', calSG: 'Singapura', calMY: 'Malaysia', calculate: 'Hitung batas waktu',
    dueBy: 'Paling lambat akhir hari', skippedTitle: 'Hari libur yang dilewati', explanation: 'Penjelasan lengkap',
    noHolidays: 'Tidak ada hari libur nasional dalam periode ini.', businessDays: (n) => `${n} hari kerja`,
    startsOn: (d) => `dihitung mulai ${d}`, estimated: 'Sebagian tanggal libur masih perkiraan.',
    last4Invalid: 'Masukkan 4 digit terakhir kartu.', dateInvalid: 'Masukkan tanggal dan jam yang valid.',
    footer: 'Berjalan sepenuhnya di peramban Anda: apa pun yang Anda ketik tidak keluar dari halaman ini.',
    found: 'sudah ada di pesan Anda', missing: 'belum disebutkan',
    kinds: { public: 'libur nasional', collective_leave: 'cuti bersama', substitute: 'libur pengganti', observed: 'libur pengganti hari libur' },
    categories: {
      account_access: 'Masuk akun', account_security: 'Keamanan akun', payment_failure: 'Pembayaran gagal',
      refund: 'Pengembalian dana', bank_card: 'Kartu bank', technical: 'Masalah aplikasi', complaint: 'Keluhan',
      feedback: 'Masukan', general_inquiry: 'Pertanyaan umum',
    },
    priorities: { low: 'Rendah', normal: 'Normal', high: 'Tinggi', urgent: 'Mendesak' },
    languages: { zh: '中文 (Mandarin)', id: 'Bahasa Indonesia', en: 'English (Inggris)', other: 'Lainnya' },
    fields: {
      order_number: 'nomor pesanan', transaction_id: 'ID transaksi', payment_time: 'waktu pembayaran',
      incident_time: 'waktu kejadian', amount: 'nominal', payment_method: 'metode pembayaran',
      registered_phone: 'nomor HP terdaftar', error_message: 'pesan error', device_model: 'tipe HP',
      app_version: 'versi aplikasi', bank_name: 'nama bank', card_last_digits: 'digit terakhir kartu',
      ticket_number: 'nomor tiket',
    },
  },
  'zh-CN': {
    chatTitle: '需要什么帮助？', newChat: '新对话',
    chatHint: '用您自己的话描述问题，中文、Bahasa Indonesia 或 English 均可。切勿透露验证码、PIN 或密码：发送前我们会将其隐藏。',
    send: '发送', previewTitle: '发送前提醒', willSend: '将发送的内容（敏感信息已隐藏）：',
    missingTitle: '工单还需要', ticketTitle: '您的工单', ticketNumber: '工单号',
    firstReplyDue: '首次回复时限（SLA）', resolutionDue: '解决时限（SLA）', waitsTitle: '各渠道预计等待时间',
    waitsNote: '根据各渠道当前排队情况（Erlang C/A）和回复时限估算。', fastest: '最快',
    chatReady: '请在下方输入留言。', notGiven: '—',
    brand: '钱包帮助中心', uiLanguage: '语言', triageTitle: '需要什么帮助？',
    triageHint: '用您自己的话描述问题，中文、Bahasa Indonesia 或 English 均可。我们会立即给出建议，离线也能用。',
    messageLabel: '您的留言', messagePlaceholder: '例如：付款失败了，但余额被扣了',
    loading: '正在准备助手…', ready: '输入留言即可看到建议。', thinking: '正在阅读您的留言…',
    category: '问题类型', priority: '优先级', language: '语言', confidence: '置信度',
    neededTitle: '为加快处理，请提供：', refundTitle: '退款什么时候到账？',
    refundHint: '退款自批准之日起按工作日计算，周末和法定节假日不计入。',
    approvedDate: '批准日期', approvedTime: '批准时间（当地）', bank: '退回的银行卡',
    otherBank: '其他银行', last4: '卡号尾号', calendar: '国家日历', calID: '印度尼西亚',
    calCN: '中国', calSG: '新加坡', calMY: '马来西亚', calculate: '计算到期日',
    dueBy: '最晚到账日', skippedTitle: '跳过的节假日', explanation: '完整说明',
    noHolidays: '此期间没有法定节假日。', businessDays: (n) => `${n} 个工作日`,
    startsOn: (d) => `自${d}起计算`, estimated: '部分节假日日期仍为预估。',
    last4Invalid: '请输入卡号的后 4 位。', dateInvalid: '请输入有效的日期和时间。',
    footer: '完全在您的浏览器中运行：您输入的任何内容都不会离开本页面。',
    found: '留言中已提供', missing: '尚未提供',
    kinds: { public: '法定节假日', collective_leave: '集体休假日', substitute: '调休放假', observed: '补休' },
    categories: {
      account_access: '账户登录', account_security: '账户安全', payment_failure: '付款失败',
      refund: '退款', bank_card: '银行卡', technical: '应用问题', complaint: '投诉',
      feedback: '意见反馈', general_inquiry: '一般咨询',
    },
    priorities: { low: '低', normal: '普通', high: '高', urgent: '紧急' },
    languages: { zh: '中文', id: '印尼语', en: '英语', other: '其他' },
    fields: {
      order_number: '订单号', transaction_id: '交易编号', payment_time: '付款时间',
      incident_time: '发生时间', amount: '金额', payment_method: '付款方式',
      registered_phone: '注册手机号', error_message: '错误提示', device_model: '手机型号',
      app_version: '应用版本', bank_name: '银行名称', card_last_digits: '卡号后几位',
      ticket_number: '工单号',
    },
  },
};

let locale = 'en';
const t = (key) => UI[locale][key] ?? UI.en[key];

function applyLanguage() {
  document.documentElement.lang = locale;
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder);
  }
  $('ui-language').setAttribute('aria-label', t('uiLanguage'));
  renderChat();
  if (lastRefund) renderRefund();
  updateModelStatus();
}

// ------------------------------------------------------------------ chat
const worker = new Worker(new URL('./triage-worker.js', import.meta.url), { type: 'module' });
let modelReady = false;
let callId = 0;
const calls = new Map();
let readyWaiters = [];

worker.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg.type === 'ready') {
    modelReady = true;
    for (const resolve of readyWaiters) resolve();
    readyWaiters = [];
    updateModelStatus();
    return;
  }
  const pending = calls.get(msg.id);
  if (!pending) return;
  calls.delete(msg.id);
  if (msg.type === 'result') pending.resolve(msg.result);
  else pending.reject(Object.assign(new Error(msg.message), { code: msg.code }));
});

/** Runs the walletcare operation `op` on `input` in the worker. */
async function wcCall(op, input) {
  if (!modelReady) await new Promise((resolve) => readyWaiters.push(resolve));
  callId += 1;
  const id = callId;
  return new Promise((resolve, reject) => {
    calls.set(id, { resolve, reject });
    worker.postMessage({ id, op, input });
  });
}

// The demo help desk: the wallet's calendar and each channel's workload
// (arrivals per hour, average handle time, agents on shift, patience).
const DESK = {
  calendar: 'ID',
  timeZone: 'Asia/Jakarta',
  channels: [
    { channel: 'hotline', hours: 'business', workload: { arrivals_per_hour: 290, handle_seconds: 300, agents: 25 } },
    { channel: 'chat', hours: 'always', workload: { arrivals_per_hour: 200, handle_seconds: 420, agents: 25, patience_seconds: 600 } },
    { channel: 'email', hours: 'always' },
  ],
};
const STORE = 'walletcare-chat';

// What the page shows: the conversation's saved state, the last step's
// output and the waits; the preview of the message being typed.
let chat = { state: null, output: null, waits: null };
let preview = null;
let sending = false;

function updateModelStatus() {
  const status = $('model-status');
  status.textContent = !modelReady ? t('loading') : chat.state && chat.state.transcript.length ? '' : t('chatReady');
  status.hidden = status.textContent === '';
}

function save() {
  try {
    localStorage.setItem(STORE, JSON.stringify(chat));
  } catch {
    // Private mode: the conversation just does not survive a reload.
  }
}

function restoreChat() {
  try {
    const saved = JSON.parse(localStorage.getItem(STORE) ?? 'null');
    if (saved && saved.state) chat = saved;
  } catch {
    localStorage.removeItem(STORE);
  }
}

async function newConversation() {
  const config = {
    channel: 'chat',
    calendar: DESK.calendar,
    // The host reserves one sequence number of the day per conversation;
    // this demo takes one from the clock.
    ticket_sequence: (Math.floor(Date.now() / 1000) % 999_999) + 1,
  };
  chat = { state: await wcCall('intake.start', config), output: null, waits: null };
  save();
}

/** The user's text as it will be sent, and what to warn about. */
async function check(text) {
  return wcCall('redact.check', { text, locale });
}

let typed = 0;
async function onType() {
  const text = $('message').value;
  typed += 1;
  const mine = typed;
  if (text.trim() === '') {
    preview = null;
    renderPreview();
    return;
  }
  const result = await check(text);
  if (mine !== typed) return; // the user typed on: a newer check follows
  preview = { text, ...result };
  renderPreview();
}

function renderPreview() {
  const box = $('preview');
  const p = preview;
  const show = p && (p.warnings.length > 0 || p.findings.length > 0);
  box.hidden = !show;
  if (!show) return;
  $('warnings').replaceChildren(
    ...p.warnings.map((w) => {
      const li = Object.assign(document.createElement('li'), { textContent: w.advice });
      li.dataset.code = w.code;
      return li;
    }),
  );
  $('preview-redacted-box').hidden = p.findings.length === 0;
  $('preview-redacted').textContent = p.redacted;
  box.dataset.findings = p.findings.map((f) => f.kind).join(' ');
}

async function sendMessage() {
  const text = $('message').value;
  if (sending || text.trim() === '') return;
  sending = true;
  try {
    if (!chat.state) await newConversation();
    // Only the redacted text leaves the composer: the conversation, its
    // saved state and the ticket never see a secret.
    const { redacted } = await check(text);
    const { state, output } = await wcCall('intake.step', {
      state: chat.state,
      message: redacted,
      now: new Date().toISOString(),
    });
    chat.state = state;
    chat.output = output;
    chat.waits = null;
    if (output.state === 'ticket_opened' || output.state === 'handed_off') {
      chat.waits = await wcCall('queue.recommend', {
        channels: DESK.channels,
        category: output.category ?? 'general_inquiry',
        now: new Date().toISOString(),
        calendar: DESK.calendar,
        locale: output.locale,
      });
    }
    save();
    $('message').value = '';
    preview = null;
    renderPreview();
    renderChat();
  } catch (e) {
    console.warn('chat step failed:', e.code, e.message);
  } finally {
    sending = false;
  }
}

function formatDue(iso, lang) {
  if (!iso) return t('notGiven');
  return new Intl.DateTimeFormat(lang, {
    timeZone: DESK.timeZone, dateStyle: 'medium', timeStyle: 'short',
  }).format(new Date(iso));
}

function renderChat() {
  updateModelStatus();
  const turns = chat.state ? chat.state.transcript : [];
  $('chat-log').replaceChildren(
    ...turns.map((turn) => {
      const li = Object.assign(document.createElement('li'), { className: `bubble ${turn.speaker}`, textContent: turn.text });
      li.dataset.speaker = turn.speaker;
      return li;
    }),
  );
  const log = $('chat-log');
  log.scrollTop = log.scrollHeight;
  const out = chat.output;
  const section = document.querySelector('.chat');
  section.dataset.state = out ? out.state : 'new';
  // What is still wanted, in the order it will be asked.
  const missing = out && out.state === 'asking' ? out.missing : [];
  $('missing-box').hidden = missing.length === 0;
  $('missing').replaceChildren(
    ...missing.map((field) => {
      const li = Object.assign(document.createElement('li'), { textContent: UI[locale].fields[field] ?? field });
      li.dataset.field = field;
      if (field === out.asking) li.className = 'asking';
      return li;
    }),
  );
  // The ticket, its number and its SLA clocks.
  const ticket = out && out.ticket;
  $('ticket').hidden = !ticket;
  if (ticket) {
    $('ticket-number').textContent = ticket.number;
    $('ticket-category').textContent = UI[locale].categories[ticket.category] ?? ticket.category;
    const sla = $('ticket-sla');
    sla.textContent = formatDue(ticket.first_response_due, locale);
    sla.dataset.due = ticket.first_response_due ?? '';
    const resolution = ticket.sla?.resolution?.status?.due_at;
    $('ticket-resolution').textContent = formatDue(resolution, locale);
  }
  // The expected wait on each channel, fastest marked.
  const waits = chat.waits;
  $('waits-box').hidden = !waits;
  if (waits) {
    $('waits').replaceChildren(
      ...waits.channels.map((c, i) => {
        const li = Object.assign(document.createElement('li'), { textContent: waits.lines[i] });
        li.dataset.channel = c.channel;
        li.dataset.open = String(c.open_now);
        if (c.expected_seconds !== null) li.dataset.seconds = String(Math.round(c.expected_seconds));
        if (c.channel === waits.best) {
          li.className = 'best';
          li.append(Object.assign(document.createElement('span'), { className: 'badge badge-normal', textContent: t('fastest') }));
        }
        return li;
      }),
    );
  }
}

$('message').addEventListener('input', () => {
  onType().catch((e) => console.warn('check failed:', e.code, e.message));
});
$('message').addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
    event.preventDefault();
    sendMessage();
  }
});
$('composer').addEventListener('submit', (event) => {
  event.preventDefault();
  sendMessage();
});
$('new-chat').addEventListener('click', () => {
  chat = { state: null, output: null, waits: null };
  localStorage.removeItem(STORE);
  renderChat();
});

// --------------------------------------------------------------- refunds
let lastRefund = null;
const calendars = new Map();
function calendar(code) {
  if (!calendars.has(code)) calendars.set(code, wc.Calendar.builtin(code));
  return calendars.get(code);
}

/** The instant at which the wall clock shows `date time` in `timeZone`. */
function zonedInstant(date, time, timeZone) {
  const [y, m, d] = date.split('-').map(Number);
  const [hh, mm] = time.split(':').map(Number);
  const guess = Date.UTC(y, m - 1, d, hh, mm);
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
  }).formatToParts(new Date(guess));
  const get = (type) => Number(parts.find((p) => p.type === type).value);
  const wall = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (wall - guess));
}

function calculate() {
  const error = $('refund-error');
  error.hidden = true;
  const date = $('approved-date').value;
  const time = $('approved-time').value;
  const last4 = $('last4').value.trim();
  if (!/^\d{4}$/.test(last4)) {
    error.textContent = t('last4Invalid');
    error.hidden = false;
    $('last4').setAttribute('aria-invalid', 'true');
    return;
  }
  $('last4').removeAttribute('aria-invalid');
  if (!date || !time) {
    error.textContent = t('dateInvalid');
    error.hidden = false;
    return;
  }
  const code = $('calendar').value;
  try {
    const cal = calendar(code);
    const approvedAt = zonedInstant(date, time, cal.timeZone);
    const destination = { type: 'card', bank: $('bank').value, last4 };
    lastRefund = { code, approvedAt, destination };
    renderRefund();
  } catch (e) {
    lastRefund = null;
    $('refund-result').hidden = true;
    error.textContent = wc.isWalletcareError(e) ? `${e.message} (${e.code})` : String(e);
    error.hidden = false;
  }
}

function renderRefund() {
  const { code, approvedAt, destination } = lastRefund;
  const cal = calendar(code);
  const { due, explanation } = wc.refundDue(cal, approvedAt, destination, { locale });
  const box = $('refund-result');
  box.hidden = false;
  const dueDate = $('due-date');
  dueDate.textContent = wc.formatDate(due.due_date, { locale });
  dueDate.dataset.date = due.due_date;
  const meta = [UI[locale].businessDays(due.business_days), UI[locale].startsOn(wc.formatDate(due.start_date, { locale }))];
  if (due.estimated) meta.push(t('estimated'));
  $('due-meta').textContent = meta.join(' · ');
  const holidays = due.skipped.filter((d) => d.reason.type === 'holiday');
  const list = $('skipped-holidays');
  list.replaceChildren(
    ...(holidays.length
      ? holidays.map((d) => {
        const li = document.createElement('li');
        li.dataset.date = d.date;
        const when = Object.assign(document.createElement('span'), { className: 'when', textContent: wc.formatDate(d.date, { locale }) });
        const name = Object.assign(document.createElement('span'), { className: 'name', textContent: cal.holidayName(d.date, { locale }) });
        const kind = Object.assign(document.createElement('span'), { className: 'kind', textContent: UI[locale].kinds[d.reason.holiday.kind] ?? d.reason.holiday.kind });
        const what = Object.assign(document.createElement('span'), { className: 'what' });
        what.append(name, kind);
        li.append(what, when);
        return li;
      })
      : [Object.assign(document.createElement('li'), { className: 'none', textContent: t('noHolidays') })]),
  );
  $('explanation').textContent = explanation;
}

$('refund-form').addEventListener('submit', (event) => {
  event.preventDefault();
  calculate();
});
for (const id of ['approved-date', 'approved-time', 'bank', 'calendar']) {
  $(id).addEventListener('change', () => lastRefund && calculate());
}

// ------------------------------------------------------------------ start
const select = $('ui-language');
select.addEventListener('change', () => {
  locale = select.value;
  applyLanguage();
});

await init();
$('version').textContent = wc.version();
try {
  locale = wc.normalizeLocale(navigator.language || 'en');
} catch {
  locale = 'en';
}
select.value = locale;
restoreChat();
applyLanguage();
calculate();
document.body.dataset.ready = 'true';
