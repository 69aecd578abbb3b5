// The help-centre widget: live triage of what the user types (in a worker,
// so the page never freezes while the model is prepared) and a refund
// due-date calculator on the country's business calendar. Everything runs
// locally on the walletcare web build in ./pkg/.
import init, * as wc from './pkg/walletcare.js';

const $ = (id) => document.getElementById(id);

// ------------------------------------------------------------------ words
const UI = {
  en: {
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
  renderTriage();
  if (lastRefund) renderRefund();
  updateModelStatus();
}

// ---------------------------------------------------------------- triage
const worker = new Worker(new URL('./triage-worker.js', import.meta.url), { type: 'module' });
let modelReady = false;
let pending = null; // the text waiting to be sent
let inFlight = false;
let lastTriage = null;
let requestId = 0;

function updateModelStatus() {
  const status = $('model-status');
  if (!modelReady) status.textContent = t('loading');
  else if (inFlight) status.textContent = t('thinking');
  else if (!lastTriage) status.textContent = t('ready');
  else status.textContent = '';
  status.hidden = status.textContent === '';
}

function send() {
  if (!modelReady || inFlight || pending === null) return;
  const text = pending;
  pending = null;
  if (text.trim() === '') {
    lastTriage = null;
    renderTriage();
    updateModelStatus();
    return;
  }
  inFlight = true;
  requestId += 1;
  worker.postMessage({ id: requestId, text });
  updateModelStatus();
}

worker.addEventListener('message', (event) => {
  const msg = event.data;
  if (msg.type === 'ready') {
    modelReady = true;
    updateModelStatus();
    send();
    return;
  }
  inFlight = false;
  if (msg.type === 'result' && msg.id === requestId) {
    lastTriage = msg.result;
    renderTriage();
  } else if (msg.type === 'error') {
    console.warn('triage failed:', msg.code, msg.message);
  }
  updateModelStatus();
  send();
});

$('message').addEventListener('input', (event) => {
  pending = event.target.value;
  send();
});

function renderTriage() {
  const box = $('triage-result');
  const r = lastTriage;
  box.hidden = !r;
  if (!r) return;
  box.dataset.category = r.category;
  box.dataset.priority = r.priority;
  box.dataset.language = r.language;
  $('category').textContent = UI[locale].categories[r.category] ?? r.category;
  const priority = $('priority');
  priority.textContent = UI[locale].priorities[r.priority] ?? r.priority;
  priority.className = `badge badge-${r.priority}`;
  $('language').textContent = UI[locale].languages[r.language] ?? r.language;
  $('confidence-meter').value = r.confidence;
  $('confidence').textContent = `${Math.round(r.confidence * 100)}%`;
  const answer = $('answer');
  answer.lang = r.answer.locale; // the steps are in the message's language
  $('answer-title').textContent = r.answer.title;
  const steps = $('steps');
  steps.replaceChildren(...r.answer.steps.map((s) => Object.assign(document.createElement('li'), { textContent: s })));
  const needed = $('needed');
  needed.replaceChildren(
    ...r.needed_info.map((n) => {
      const li = document.createElement('li');
      li.className = n.found ? 'found' : 'missing';
      const name = UI[locale].fields[n.field] ?? n.field.replaceAll('_', ' ');
      li.textContent = `${name} — ${n.found ? t('found') : t('missing')}`;
      return li;
    }),
  );
}

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
applyLanguage();
calculate();
document.body.dataset.ready = 'true';
