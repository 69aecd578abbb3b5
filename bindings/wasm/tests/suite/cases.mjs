// The JS test suite of the walletcare npm package. It runs unchanged in Node
// (node --test, against the installed tarball) and in headless Chromium
// (against the web build), so both see the same cases.
//
// `cases(wc, env)` returns `[{ name, run }]`; `run()` throws on failure.
// `env.vectors` is the parsed tests/vectors/vectors.json (shared with Rust
// and C), or null when it is not available.

import { deepEqual, equal, includes, ok, subset, throwsCode } from './assert.mjs';

const NOW = '2026-11-21T08:00:00Z';

// Whether `actual` has everything `expect` says: objects by key (extra keys
// allowed), arrays element by element with the same length, the rest equal.
// The same rule as the Rust and C runners.
function scriptSubset(expect, actual) {
  if (Array.isArray(expect)) {
    return Array.isArray(actual) && expect.length === actual.length &&
      expect.every((e, i) => scriptSubset(e, actual[i]));
  }
  if (expect !== null && typeof expect === 'object') {
    return actual !== null && typeof actual === 'object' && !Array.isArray(actual) &&
      Object.keys(expect).every((k) => k in actual && scriptSubset(expect[k], actual[k]));
  }
  return expect === actual;
}

// The shared scripts (tests/vectors/scripts/*.json), each run through
// `call` step by step: `env.scripts` is `{ files: { "<file>": <content> } }`.
function scriptCases(wc, scripts) {
  const out = [];
  if (!scripts) return out;
  for (const [file, content] of Object.entries(scripts.files)) {
    for (const script of content.scripts) {
      out.push({
        name: `scripts/${file}: ${script.name}`,
        run: () => {
          let state = null;
          script.steps.forEach((step, i) => {
            const where = `step ${i} (${step.op})`;
            const input = step.state ? { state, ...(step.input ?? {}) } : (step.input ?? {});
            if (step.expect_error !== undefined) {
              throwsCode(() => wc.call(step.op, input), step.expect_error, where);
              return;
            }
            let got = wc.call(step.op, input);
            if (step.state) {
              state = got.state;
              got = got.output;
            } else if (step.set_state) {
              state = got;
            }
            if (step.expect !== undefined && !scriptSubset(step.expect, got)) {
              throw new Error(`${where}: expected ${JSON.stringify(step.expect)}, got ${JSON.stringify(got)}`);
            }
          });
        },
      });
    }
  }
  return out;
}

function vectorCases(wc, vectors) {
  const out = [];
  if (!vectors) return out;
  const calendars = new Map();
  const calendar = (code) => {
    if (!calendars.has(code)) calendars.set(code, wc.Calendar.builtin(code));
    return calendars.get(code);
  };
  const expectResult = (fn, expect) => {
    if (expect !== null && typeof expect === 'object' && 'error' in expect) {
      throwsCode(fn, expect.error);
    } else {
      return fn();
    }
  };
  // Each group of the shared vectors, run through the JS API. A group the
  // suite does not know fails, so new vectors are never skipped silently.
  const groups = {
    money_parse: (v) => {
      const got = expectResult(() => wc.parseMoney(v.text, v.locale, v.default_currency), v.expect);
      if (got !== undefined) deepEqual(got, v.expect);
    },
    money_format: (v) => {
      equal(wc.formatMoney({ minor: v.minor, currency: v.currency }, { locale: v.locale }), v.expect);
    },
    calendar_is_business_day: (v) => {
      const got = expectResult(() => calendar(v.calendar).isBusinessDay(v.date), v.expect);
      if (got !== undefined) equal(got, v.expect);
    },
    calendar_add_business_days: (v) => {
      const got = expectResult(() => calendar(v.calendar).addBusinessDays(v.date, v.days), v.expect);
      if (got !== undefined) equal(got, v.expect);
    },
    calendar_business_days_between: (v) => {
      const got = expectResult(
        () => calendar(v.calendar).businessDaysBetween(v.start, v.end),
        v.expect,
      );
      if (got !== undefined) equal(got, v.expect);
    },
    refund_due: (v) => {
      const approvedAt = new Date(v.approved_at * 1000);
      const got = expectResult(
        () => wc.refundDue(calendar(v.calendar), approvedAt, v.destination, v.policy ? { policy: v.policy } : undefined),
        v.expect,
      );
      if (got !== undefined) subset(got.due, v.expect, 'due');
    },
    ticket_number: (v) => {
      const got = expectResult(() => wc.ticketNumber(v.date, v.sequence, v.prefix ? { prefix: v.prefix } : undefined), v.expect);
      if (got !== undefined) equal(got, v.expect);
    },
    ticket_number_check: (v) => {
      equal(wc.isValidTicketNumber(v.text), v.expect.valid);
      if (v.expect.valid) equal(wc.parseTicketNumber(v.text).number, v.text.trim().toUpperCase());
      else throwsCode(() => wc.parseTicketNumber(v.text), 'ticket.invalid_number');
    },
    triage: (v) => {
      const options = v.channel ? { channel: v.channel } : undefined;
      subset(wc.triage(v.text, options), v.expect, 'triage');
    },
  };
  for (const [group, list] of Object.entries(vectors)) {
    if (group === 'schema') continue;
    if (!Array.isArray(list)) continue;
    const runner = groups[group];
    if (!runner) {
      out.push({
        name: `vectors/${group}: known to the JS suite`,
        run: () => {
          throw new Error(`the JS suite has no runner for vector group "${group}"`);
        },
      });
      continue;
    }
    list.forEach((v, i) => {
      out.push({ name: `vectors/${group}/${v.name ?? i}`, run: () => runner(v) });
    });
  }
  return out;
}

