import { Dialog, DialogContent, DialogTrigger } from '../../../components/ui/dialog.tsx';

const WOMEN = [
  ['XS', '34', '6', '2', '82', '64', '90'],
  ['S', '36', '8', '4', '86', '68', '94'],
  ['M', '38', '10', '6', '90', '72', '98'],
  ['L', '40', '12', '8', '94', '76', '102'],
  ['XL', '42', '14', '10', '98', '80', '106'],
] as const;

const MEN = [
  ['S', '46', '36', '92', '78'],
  ['M', '48', '38', '96', '82'],
  ['L', '50', '40', '100', '86'],
  ['XL', '52', '42', '104', '90'],
] as const;

/** The house size guide, in a dialog beside the size picker. */
export function SizeGuide({ department }: { department: 'women' | 'men' | 'shoes' | 'other' }) {
  return (
    <Dialog>
      <DialogTrigger className="eyebrow border-b border-ink/30 pb-0.5 text-ink hover:border-ink">Size guide</DialogTrigger>
      <DialogContent
        title="Size guide"
        description="Body measurements in centimetres. Between two sizes, our stylists suggest the larger; tailoring can be adjusted after delivery."
        className="max-w-2xl"
      >
        <div className="max-h-[60vh] overflow-auto">
          {department === 'men' ? (
            <GuideTable caption="Men" head={['Size', 'EU', 'UK / US', 'Chest', 'Waist']} rows={MEN} />
          ) : department === 'shoes' ? (
            <GuideTable
              caption="Shoes"
              head={['EU', 'UK', 'US women', 'US men', 'Foot length']}
              rows={[
                ['37', '4', '6.5', '—', '23.5'],
                ['38', '5', '7.5', '—', '24.1'],
                ['39', '6', '8.5', '6.5', '24.8'],
                ['40', '6.5', '9', '7', '25.4'],
                ['41', '7.5', '—', '8', '26.0'],
                ['42', '8', '—', '8.5', '26.7'],
                ['43', '9', '—', '9.5', '27.3'],
              ]}
            />
          ) : (
            <GuideTable caption="Women" head={['Size', 'FR / EU', 'UK', 'US', 'Bust', 'Waist', 'Hips']} rows={WOMEN} />
          )}
        </div>
      </DialogContent>
    </Dialog>
  );
}

function GuideTable({ caption, head, rows }: { caption: string; head: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <table className="w-full border-collapse text-left text-sm">
      <caption className="eyebrow mb-4 text-left text-gold-deep">{caption}</caption>
      <thead>
        <tr className="border-b border-ink">
          {head.map((h) => (
            <th key={h} scope="col" className="eyebrow py-3 pr-4 font-medium text-ink-soft">
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row[0]} className="border-b border-line">
            {row.map((cell, i) =>
              i === 0 ? (
                <th key={i} scope="row" className="py-3 pr-4 font-medium text-ink">
                  {cell}
                </th>
              ) : (
                <td key={i} className="py-3 pr-4 text-ink-soft tabular-nums">
                  {cell}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
