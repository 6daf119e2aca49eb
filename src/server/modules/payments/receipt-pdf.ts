/**
 * A receipt as a one-page PDF (pdfkit). Pure: the same receipt gives the same bytes (the document's creation date is
 * the moment the money moved, not the moment it was drawn). DejaVu Sans is embedded (pdfkit subsets it) because the
 * standard PDF fonts have no ₹, ₩ or most other currency signs: a receipt must print every currency we accept.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { formatMoney, type Money } from '../../../shared/money.ts';

export interface ReceiptLine {
  description: string;
  quantity: number;
  amount: Money;
}

/** Everything a receipt prints, already in the client's words (names, dates, method). */
export interface ReceiptDocument {
  kind: 'payment' | 'refund';
  /** The payment's or the refund's id, printed small so the house office can find it. */
  reference: string;
  orderNumber: string;
  /** When the money moved: printed in words, and the PDF's creation date. */
  issuedAt: Date;
  issuedWords: string;
  clientName: string;
  /** "Payment in full", "Deposit", "Balance". */
  purpose: string;
  lines: ReceiptLine[];
  /** Subtotal, delivery, duties and VAT, the order's total. */
  totals: Array<{ label: string; amount: Money }>;
  /** What this payment took. */
  paid: Money;
  /** "Visa •••• 4242", "Bank transfer, reference ZG-7K4QX2". */
  method: string;
  refund?: { amount: Money; reason?: string; refundedToDate: Money; remaining: Money };
}

const HOUSE = 'STYLEBYZAGA';
const INK = '#14130f';
const INK_SOFT = '#3a3833';
const STONE = '#6b665c';
const LINE = '#e3dbcb';
const GOLD = '#b8975a';
const IVORY = '#faf7f0';

