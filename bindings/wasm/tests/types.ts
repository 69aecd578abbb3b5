// A typed use of the package, checked with `tsc --noEmit --strict` against
// the installed declarations (scripts/wasm-test.sh). It is never run: it
// proves that inputs and outputs have real types (a typo in a field, a
// wrong literal or a missing argument would not compile) and that results
// can be used without casts.
import * as wc from "walletcare";
import type {
  Calendar,
  CardProblems,
  CredentialVerdict,
  DiagnosisReport,
  ErrorCode,
  Money,
  RefundDestination,
  RefundDueReport,
  SlaReportWithText,
  Triage,
  WalletcareError,
} from "walletcare";

const now: wc.Instant = new Date("2026-11-21T08:00:00Z");

// Money
const price: Money = wc.parseMoney("Rp150.000", "id-ID", "IDR");
const total: Money = wc.addMoney(price, { minor: 250_000, currency: "IDR" });
const shares: Money[] = wc.splitMoney(total, 3);
const label: string = wc.formatMoney(shares[0], { locale: "zh-CN" });
const order: -1 | 0 | 1 = wc.compareMoney(price, total);

// Accounts
const pin: CredentialVerdict = wc.checkPin("123456", { locale: "id", context: { phone: "0812-3456-7890" } });
const firstViolation: string | undefined = pin.violations[0]?.violation;
const strength = wc.passwordStrength("Kopi tubruk 3 gelas");
const score: 0 | 1 | 2 | 3 | 4 = strength.score;
const account = wc.newAccount("acc-1", "0812-3456-7890");
const checkup = wc.securityCheckup(account, now, { activity: { flagged_transaction_ids: ["tx-1"] } });
for (const item of checkup.items) {
  if (item.item === "change_old_password") {
    const days: number = item.days_since_change;
    void days;
  }
}

// Cards
const card = wc.validateCard({ number: "4111 1111 1111 1111", holder_name: "Budi", expiry: "12/29", cvv: "123" }, now);
const masked: string = card.masked_number;
const problems: CardProblems = wc.cardProblems({ number: "", holder_name: "", expiry: "", cvv: "" }, now, { locale: "en" });
const expiry = wc.checkCardExpiry("02/28", now);
const expired: boolean = expiry.expired;

// Calendars
const id: Calendar = wc.Calendar.builtin("ID");
const nextDay: wc.IsoDate = id.addBusinessDays("2026-12-23", 1);
const off = id.nonBusinessDays("2026-12-20", "2026-12-31", { locale: "id-ID" });
for (const day of off.days) {
  if (day.reason.type === "holiday") {
    const name: string = day.reason.holiday.name;
    void name;
  }
}
const custom = wc.Calendar.fromJson({ time_zone: "Asia/Jakarta", holidays: [{ date: "2026-08-17", name: "Independence Day", kind: "public" }] });
const spec: wc.CalendarSpec = custom.toJSON();
const end: wc.IsoInstant = id.addBusinessHours(now, 1.5);

// Refunds
const destination: RefundDestination = { type: "card", bank: "BCA", last4: "1234" };
const due: RefundDueReport = wc.refundDue(id, now, destination, { locale: "zh-CN" });
const dueDate: wc.IsoDate = due.due.due_date;
const status = wc.refundSlaStatus(due.due, now, { completed_at: null });
if (status.status.state === "breached") {
  const overdue: number = status.status.overdue_seconds;
  void overdue;
}
const book = new wc.RefundBook({
  transaction_id: "TX-1",
  order_number: "ORD-1",
  amount: { minor: 10_000, currency: "IDR" },
  paid_at: "2026-11-01T03:00:00Z",
  method: { type: "wallet_balance" },
}, { window_days: 14 });
const submission = book.submit("k-1", {
  order_number: "ORD-1",
  transaction_id: "TX-1",
  paid_at: "2026-11-01T03:00:00Z",
  amount: { type: "full" },
  reason: "duplicate",
}, now);
const moved = book.apply(submission.id, { action: "reject", reason: "insufficient_evidence" }, now);
const refundStatus: wc.RefundStatus = moved.status;
const bookJson: wc.RefundBookJson = book.toJSON();

// Tickets
const number: string = wc.ticketNumberAt(now, id, 1);
const ticket = new wc.Ticket(number, "email", "refund", now, { priority: "high" });
const after: wc.TicketStatusReport = ticket.apply(now, { kind: "escalate", level: "supervisor", cause: "manual" });
const sla: SlaReportWithText = ticket.sla(now, id, { locale: "en" });
const firstResponse: wc.TicketSlaStatus = sla.report.first_response.status;
const parts = wc.parseTicketNumber(number);
const sequence: number = parts.sequence;

// Transactions
const diagnosis: DiagnosisReport = wc.diagnoseTransaction({
  id: "T-1",
  kind: { kind: "payment", channel: "qr", merchant: { id: "M-1", name: "Warung" } },
  amount: { minor: 1_500_000, currency: "IDR" },
  created_at: "2026-11-21T03:00:00Z",
  updated_at: "2026-11-21T03:00:00Z",
  state: { state: "failed", reason: "bank_unavailable", bank: "BRI" },
  idempotency_key: "k-1",
}, now, { locale: "id", account_state: { state: "active" } });
const steps: string[] = diagnosis.messages;

// Triage
const t: Triage = wc.triage("saldo kepotong tapi transaksi gagal", { channel: "in_app" });
const category: wc.Category = t.category;
const stepsInLanguage: string[] = t.answer.steps;
const model = wc.TriageModel.fromBytes(new Uint8Array(wc.TriageModel.builtin().toBytes()));
const fast: wc.Classification = model.classify("refund please");
const config: wc.TrainConfig = { ...wc.defaultTrainConfig(), c: 0.5, multiclass: "one_vs_rest" };
const customModel: wc.TriageModel = wc.TriageModel.train([["refund please", "refund"], ["app crashes", "technical"]], config);
void customModel;

// Errors
try {
  wc.parseTicketNumber("WC-1");
} catch (e: unknown) {
  if (wc.isWalletcareError(e)) {
    const err: WalletcareError = e;
    const code: ErrorCode = err.code;
    const status: number = err.status;
    void [code, status];
  }
}

void [price, label, order, firstViolation, masked, problems, nextDay, spec, end, dueDate, refundStatus,
  bookJson, after, firstResponse, sequence, steps, category, stepsInLanguage, fast, score];