export function cases(wc, env = {}) {
  const list = [];
  const test = (name, run) => list.push({ name, run });

  // ---------------------------------------------------------------- basics
  test('version is the crate version', () => {
    ok(/^\d+\.\d+\.\d+/.test(wc.version()), wc.version());
  });

  test('error codes match the core: strings, C status numbers, ranges', () => {
    const codes = wc.errorCodes();
    ok(codes.length >= 70, `only ${codes.length} codes`);
    const byCode = new Map(codes.map((c) => [c.code, c.status]));
    equal(byCode.get('general.invalid_json'), 100);
    equal(byCode.get('money.currency_mismatch'), 200);
    equal(byCode.get('calendar.not_covered'), 600);
    equal(byCode.get('triage.invalid_model'), 900);
    equal(byCode.get('triage.invalid_label_map'), 920);
    equal(byCode.get('triage.unmapped_label'), 923);
    for (const { code, status } of codes) {
      const module = code.split('.')[0];
      const expected = status >= 1100
        ? (status < 1150 ? 'queue' : 'intake')
        : ['general', 'money', 'account', 'card', 'transaction', 'calendar', 'refund', 'ticket', 'triage', 'redact'][
          Math.floor(status / 100) - 1
        ];
      equal(module, expected, `${code} (${status})`);
    }
  });

  test('errors are WalletcareErrors with a stable code', () => {
    const e = throwsCode(() => wc.Calendar.builtin('XX'), 'calendar.unknown_calendar');
    ok(e instanceof Error);
    ok(wc.isWalletcareError(e));
    ok(!wc.isWalletcareError(new Error('x')));
    ok(!wc.isWalletcareError('calendar.unknown_calendar'));
    includes(e.message, 'XX');
    // `status` is the same code's number, as the C library returns it.
    const status = new Map(wc.errorCodes().map((c) => [c.code, c.status]));
    equal(e.status, status.get('calendar.unknown_calendar'));
    equal(throwsCode(() => wc.addMoney({ minor: 1, currency: 'IDR' }, { minor: 1, currency: 'USD' }), 'money.currency_mismatch').status, 200);
    equal(throwsCode(() => wc.parseMoney('x', 'en', 'USD'), 'money.parse').status, status.get('money.parse'));
  });

  test('locales normalise common tags', () => {
    deepEqual(wc.locales(), ['en', 'id-ID', 'zh-CN']);
    equal(wc.normalizeLocale('id'), 'id-ID');
    equal(wc.normalizeLocale('zh-Hans-CN'), 'zh-CN');
    equal(wc.normalizeLocale('en-GB'), 'en');
    throwsCode(() => wc.normalizeLocale('fr'), 'general.unknown_value');
  });

  // ----------------------------------------------------------------- money
  test('money: parse and format in each locale, and round-trip', () => {
    deepEqual(wc.parseMoney('Rp 150.000,50', 'id-ID', 'IDR'), { minor: 15000050, currency: 'IDR' });
    deepEqual(wc.parseMoney('1,5jt', 'id', 'IDR'), { minor: 150000000, currency: 'IDR' });
    deepEqual(wc.parseMoney('1.5万', 'zh-CN', 'CNY'), { minor: 1500000, currency: 'CNY' });
    deepEqual(wc.parseMoney('S$5', 'en', 'IDR'), { minor: 500, currency: 'SGD' });
    equal(wc.formatMoney({ minor: 15000000, currency: 'IDR' }, { locale: 'id-ID' }), 'Rp150.000');
    equal(wc.formatMoney({ minor: 1234, currency: 'USD' }), '$12.34');
    // The same refusal as parseMoney's, not a JSON error (issue 11).
    throwsCode(() => wc.formatMoney({ minor: 1, currency: 'GBP' }, { locale: 'en' }), 'money.unknown_currency');
    for (const locale of wc.locales()) {
      for (const amount of [{ minor: 123456789, currency: 'IDR' }, { minor: -1050, currency: 'MYR' }, { minor: 7, currency: 'JPY' }]) {
        const text = wc.formatMoney(amount, { locale });
        deepEqual(wc.parseMoney(text, locale, amount.currency), amount, `${locale} ${text}`);
      }
    }
    throwsCode(() => wc.parseMoney('$1.234', 'en', 'USD'), 'money.ambiguous');
    throwsCode(() => wc.parseMoney('abc', 'en', 'USD'), 'money.parse');
    throwsCode(() => wc.parseMoney('1'.repeat(300), 'en', 'USD'), 'general.input_too_large');
    throwsCode(() => wc.parseMoney('5', 'en', 'XXX'), 'money.unknown_currency');
  });

  test('money: split and allocate add up exactly', () => {
    const parts = wc.splitMoney({ minor: 1000, currency: 'USD' }, 3);
    deepEqual(parts.map((m) => m.minor), [334, 333, 333]);
    deepEqual(wc.sumMoney(parts, 'USD'), { minor: 1000, currency: 'USD' });
    deepEqual(wc.allocateMoney({ minor: 5, currency: 'USD' }, [70, 20, 10]).map((m) => m.minor), [4, 1, 0]);
    throwsCode(() => wc.splitMoney({ minor: 1, currency: 'USD' }, 0), 'money.invalid_split');
    throwsCode(() => wc.allocateMoney({ minor: 5, currency: 'USD' }, [0, 0]), 'money.invalid_split');
    throwsCode(() => wc.splitMoney({ minor: 1, currency: 'USD' }, 2.5), 'general.invalid_argument');
  });

  test('money: arithmetic is checked', () => {
    deepEqual(wc.addMoney({ minor: 1, currency: 'IDR' }, { minor: 2, currency: 'IDR' }), { minor: 3, currency: 'IDR' });
    deepEqual(wc.subtractMoney({ minor: 1, currency: 'IDR' }, { minor: 2, currency: 'IDR' }), { minor: -1, currency: 'IDR' });
    deepEqual(wc.multiplyMoney({ minor: 3, currency: 'IDR' }, 4), { minor: 12, currency: 'IDR' });
    equal(wc.compareMoney({ minor: 1, currency: 'IDR' }, { minor: 2, currency: 'IDR' }), -1);
    deepEqual(wc.moneyFromMajor(150000, 'IDR'), { minor: 15000000, currency: 'IDR' });
    throwsCode(() => wc.addMoney({ minor: 1, currency: 'IDR' }, { minor: 1, currency: 'USD' }), 'money.currency_mismatch');
    const big = { minor: Number.MAX_SAFE_INTEGER, currency: 'IDR' };
    // The sum does not fit in a JS number exactly: refused, never rounded.
    throwsCode(() => wc.addMoney(big, big), 'general.invalid_argument');
    equal(wc.currencyExponent('JPY'), 0);
    equal(wc.currencies().find((c) => c.code === 'IDR').exponent, 2);
  });

  // --------------------------------------------------------------- account
  test('account: PIN verdicts list every violation with text in the locale', () => {
    const weak = wc.checkPin('123456', { locale: 'zh-CN' });
    deepEqual(weak, {
      credential: 'pin',
      violations: [{ violation: 'ascending_sequence' }],
      valid: false,
      messages: ['不要使用递增的连续数字（如 123456）。'],
    });
    const context = { phone: '0812-3417-0890', birth_date: '1990-08-17' };
    deepEqual(wc.checkPin('170890', { context }).violations, [
      { violation: 'contains_birth_date' },
      { violation: 'contains_phone_number' },
    ]);
    const good = wc.checkPin('582914', { context });
    equal(good.valid, true);
    deepEqual(good.messages, []);
  });

  test('account: password policy, strength and check-up', () => {
    const v = wc.checkPassword('abc', { locale: 'id' });
    deepEqual(v.violations, [{ violation: 'too_short', min: 8 }, { violation: 'missing_uppercase' }, { violation: 'missing_digit' }]);
    equal(v.messages[0], 'Gunakan minimal 8 karakter.');
    equal(wc.checkPassword('abc', { policy: { password_min_length: 2, password_required_classes: { uppercase: false, digit: false } } }).valid, true);
    throwsCode(() => wc.checkPassword('x', { policy: { password_min_length: 80 } }), 'account.invalid_policy');
    throwsCode(() => wc.checkPassword('x', { policy: { password_min_lenght: 8 } }), 'general.invalid_argument');
    const s = wc.passwordStrength('gunung merapi berasap pagi');
    equal(s.score, 4);
    equal(s.label, 'Very strong');
    const weak = wc.passwordStrength('kopi', { locale: 'zh-CN' });
    equal(weak.label, '非常弱');
    equal(weak.messages.length, weak.reasons.length);
    const account = wc.newAccount('acc-1', '0812-3456-7890');
    equal(account.phone, '+6281234567890');
    const checkup = wc.securityCheckup(account, NOW, { activity: { flagged_transaction_ids: ['tx-77'] }, locale: 'id' });
    deepEqual(checkup.items.map((i) => i.item), ['enable_two_factor', 'review_unusual_transactions', 'verify_identity']);
    includes(checkup.messages[0], 'verifikasi dua langkah');
    equal(wc.maskPhoneNumber('+86 138 0013 8000'), '+86 138-****-8000');
    equal(wc.normalizePhoneNumber('0812-3456-7890'), '+6281234567890');
    throwsCode(() => wc.normalizePhoneNumber('abc'), 'account.invalid_contact');
    equal(wc.credentialPolicy().max_failed_attempts, 5);
  });

  // ------------------------------------------------------------------ card
  test('card: validation keeps only the masked number', () => {
    const card = wc.validateCard({ number: '4111 1111 1111 1111', holder_name: '  budi   santoso ', expiry: '12/29', cvv: '123' }, NOW);
    deepEqual(card, { brand: 'visa', masked_number: '411111******1111', holder_name: 'BUDI SANTOSO', expiry: { month: 12, year: 2029 } });
    ok(!JSON.stringify(card).includes('4111111111111111'));
    throwsCode(() => wc.validateCard({ number: '4111 1111 1111 1112', holder_name: 'A', expiry: '12/30', cvv: '123' }, NOW), 'card.luhn_failed');
    throwsCode(() => wc.validateCard({ number: '4111 1111 1111 1111', holder_name: 'A', expiry: '12/30' }, NOW), 'general.invalid_argument');
  });

  test('card: every problem of a form, in field order, with text', () => {
    const p = wc.cardProblems({ number: '4111 1111 1111 1112', holder_name: '', expiry: '13/30', cvv: '12' }, NOW, { locale: 'id-ID' });
    equal(p.valid, false);
    equal(p.problems.length, 4);
    equal(p.problems[0], 'luhn_failed');
    equal(p.messages[0], 'Nomor kartu ini tidak valid. Periksa kembali lalu coba lagi.');
    equal(wc.cardProblems({ number: '5555 5555 5555 4444', holder_name: 'Siti', expiry: '01/2031', cvv: '321' }, NOW).valid, true);
    deepEqual(wc.checkCardExpiry('02/28', '2028-03-01T00:00:00Z'), { year: 2028, month: 2, expired: true, last_valid_day: '2028-02-29' });
    equal(wc.checkCardExpiry('02/28', '2028-02-29T23:59:59Z').expired, false);
    throwsCode(() => wc.checkCardExpiry('13/28', NOW), 'card.invalid_expiry');
    equal(wc.cardBrand('2221000000000009'), 'mastercard');
    equal(wc.cardBrand('3000000000000004'), null);
    equal(wc.luhnValid('4111111111111111'), true);
    deepEqual(wc.parseMaskedCardNumber('378282*****0005'), { masked: '378282*****0005', first_six: '378282', last_four: '0005', length: 15, brand: 'amex' });
    throwsCode(() => wc.parseMaskedCardNumber('4111111111111111'), 'card.invalid_number');
  });

  // -------------------------------------------------------------- calendar
  test('calendar: built-in calendars answer business-day questions', () => {
    const id = wc.Calendar.builtin('id');
    equal(id.timeZone, 'Asia/Jakarta');
    equal(id.cutoff, '17:00');
    deepEqual(id.coverage, { first: 2020, last: 2030 });
    deepEqual(wc.Calendar.codes(), ['ID', 'CN', 'SG', 'MY']);
    equal(id.isBusinessDay('2024-04-10'), false);
    equal(id.nextBusinessDay('2024-04-05'), '2024-04-16');
    equal(id.previousBusinessDay('2024-04-16'), '2024-04-05');
    equal(id.addBusinessDays('2024-04-05', 3), '2024-04-18');
    equal(id.businessDaysBetween('2024-04-01', '2024-04-30'), 15);
    equal(id.roll('2024-04-10', 'preceding'), '2024-04-05');
    equal(id.roll('2024-04-10', 'following'), '2024-04-16');
    throwsCode(() => id.roll('2024-04-10', 'sideways'), 'general.unknown_value');
    equal(id.startDate('2024-03-04T11:30:00Z'), '2024-03-05');
    equal(id.holidayName('2024-02-10', { locale: 'zh-CN' }), '春节');
    equal(id.holidayName('2024-04-01', { locale: 'zh-CN' }), null);
    const days = id.nonBusinessDays('2024-04-10', '2024-04-10', { locale: 'zh-CN' });
    equal(days.days[0].reason.type, 'holiday');
    equal(days.messages[0], '2024年4月10日（星期三）：开斋节（法定节假日）');
    equal(id.nonBusinessDays('2024-04-10', '2024-04-10').messages[0], 'Wednesday, 10 April 2024: Eid al-Fitr (public holiday)');
    equal(id.nonBusinessDays('2024-04-10', '2024-04-10', { locale: 'id' }).messages[0], 'Rabu, 10 April 2024: Hari Raya Idulfitri (libur nasional)');
    equal(id.holidayName('2024-04-10', { locale: 'id' }), 'Hari Raya Idulfitri');
    throwsCode(() => id.isBusinessDay('2099-01-01'), 'calendar.not_covered');
    throwsCode(() => id.isBusinessDay('2024-02-30'), 'general.invalid_argument');
    throwsCode(() => id.isBusinessDay('10/04/2024'), 'general.invalid_argument');
  });

  test('calendar: business hours', () => {
    const cn = wc.Calendar.builtin('CN');
    // Friday 2024-03-22 17:00 Shanghai + 3 business hours = Monday 11:00.
    equal(cn.addBusinessHours('2024-03-22T09:00:00Z', 3), '2024-03-25T03:00:00Z');
    equal(cn.addBusinessSeconds(new Date('2024-03-22T09:00:00Z'), 3600), '2024-03-22T10:00:00Z');
    equal(cn.businessSecondsBetween('2024-03-22T09:00:00Z', '2024-03-25T03:00:00Z'), 3 * 3600);
    throwsCode(() => cn.addBusinessHours('2024-03-22T09:00:00Z', 0.0001), 'general.invalid_argument');
    equal(cn.isEstimated('2024-01-01', '2024-12-31'), false);
  });

  test('calendar: custom calendars load from JSON and round-trip', () => {
    const spec = {
      name: 'Jakarta office',
      time_zone: 'Asia/Jakarta',
      business_hours: [{ start: '08:00', end: '12:00' }, { start: '13:00', end: '17:00' }],
      cutoff: '16:00',
      holidays: [{ date: '2025-08-17', name: 'Independence Day', kind: 'public' }],
    };
    const cal = wc.Calendar.fromJson(spec);
    equal(cal.name, 'Jakarta office');
    equal(cal.isBusinessDay('2025-08-18'), true);
    const again = wc.Calendar.fromJson(JSON.stringify(cal));
    deepEqual(again.toJSON(), cal.toJSON());
    equal(cal.holidays()[0].estimated, false);
    throwsCode(() => wc.Calendar.fromJson('{"time_zone":"Mars/Olympus"}'), 'calendar.unknown_time_zone');
    throwsCode(() => wc.Calendar.fromJson('{"time_zone":"Asia/Jakarta","weekmask":"0000000"}'), 'calendar.no_business_days');
    throwsCode(() => wc.Calendar.fromJson('{"time_zone":"Asia/Jakarta","zone":"x"}'), 'general.invalid_argument');
    throwsCode(() => wc.Calendar.fromJson('{not json'), 'general.invalid_json');
    // A change that fails leaves the calendar as it was.
    const before = JSON.stringify(cal);
    throwsCode(() => cal.addHoliday({ date: '2025-08-18', name: '', kind: 'public' }), 'general.invalid_argument');
    equal(JSON.stringify(cal), before);
    cal.addHoliday({ date: '2025-08-18', name: 'Cuti bersama', kind: 'collective_leave' });
    equal(cal.isBusinessDay('2025-08-18'), false);
    equal(cal.removeHoliday('2025-08-18').name, 'Cuti bersama');
    equal(cal.removeHoliday('2025-08-18'), null);
    const joint = wc.Calendar.joint(wc.Calendar.builtin('ID'), wc.Calendar.builtin('SG'));
    equal(joint.timeZone, 'Asia/Jakarta');
  });

  test('calendar: a freed calendar throws instead of trapping', () => {
    const cal = wc.Calendar.builtin('MY');
    cal.free();
    let threw = false;
    try {
      cal.isBusinessDay('2024-01-01');
    } catch {
      threw = true;
    }
    ok(threw);
    equal(wc.Calendar.builtin('MY').isBusinessDay('2024-01-02'), true);
  });

  // ---------------------------------------------------------------- refund
  test('refund: due date and explanation name the holidays skipped', () => {
    const id = wc.Calendar.builtin('ID');
    const card = { type: 'card', bank: 'BCA', last4: '1234' };
    const r = wc.refundDue(id, '2024-03-04T03:00:00Z', card);
    equal(r.due.start_date, '2024-03-04');
    equal(r.due.due_date, '2024-03-15');
    equal(r.due.due_at, '2024-03-15T17:00:00Z');
    ok(r.due.skipped.some((d) => d.reason.type === 'holiday' && d.reason.holiday.name.includes('Nyepi')));
    const eid = wc.refundDue(id, '2024-04-05T04:00:00Z', { type: 'card', bank: 'BRI', last4: '4321' }, { locale: 'id' });
    includes(eid.explanation, 'Hari Raya Idulfitri');
    includes(eid.explanation, wc.formatDate(eid.due.due_date, { locale: 'id' }));
    includes(wc.refundDue(id, '2024-04-05T04:00:00Z', card, { locale: 'zh-CN' }).explanation, '开斋节');
    includes(wc.refundDue(id, '2024-04-05T04:00:00Z', card).explanation, 'Eid al-Fitr');
    equal(wc.formatDate('2024-03-15', { locale: 'zh-CN' }), '2024年3月15日（星期五）');
    const wallet = wc.refundDue(id, '2024-03-04T03:00:00Z', { type: 'wallet_balance' }).due;
    deepEqual(wc.refundSlaStatus(wallet, '2024-03-04T03:00:00Z'), {
      status: { state: 'due_soon', remaining_seconds: 14 * 3600 },
      text: wc.refundSlaStatus(wallet, '2024-03-04T03:00:00Z').text,
    });
    const late = wc.refundSlaStatus(wallet, '2024-03-05T19:00:00Z', { locale: 'id' });
    deepEqual(late, { status: { state: 'breached', overdue_seconds: 26 * 3600 }, text: 'Terlambat 1 hari 2 jam' });
    equal(wc.refundSlaStatus(wallet, '2024-03-05T19:00:00Z', { completed_at: new Date('2024-03-04T04:00:00Z') }).status.state, 'completed_on_time');
    throwsCode(() => wc.refundDue(id, '2031-06-01T03:00:00Z', card), 'calendar.not_covered');
    throwsCode(() => wc.refundDue(id, NOW, { type: 'card', bank: 'B C A', last4: '1' }), 'general.invalid_argument');
    // A card without its bank names the field, as C does (issue 11).
    const noBank = throwsCode(() => wc.refundDue(id, NOW, { type: 'card', last4: '1234' }), 'general.invalid_argument');
    equal(noBank.message, 'destination.bank is required');
    throwsCode(() => wc.refundDue(id, NOW, card, { policy: { other_card_days: 1000 } }), 'general.invalid_argument');
  });

  const payment = {
    transaction_id: 'TX-1001',
    order_number: 'ORD-77',
    amount: { minor: 20000000, currency: 'IDR' },
    paid_at: '2026-12-01T03:00:00Z',
    method: { type: 'wallet_balance' },
  };
  const partial = (minor) => ({
    order_number: 'ORD-77',
    transaction_id: 'TX-1001',
    paid_at: '2026-12-01T03:00:00Z',
    amount: { type: 'partial', amount: { minor, currency: 'IDR' } },
    reason: 'cancelled',
  });

  test('refund: eligibility lists every problem with text', () => {
    const request = { ...partial(5000000), reason: 'not_as_described' };
    const e = wc.checkRefundEligibility(request, payment, '2027-01-15T00:00:00Z', { locale: 'id' });
    equal(e.eligible, false);
    deepEqual(e.problems.map((p) => p.problem), ['window_closed', 'evidence_required']);
    equal(e.messages.length, 2);
    includes(e.messages[1], 'bukti');
    equal(wc.checkRefundEligibility(partial(5000000), payment, '2026-12-02T03:00:00Z').eligible, true);
  });

  test('refund: the book keeps money safe and moves refunds through their lifecycle', () => {
    const book = new wc.RefundBook(payment);
    const now = '2026-12-02T03:00:00Z';
    const first = book.submit('app-7f3a', partial(5000000), now);
    deepEqual(first, { id: 1, status: 'submitted', auto_approved: false, replayed: false });
    equal(book.submit('app-7f3a', partial(5000000), now).replayed, true);
    throwsCode(() => book.submit('app-7f3a', partial(6000000), now), 'refund.idempotency_conflict');
    throwsCode(() => book.submit('k2', partial(16000000), now), 'refund.not_eligible');
    deepEqual(book.apply(1, { action: 'start_review' }, now, { locale: 'id' }).status, 'under_review');
    const before = JSON.stringify(book);
    throwsCode(() => book.apply(1, { action: 'complete' }, now), 'refund.invalid_transition');
    throwsCode(() => book.apply(1, { action: 'approve' }, '2026-12-01T00:00:00Z'), 'refund.clock_went_backwards');
    throwsCode(() => book.apply(9, { action: 'approve' }, now), 'refund.not_found');
    equal(JSON.stringify(book), before, 'a refused move changes nothing');
    equal(book.apply(1, { action: 'approve' }, now).status, 'approved');
    deepEqual(book.committedTotal(), { minor: 5000000, currency: 'IDR' });
    deepEqual(book.refundable(), { minor: 15000000, currency: 'IDR' });
    const got = book.get(1, { locale: 'en' });
    equal(got.refund.history.length, 3);
    equal(typeof got.status_text, 'string');
    const due = book.due(1, wc.Calendar.builtin('ID'), { locale: 'en' });
    equal(due.due.due_date, '2026-12-02');
    equal(new wc.RefundBook(payment).check(partial(1), now).eligible, true);
    const copy = wc.RefundBook.fromJson(JSON.stringify(book));
    deepEqual(copy.toJSON(), book.toJSON());
    equal(copy.refunds().length, 1);
    const broken = book.toJSON();
    broken.refunds[0].id = 5;
    throwsCode(() => wc.RefundBook.fromJson(broken), 'general.invalid_json');
    throwsCode(() => new wc.RefundBook({ ...payment, amount: { minor: 0, currency: 'IDR' } }), 'money.non_positive_amount');
    equal(wc.nextRefundStatus('failed', { action: 'retry' }), 'processing');
    equal(wc.nextRefundStatus('completed', { action: 'cancel' }), null);
  });

  // ---------------------------------------------------------------- ticket
  test('ticket: numbers are generated and checked', () => {
    equal(wc.ticketNumber('2026-11-21', 123), 'WC-20261121-000123-7');
    equal(wc.ticketNumber('2026-11-21', 123, { prefix: 'gpx' }), 'GPX-20261121-000123-7');
    equal(wc.ticketNumberAt('2026-11-20T20:00:00Z', wc.Calendar.builtin('ID'), 123), 'WC-20261121-000123-7');
    deepEqual(wc.parseTicketNumber(' WC-20261121-000123-7 '), {
      number: 'WC-20261121-000123-7',
      prefix: 'WC',
      date: '2026-11-21',
      sequence: 123,
      check_digit: 7,
    });
    const e = throwsCode(() => wc.parseTicketNumber('WC-20261121-000123-1'), 'ticket.invalid_number');
    includes(e.message, '19');
    throwsCode(() => wc.ticketNumber('2026-11-21', 1e9), 'ticket.invalid_number');
    throwsCode(() => wc.ticketNumber('2026-11-21', -1), 'general.invalid_argument');
  });

  test('ticket: lifecycle and SLA report with explanation', () => {
    const cal = wc.Calendar.builtin('ID');
    const t0 = '2026-11-23T02:00:00Z';
    const ticket = new wc.Ticket(wc.ticketNumberAt(t0, cal, 1), 'email', 'refund', t0);
    equal(ticket.status, 'new');
    equal(ticket.priority, 'normal');
    const report = ticket.sla('2026-11-23T02:30:00Z', cal);
    includes(report.explanation, 'First response: on track, 7 hours 30 minutes left (due 23 November 2026, 18:00 WIB, business hours)');
    includes(ticket.sla('2026-11-23T02:30:00Z', cal, { locale: 'id' }).explanation, 'Respons pertama: sesuai target, sisa 7 jam 30 menit');
    const after = ticket.apply('2026-11-23T03:00:00Z', { kind: 'respond' }, { locale: 'en' });
    equal(after.status, 'open');
    equal(after.escalation, 'agent');
    ticket.apply('2026-11-23T04:00:00Z', { kind: 'file_complaint', complaint: 'formal_written' });
    const withComplaint = ticket.sla('2026-11-23T05:00:00Z', cal).report;
    equal(withComplaint.first_response.status.state, 'met');
    equal(withComplaint.regulatory[0].working_days, 20);
    const before = JSON.stringify(ticket);
    throwsCode(() => ticket.apply('2026-11-23T05:00:00Z', { kind: 'close' }), 'ticket.invalid_transition');
    throwsCode(() => ticket.apply('2026-11-23T01:00:00Z', { kind: 'resolve' }), 'ticket.event_out_of_order');
    throwsCode(() => ticket.apply('2026-11-23T05:00:00Z', { kind: 'teleport' }), 'general.unknown_value');
    // A ticket is created once: the core refuses a second create, as in C (issue 11).
    throwsCode(
      () => ticket.apply('2026-11-23T05:00:00Z', { kind: 'create', channel: 'chat', category: 'refund', priority: 'normal' }),
      'ticket.invalid_transition',
    );
    equal(JSON.stringify(ticket), before);
    const copy = wc.Ticket.fromJson(JSON.stringify(ticket));
    deepEqual(copy.toJSON(), ticket.toJSON());
    equal(copy.state().complaint_count, 1);
    equal(copy.events().length, 3);
    throwsCode(() => ticket.sla('2026-11-22T00:00:00Z', cal), 'general.invalid_argument');
    throwsCode(() => ticket.sla(NOW, cal, { policy: { fallback: {} } }), 'general.invalid_argument');
    throwsCode(() => ticket.sla(NOW, cal, { policy: { ...wc.defaultTicketSlaPolicy(), due_soon_percent: 0 } }), 'ticket.invalid_sla_policy');
    throwsCode(() => new wc.Ticket('WC-20261121-000123-7', 'fax', 'refund', t0), 'general.unknown_value');
    equal(typeof wc.defaultTicketSlaPolicy().due_soon_percent, 'number');
    const urgent = new wc.Ticket('WC-20261121-000123-7', 'chat', 'account_security', t0, { priority: 'urgent' });
    // A week without an answer breaches the resolution clock: manager.
    equal(urgent.escalateOnBreach('2026-11-30T02:00:00Z', cal), 'manager');
    equal(urgent.escalation, 'manager');
    equal(urgent.escalateOnBreach('2026-11-30T02:00:00Z', cal), null);
  });

  // ----------------------------------------------------------- transaction
  test('transaction: diagnosis with steps in the locale', () => {
    const tx = {
      id: 'T-1',
      kind: { kind: 'top_up', source: { method: 'card' } },
      amount: { minor: 5000000, currency: 'IDR' },
      created_at: '2026-11-21T03:00:00Z',
      updated_at: '2026-11-21T03:00:00Z',
      state: { state: 'failed', reason: 'card_expired' },
      idempotency_key: 'K-1',
    };
    const d = wc.diagnoseTransaction(tx, '2026-11-21T04:00:00Z');
    equal(d.cause, 'card_expired');
    includes(d.text, 'Update your card details');
    equal(d.messages.length, d.steps.length);
    ok(d.steps.length >= 1);
    const zh = wc.diagnoseTransaction(tx, '2026-11-21T04:00:00Z', { locale: 'zh-CN', account_state: { state: 'active' } });
    ok(zh.cause_text !== d.cause_text);
    const stuck = { ...tx, state: { state: 'pending' } };
    equal(wc.diagnoseTransaction(stuck, '2026-11-21T05:00:00Z').cause, 'stuck_pending');
    throwsCode(() => wc.diagnoseTransaction({ ...tx, id: '' }, NOW), 'general.invalid_argument');
  });

  // ---------------------------------------------------------------- triage
  test('triage: the built-in model in Indonesian, Chinese and English', () => {
    const id = wc.triage('saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat');
    equal(id.category, 'payment_failure');
    equal(id.priority, 'urgent');
    equal(id.language, 'id');
    equal(id.answer.locale, 'id-ID');
    ok(id.entities.some((e) => e.value && e.value.type === 'money' && e.value.minor === 5000000 && e.value.currency === 'IDR'));
    ok(id.needed_info.find((n) => n.field === 'amount').found);
    const zh = wc.triage('我的账户被盗了，有人用我的钱包付款', { channel: 'app' });
    equal(zh.category, 'account_security');
    equal(zh.language, 'zh');
    equal(zh.channel, 'in_app'); // the old name 'app' still parses
    includes(zh.answer.steps[0], '冻结');
    const en = wc.triage('I want a refund for order INV/20261121/XYZ/123, paid $12 yesterday');
    equal(en.category, 'refund');
    equal(en.language, 'en');
    ok(en.confidence > 0 && en.confidence <= 1);
    equal(wc.triage('').category, 'general_inquiry');
    equal(wc.classify('我的账户被盗了，有人用我的钱包付款').label, 'account_security');
    equal(wc.detectLanguage('tolong saldo saya'), 'id');
    throwsCode(() => wc.triage('x', { channel: 'fax' }), 'general.unknown_value');
  });

  test('triage: a trained model survives bytes and is refused when corrupted', () => {
    const examples = [
      ['refund my order please', 'refund'],
      ['I want my money back for the order', 'refund'],
      ['the app keeps crashing', 'technical'],
      ['aplikasi error terus', 'technical'],
      ['card binding fails', 'bank_card'],
      ['kartu tidak bisa ditambahkan', 'bank_card'],
    ];
    const model = wc.TriageModel.train(examples);
    equal(model.isBuiltin, false);
    deepEqual([...model.labels].sort(), ['bank_card', 'refund', 'technical']);
    const bytes = model.toBytes();
    ok(bytes instanceof Uint8Array);
    const loaded = wc.TriageModel.fromBytes(bytes);
    deepEqual(Array.from(loaded.toBytes()), Array.from(bytes));
    equal(loaded.triage('crashing again').category, 'technical');
    equal(loaded.classify('crashing again').label, 'technical');
    deepEqual(loaded.triage('refund the order'), model.triage('refund the order'));
    const broken = bytes.slice();
    broken[20] ^= 1;
    throwsCode(() => wc.TriageModel.fromBytes(broken), 'triage.invalid_model');
    throwsCode(() => wc.TriageModel.fromBytes(new TextEncoder().encode('not a model')), 'triage.invalid_model');
    throwsCode(() => wc.TriageModel.fromBytes([1, 2, 3]), 'general.invalid_argument');
    throwsCode(() => wc.TriageModel.train([['a', 'x'], ['b', 'y']]), 'triage.invalid_model');
    throwsCode(() => wc.TriageModel.train('text,label\n"unclosed,refund\n'), 'triage.invalid_csv');
    const config = wc.defaultTrainConfig();
    equal(typeof config.multiclass, 'string');
    const small = wc.TriageModel.train(examples, { ...config, features: { ...config.features, bits: 12 } });
    equal(small.triage('crashing again').category, 'technical');
    throwsCode(() => wc.TriageModel.train(examples, { ...config, c: -1 }), 'general.invalid_argument');
    throwsCode(() => wc.TriageModel.train(examples, { ...config, extra: 1 }), 'general.invalid_argument');
    const builtin = wc.TriageModel.builtin();
    equal(builtin.isBuiltin, true);
    equal(builtin.labels.length, 9);
  });

  // ------------------------------------------------- bad input never traps
  test('bad input throws and leaves the instance working', () => {
    const cal = wc.Calendar.builtin('ID');
    throwsCode(() => cal.isBusinessDay(20240410), 'general.invalid_argument');
    throwsCode(() => cal.isBusinessDay(undefined), 'general.invalid_argument');
    throwsCode(() => cal.isBusinessDay({ toString: () => '2024-04-10' }), 'general.invalid_argument');
    throwsCode(() => cal.addBusinessDays('2024-04-10', NaN), 'general.invalid_argument');
    throwsCode(() => cal.addBusinessDays('2024-04-10', Infinity), 'general.invalid_argument');
    throwsCode(() => cal.addBusinessDays('2024-04-10', '3'), 'general.invalid_argument');
    throwsCode(() => cal.addBusinessDays('2024-04-10', 2 ** 60), 'general.invalid_argument');
    throwsCode(() => cal.startDate(new Date('not a date')), 'general.invalid_argument');
    throwsCode(() => cal.startDate('2024-13-01T00:00:00Z'), 'general.invalid_argument');
    throwsCode(() => cal.startDate(1700000000), 'general.invalid_argument');
    throwsCode(() => wc.addMoney({ minor: NaN, currency: 'IDR' }, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    throwsCode(() => wc.addMoney({ minor: 1n, currency: 'IDR' }, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    throwsCode(() => wc.addMoney({ minor: 2 ** 60, currency: 'IDR' }, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    throwsCode(() => wc.addMoney({ minor: 1.5, currency: 'IDR' }, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    throwsCode(() => wc.addMoney(null, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    throwsCode(() => wc.addMoney(undefined, { minor: 1, currency: 'IDR' }), 'general.invalid_argument');
    const cyclic = { minor: 1, currency: 'IDR' };
    cyclic.self = cyclic;
    throwsCode(() => wc.addMoney(cyclic, cyclic), 'general.invalid_argument');
    const hostile = {
      currency: 'IDR',
      get minor() {
        throw new Error('boom');
      },
    };
    throwsCode(() => wc.addMoney(hostile, hostile), 'general.invalid_argument');
    throwsCode(() => wc.refundDue(cal, NOW, { type: 'wallet_balance' }, { locale: 'fr' }), 'general.unknown_value');
    throwsCode(() => wc.refundDue(cal, NOW, { type: 'wallet_balance' }, { locael: 'id' }), 'general.invalid_argument');
    throwsCode(() => wc.triage(Symbol('x')), 'general.invalid_argument');
    // A list where an object is expected fails at its first element, before the depth limit.
    throwsCode(() => wc.Calendar.fromJson('['.repeat(100000)), 'general.invalid_argument');
    // After all that, the instance still answers.
    equal(cal.isBusinessDay('2024-04-10'), false);
    equal(wc.triage('saldo kepotong').language, 'id');
  });

  test('every export and method, given hostile arguments, returns or throws a WalletcareError: never traps', () => {
    const known = new Set(wc.errorCodes().map((c) => c.code));
    const trap = new Proxy({}, { get() { throw new Error('trap'); }, ownKeys() { throw new Error('trap'); } });
    const hostile = [
      undefined, null, NaN, Infinity, -Infinity, -0, -1, 1.5, 2 ** 53, 2 ** 64, '', '\u0000', '\uD800',
      'x'.repeat(70_000), '2024-02-30', '{"minor":', {}, [], [[]], Object.create(null), Symbol('s'), 10n,
      () => 1, new Date(NaN), new Uint8Array(3), trap, { toJSON() { throw new Error('toJSON'); } },
    ];
    const calls = [];
    const add = (name, fn, self) => {
      const arity = Math.max(fn.length, 1);
      for (const h of hostile) {
        calls.push([`${name}(${String(typeof h === 'symbol' ? 'Symbol' : typeof h)})`, () => fn.apply(self, Array(arity).fill(h))]);
        // The hostile value after a valid-looking first argument reaches the later parameters.
        if (arity > 1) calls.push([`${name}('2024-04-10', …)`, () => fn.apply(self, ['2024-04-10', ...Array(arity - 1).fill(h)])]);
      }
    };
    // The loaders take where the .wasm is, not data, and are asynchronous;
    // the bundler tests (tests/bundlers/run.mjs) exercise them.
    const skip = new Set(['default', 'initSync', '__wbg_init', 'init', 'warmUp', 'loadTriage']);
    for (const [name, value] of Object.entries(wc)) {
      if (typeof value !== 'function' || skip.has(name) || /^[A-Z]/.test(name)) continue;
      add(name, value, undefined);
    }
    const instances = {
      Calendar: () => wc.Calendar.builtin('ID'),
      RefundBook: () => new wc.RefundBook(payment),
      Ticket: () => new wc.Ticket('WC-20261121-000123-7', 'chat', 'refund', '2026-11-21T02:00:00Z'),
      TriageModel: () => wc.TriageModel.builtin(),
    };
    for (const [cls, make] of Object.entries(instances)) {
      const Class = wc[cls];
      for (const name of Object.getOwnPropertyNames(Class)) {
        if (typeof Class[name] === 'function' && !['length', 'name', 'prototype', '__wrap'].includes(name)) {
          add(`${cls}.${name}`, Class[name], Class);
        }
      }
      const instance = make();
      for (const name of Object.getOwnPropertyNames(Class.prototype)) {
        const d = Object.getOwnPropertyDescriptor(Class.prototype, name);
        if (name === 'constructor' || name === 'free' || name.startsWith('__') || typeof d.value !== 'function') continue;
        add(`${cls}#${name}`, d.value, instance);
      }
      add(`new ${cls}`, function (...args) { return new Class(...args); }, undefined);
    }
    // Misused handles: a plain object for a class, a freed instance.
    const fake = throwsCode(() => wc.refundDue({}, NOW, { type: 'wallet_balance' }), 'general.invalid_argument');
    equal(fake.status, 102);
    includes(fake.message, 'Calendar');
    const freed = wc.Calendar.builtin('SG');
    freed.free();
    throwsCode(() => freed.isBusinessDay('2024-04-10'), 'general.invalid_argument');
    ok(calls.length > 500, `only ${calls.length} calls`);
    for (const [name, call] of calls) {
      try {
        call();
      } catch (e) {
        if (!(e instanceof Error) || e.name !== 'WalletcareError' || !known.has(e.code)) {
          throw new Error(`${name} threw ${e && e.constructor && e.constructor.name} ${e && e.name}: ${e && e.message}`);
        }
      }
    }
    // The module still answers correctly afterwards.
    equal(wc.Calendar.builtin('ID').addBusinessDays('2024-04-05', 3), '2024-04-18');
    equal(wc.triage('我的账户被盗了，有人用我的钱包付款').category, 'account_security');
  });

  test('huge inputs are refused before they are copied', () => {
    const huge = 'x'.repeat(16 * 1024 * 1024 + 1);
    throwsCode(() => wc.triage(huge), 'general.input_too_large');
    throwsCode(() => wc.Calendar.fromJson(huge), 'general.input_too_large');
    const long = 'refund '.repeat(2000);
    equal(wc.triage(long).truncated, true);
    equal(wc.isValidTicketNumber(huge.slice(0, 100000)), false);
  });

  test('results are the core JSON form: JSON text round-trips byte for byte', () => {
    const cal = wc.Calendar.builtin('ID');
    const r = wc.refundDue(cal, '2026-12-17T03:00:00Z', { type: 'card', bank: 'BCA', last4: '1234' });
    const text = JSON.stringify(r.due);
    ok(text.startsWith('{"approved_at":"2026-12-17T03:00:00Z","time_zone":"Asia/Jakarta","cutoff":"17:00","destination":{"type":"card","bank":"BCA","last4":"1234"},"business_days":7,"start":"same_day","start_date":"2026-12-17","due_date":"2026-12-30"'), text);
    deepEqual(wc.refundSlaStatus(JSON.parse(text), '2026-12-18T00:00:00Z').status.state, 'on_track');
  });

  return [...list, ...vectorCases(wc, env.vectors ?? null), ...scriptCases(wc, env.scripts ?? null)];
}
