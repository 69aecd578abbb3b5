// End-to-end test of examples/web-widget in headless Chromium (Debian's,
// through playwright-core): types a Chinese, an Indonesian and an English
// message and checks the category and steps shown; fills the refund form and
// checks the due date and the holidays named; repeats on a phone-sized
// screen; saves screenshots; fails on any console error.
// Usage: node widget.e2e.mjs <widget base URL> <playwright-core dir> <screenshot dir>
import { createRequire } from 'node:module';
import path from 'node:path';

const [base, playwrightDir, shots] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const { chromium } = require(playwrightDir);

let passed = 0;
const failures = [];
async function check(name, fn) {
  try {
    await fn();
    passed += 1;
  } catch (e) {
    failures.push(`${name}: ${e.message}`);
    console.log(`not ok - ${name}\n    ${e.message}`);
  }
}
function expect(cond, message) {
  if (!cond) throw new Error(message);
}

const messages = [
  { lang: 'Chinese', text: '我的账户被盗了，有人用我的钱包付款', category: 'account_security', language: 'zh', step: '冻结' },
  { lang: 'Indonesian', text: 'saldo kepotong Rp 50.000 tapi pembayaran gagal, tolong cepat', category: 'payment_failure', language: 'id', priority: 'urgent' },
  { lang: 'English', text: 'I want a refund for order INV/20261121/XYZ/123, paid $12 yesterday', category: 'refund', language: 'en' },
];

async function triageShows(page, m) {
  await page.fill('#message', m.text);
  await page.waitForFunction(
    (category) => document.querySelector('#triage-result')?.dataset.category === category,
    m.category,
    { timeout: 60_000 },
  );
  const shown = await page.evaluate(() => ({
    category: document.querySelector('#category').textContent,
    language: document.querySelector('#triage-result').dataset.language,
    priority: document.querySelector('#triage-result').dataset.priority,
    answerLang: document.querySelector('#answer').lang,
    steps: [...document.querySelectorAll('#steps li')].map((li) => li.textContent),
    confidence: document.querySelector('#confidence').textContent,
  }));
  expect(shown.language === m.language, `language ${shown.language}, expected ${m.language}`);
  expect(shown.steps.length >= 3, `only ${shown.steps.length} steps shown`);
  expect(shown.category.length > 0, 'no category label');
  expect(/%$/.test(shown.confidence), `confidence ${shown.confidence}`);
  if (m.step) expect(shown.steps.some((s) => s.includes(m.step)), `no step mentions ${m.step}: ${shown.steps.join(' | ')}`);
  if (m.priority) expect(shown.priority === m.priority, `priority ${shown.priority}`);
  const expectedLocale = { zh: 'zh-CN', id: 'id-ID', en: 'en' }[m.language];
  expect(shown.answerLang === expectedLocale, `steps in ${shown.answerLang}, expected ${expectedLocale}`);
  return shown;
}

async function refundShows(page, { date, time, bank, calendar, dueDate, holiday }) {
  await page.selectOption('#calendar', calendar);
  await page.fill('#approved-date', date);
  await page.fill('#approved-time', time);
  await page.selectOption('#bank', bank);
  await page.fill('#last4', '1234');
  await page.click('button[type="submit"]');
  await page.waitForFunction((d) => document.querySelector('#due-date')?.dataset.date === d, dueDate, { timeout: 10_000 });
  const holidays = await page.$$eval('#skipped-holidays li', (lis) => lis.map((li) => li.textContent));
  expect(holidays.some((h) => h.includes(holiday)), `no skipped holiday named ${holiday}: ${holidays.join(' | ')}`);
  return holidays;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const consoleErrors = [];
try {
  for (const viewport of [{ name: 'desktop', width: 1280, height: 900 }, { name: 'phone', width: 390, height: 844 }]) {
    const context = await browser.newContext({
      viewport: { width: viewport.width, height: viewport.height },
      locale: 'en-US',
      deviceScaleFactor: viewport.name === 'phone' ? 2 : 1,
      isMobile: viewport.name === 'phone',
      hasTouch: viewport.name === 'phone',
    });
    const page = await context.newPage();
    page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(`${viewport.name}: ${m.text()}`); });
    page.on('pageerror', (e) => consoleErrors.push(`${viewport.name}: ${e}`));
    page.on('requestfailed', (r) => consoleErrors.push(`${viewport.name}: request failed ${r.url()}`));
    await page.goto(base);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });

    await check(`${viewport.name}: labels name every form control`, async () => {
      const unlabelled = await page.evaluate(() =>
        [...document.querySelectorAll('input, select, textarea')]
          .filter((el) => !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
          .map((el) => el.id));
      expect(unlabelled.length === 0, `unlabelled: ${unlabelled.join(', ')}`);
    });
    if (viewport.name === 'phone') {
      await check('phone: nothing overflows the screen width', async () => {
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        expect(width <= 390, `page is ${width}px wide`);
      });
    }
    for (const m of messages) {
      await check(`${viewport.name}: ${m.lang} message → ${m.category}`, async () => {
        await triageShows(page, m);
      });
      if (viewport.name === 'desktop' && m.lang === 'Chinese') {
        await page.screenshot({ path: path.join(shots, 'widget-desktop-chinese.png'), fullPage: true });
      }
    }
    await check(`${viewport.name}: refund over the Christmas holidays (ID, BCA)`, async () => {
      await refundShows(page, { date: '2026-12-17', time: '10:00', bank: 'BCA', calendar: 'ID', dueDate: '2026-12-30', holiday: 'Christmas' });
    });
    await check(`${viewport.name}: refund in the UI's Indonesian, other bank, after the cut-off`, async () => {
      await page.selectOption('#ui-language', 'id-ID');
      const holidays = await refundShows(page, { date: '2026-08-10', time: '09:00', bank: 'OTHER', calendar: 'ID', dueDate: '2026-09-01', holiday: 'Kemerdekaan' });
      expect(holidays.length >= 1, 'no holidays listed');
      const due = await page.textContent('#due-date');
      expect(due.includes('September 2026'), `due date shown as ${due}`);
    });
    await check(`${viewport.name}: refund on the Chinese calendar in Chinese`, async () => {
      await page.selectOption('#ui-language', 'zh-CN');
      await refundShows(page, { date: '2026-09-30', time: '10:00', bank: 'BRI', calendar: 'CN', dueDate: '2026-10-15', holiday: '国庆' });
    });
    await page.selectOption('#ui-language', 'en');
    await page.fill('#message', messages[1].text);
    await page.waitForFunction(() => document.querySelector('#triage-result')?.dataset.category === 'payment_failure');
    await refundShows(page, { date: '2026-12-17', time: '10:00', bank: 'BCA', calendar: 'ID', dueDate: '2026-12-30', holiday: 'Christmas' }).catch(() => {});
    await page.screenshot({ path: path.join(shots, `widget-${viewport.name}.png`), fullPage: true });
    await context.close();
  }
  await check('no console errors', async () => {
    expect(consoleErrors.length === 0, consoleErrors.join('\n    '));
  });
} finally {
  await browser.close();
}
console.log(`widget: ${passed}/${passed + failures.length} checks passed; screenshots in ${shots}`);
process.exit(failures.length ? 1 : 0);
