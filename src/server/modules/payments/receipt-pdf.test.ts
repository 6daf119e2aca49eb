/** The receipt's PDF: every currency sign has a glyph in the embedded font, and the same receipt gives the same bytes. */
import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { formatMoney, fromDecimal, type Money } from '../../../shared/money.ts';
import { receiptFontPath, renderReceiptPdf, type ReceiptDocument } from './receipt-pdf.ts';
import { missingGlyphs, pdfText } from './test/pdf-text.ts';

const BOLD = createRequire(import.meta.url).resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

function receipt(total: Money, extra: Partial<ReceiptDocument> = {}): ReceiptDocument {
  return {
    kind: 'payment',
    reference: '0193a000-0000-7000-8000-000000000001',
    orderNumber: 'ZG-2026-000123',
    issuedAt: new Date('2026-12-05T13:03:00Z'),
    issuedWords: 'Saturday 5 December 2026 at 14:03, Paris time',
    clientName: 'Layla Rahman',
    purpose: 'Payment in full',
    lines: [{ description: 'Quilted Flap Bag', quantity: 1, amount: total }],
    totals: [
      { label: 'Pieces', amount: total },
      { label: 'Order total', amount: total },
    ],
    paid: total,
    method: 'Visa •••• 4242',
    ...extra,
  };
}

// Each with its own minor digits: JPY none, KWD three.
const AMOUNTS: Array<[string, string, string]> = [
  ['USD', '12500.5', '$'],
  ['EUR', '3200', '€'],
  ['GBP', '980.25', '£'],
  ['JPY', '1250000', '¥'],
  ['INR', '265000.75', '₹'],
  ['KWD', '1250.125', 'KWD'],
  ['CHF', '4100', 'CHF'],
  ['AED', '18000', 'AED'],
  ['KRW', '3500000', '₩'],
];

describe('receipt PDF', () => {
  it.each(AMOUNTS)('prints %s amounts with their sign, in the embedded DejaVu Sans', async (currency, amount, sign) => {
    const total = fromDecimal(amount, currency);
    const words = formatMoney(total);
    expect(words).toContain(sign);
    // pdfkit draws a character the font lacks as an empty box: the font must have every one, in both weights.
    expect(missingGlyphs(receiptFontPath(), words)).toEqual([]);
    expect(missingGlyphs(BOLD, words)).toEqual([]);

    const pdf = await renderReceiptPdf(receipt(total));
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = pdf.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans-Bold\b/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    const text = pdfText(pdf);
    expect(text).toContain(words);
    expect(text).toContain('STYLEBYZAGA');
    expect(text).toContain('ZG-2026-000123');
    expect(text).toContain('Layla Rahman');
    expect(text).toContain('Saturday 5 December 2026 at 14:03, Paris time');
    expect(text).toContain('Visa •••• 4242');
  });

  it('keeps each currency’s own decimals: none for yen, three for dinars', () => {
    expect(formatMoney(fromDecimal('1250000', 'JPY'))).toBe('JP¥1,250,000');
    expect(formatMoney(fromDecimal('1250.125', 'KWD'))).toBe('KWD\u00a01,250.125');
  });

  it('a refund receipt says what was refunded, what had been refunded by then and what remains paid', async () => {
    const eur = (a: string) => fromDecimal(a, 'EUR');
    const pdf = await renderReceiptPdf(
      receipt(eur('3450'), {
        kind: 'refund',
        refund: { amount: eur('400'), reason: 'A scratch on the clasp', refundedToDate: eur('650'), remaining: eur('2800') },
      }),
    );
    const text = pdfText(pdf);
    expect(text).toContain('Refund receipt');
    expect(text).toMatch(/Refunded\n€400\.00/);
    expect(text).toMatch(/Refunded to date\n€650\.00/);
    expect(text).toMatch(/Remains paid\n€2,800\.00/);
    expect(text).toContain('Reason: A scratch on the clasp');
  });

  it('is the same bytes for the same receipt, dated when the money moved', async () => {
    const r = receipt(fromDecimal('3200', 'EUR'));
    const [a, b] = await Promise.all([renderReceiptPdf(r), renderReceiptPdf(r)]);
    expect(a.equals(b)).toBe(true);
    expect(a.toString('latin1')).toMatch(/\/CreationDate \d+ 0 R/);
    expect(a.toString('latin1')).toContain('(D:20261205130300Z)');
  });
});
