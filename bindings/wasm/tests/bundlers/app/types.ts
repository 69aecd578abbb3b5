// Type-checked against the installed package under each moduleResolution
// (run.mjs writes the tsconfig): the light entry, the triage entry and the
// combined one, as values and as types.
import { parseMoney, loadTriage, init, type Money } from 'walletcare/core';
import { triage, type Triage } from 'walletcare/triage';
import * as wc from 'walletcare';

export async function check(): Promise<string> {
  await init();
  const amount: Money = parseMoney('Rp150.000', 'id-ID', 'IDR');
  const t: Triage = triage('saldo kepotong');
  const lazy = await loadTriage();
  const again: Triage = lazy.triage('refund please');
  const both: Money = wc.parseMoney('Rp1', 'id-ID', 'IDR');
  const viaFull: Triage = wc.triage('x');
  return `${amount.minor} ${t.category} ${again.category} ${both.minor} ${viaFull.category}`;
}