const require = createRequire(import.meta.url);
let fonts: { regular: Buffer; bold: Buffer } | undefined;
/** The fonts' bytes, read once (the package's own files; nothing is copied into the repository). */
function fontBytes(): { regular: Buffer; bold: Buffer } {
  fonts ??= {
    regular: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
    bold: readFileSync(require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
  };
  return fonts;
}

/** The path of the regular face, for checks that open it with a font reader. */
export function receiptFontPath(): string {
  return require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
}

/** Renders the receipt as PDF bytes. */
export async function renderReceiptPdf(r: ReceiptDocument): Promise<Buffer> {
  const title = r.kind === 'refund' ? 'Refund receipt' : 'Receipt';
  const doc = new PDFDocument({
    size: 'A4',
    margin: 0,
    autoFirstPage: true,
    info: {
      Title: `${title} · ${r.orderNumber}`,
      Author: 'StyleByZaga',
      Subject: `${title} for order ${r.orderNumber}`,
      Creator: 'StyleByZaga',
      Producer: 'StyleByZaga',
      CreationDate: r.issuedAt,
      ModDate: r.issuedAt,
    },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { regular, bold } = fontBytes();
  doc.registerFont('Sans', regular);
  doc.registerFont('Sans-Bold', bold);

  const W = doc.page.width;
  const H = doc.page.height;
  const left = 72;
  const right = W - 72;
  const width = right - left;

  doc.rect(0, 0, W, H).fill(IVORY);
  doc
    .rect(28, 28, W - 56, H - 56)
    .lineWidth(0.5)
    .strokeColor(LINE)
    .stroke();

  // The house, centred, set wide.
  doc.font('Sans-Bold').fontSize(15).fillColor(INK);
  // Letter spacing follows the last letter too: half of it back keeps the word on the page's axis.
  doc.text(HOUSE, left + 3, 78, { width, align: 'center', characterSpacing: 6 });
  doc.font('Sans').fontSize(7.5).fillColor(STONE);
  doc.text('PRIVATE CLIENT SERVICES', left + 1.25, 100, { width, align: 'center', characterSpacing: 2.5 });
  doc
    .moveTo(W / 2 - 24, 120)
    .lineTo(W / 2 + 24, 120)
    .lineWidth(0.75)
    .strokeColor(GOLD)
    .stroke();

  // Title, order and date.
  let y = 150;
  doc.font('Sans').fontSize(22).fillColor(INK).text(title, left, y, { width });
  y += 36;
  const meta: Array<[string, string]> = [
    ['Order', r.orderNumber],
    ['Date', r.issuedWords],
    ['For', r.clientName],
    [r.kind === 'refund' ? 'Refunded to' : 'Paid by', r.method],
  ];
  for (const [label, value] of meta) {
    doc
      .font('Sans')
      .fontSize(7.5)
      .fillColor(STONE)
      .text(label.toUpperCase(), left, y + 1.5, { width: 90, characterSpacing: 1.5 });
    doc
      .font('Sans')
      .fontSize(10)
      .fillColor(INK_SOFT)
      .text(value, left + 96, y, { width: width - 96 });
    y = Math.max(doc.y, y + 14) + 6;
  }

  // The pieces.
  y += 14;
  const qtyX = right - 170;
  const amountW = 120;
  doc.font('Sans').fontSize(7.5).fillColor(STONE);
  doc.text('PIECE', left, y, { characterSpacing: 1.5 });
  doc.text('QTY', qtyX, y, { width: 28.5, align: 'right', characterSpacing: 1.5 });
  doc.text('AMOUNT', right - amountW, y, { width: amountW - 1.5, align: 'right', characterSpacing: 1.5 });
  y += 14;
  rule(doc, left, right, y, LINE);
  y += 10;
  for (const line of r.lines) {
    doc.font('Sans').fontSize(10).fillColor(INK);
    doc.text(line.description, left, y, { width: qtyX - left - 16 });
    const next = doc.y;
    doc.fillColor(INK_SOFT).text(String(line.quantity), qtyX, y, { width: 30, align: 'right' });
    doc.text(formatMoney(line.amount), right - amountW, y, { width: amountW, align: 'right' });
    y = Math.max(next, y + 14) + 8;
    if (y > 560) break; // one calm page: an order this long is summarised by its totals below
  }
  rule(doc, left, right, y, LINE);
  y += 10;
  for (const t of r.totals) {
    const last = t === r.totals.at(-1);
    doc
      .font(last ? 'Sans-Bold' : 'Sans')
      .fontSize(last ? 10.5 : 9.5)
      .fillColor(last ? INK : INK_SOFT);
    doc.text(t.label, qtyX - 140, y, { width: 170 });
    doc.text(formatMoney(t.amount), right - amountW, y, { width: amountW, align: 'right' });
    y += last ? 18 : 15;
  }

  // What moved, in a panel of its own.
  y += 18;
  const rows: Array<[string, string, boolean]> = r.refund
    ? [
        ['Refunded', formatMoney(r.refund.amount), true],
        [`Paid (${r.purpose.toLowerCase()})`, formatMoney(r.paid), false],
        ['Refunded to date', formatMoney(r.refund.refundedToDate), false],
        ['Remains paid', formatMoney(r.refund.remaining), false],
      ]
    : [[r.purpose, formatMoney(r.paid), true]];
  const panelH = 28 + rows.length * 20 + (r.refund?.reason ? 14 : 0);
  doc.rect(left, y, width, panelH).fill('#f2ece0');
  let py = y + 16;
  for (const [label, value, strong] of rows) {
    doc
      .font(strong ? 'Sans-Bold' : 'Sans')
      .fontSize(strong ? 12 : 9.5)
      .fillColor(strong ? INK : INK_SOFT);
    doc.text(label, left + 20, py, { width: width / 2 });
    doc.text(value, right - 220, py, { width: 200, align: 'right' });
    py += strong ? 24 : 18;
  }
  if (r.refund?.reason) {
    doc
      .font('Sans')
      .fontSize(8.5)
      .fillColor(STONE)
      .text(`Reason: ${r.refund.reason}`, left + 20, py + 2, { width: width - 40, height: 14, ellipsis: true });
  }

  // A word of thanks, and the references the house office asks for.
  const foot = H - 118;
  rule(doc, left, right, foot, LINE);
  doc.font('Sans').fontSize(9.5).fillColor(INK_SOFT);
  doc.text(
    r.kind === 'refund'
      ? 'The refund returns to the method you paid with, within 5–10 days depending on your bank.'
      : 'Thank you for your trust. Your concierge remains at your disposal for anything you need.',
    left,
    foot + 14,
    { width, align: 'center' },
  );
  doc.font('Sans').fontSize(7).fillColor(STONE);
  doc.text(`${r.kind === 'refund' ? 'Refund' : 'Payment'} reference ${r.reference}`, left, foot + 46, {
    width,
    align: 'center',
    characterSpacing: 0.5,
  });

  doc.end();
  return done;
}

function rule(doc: PDFKit.PDFDocument, from: number, to: number, y: number, color: string): void {
  doc.moveTo(from, y).lineTo(to, y).lineWidth(0.5).strokeColor(color).stroke();
}
