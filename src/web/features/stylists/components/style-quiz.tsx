import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../../components/ui/button.tsx';
import { Field } from '../../../components/ui/field.tsx';
import { Input } from '../../../components/ui/input.tsx';
import { Select } from '../../../components/ui/select.tsx';
import { cn } from '../../../lib/cn.ts';
import { addDays, type DayKey } from '../time.ts';
import {
  LANGUAGE_NAMES,
  SERVICE_KIND_DESCRIPTIONS,
  SERVICE_KIND_LABELS,
  STYLE_TAGS,
  styleTagLabel,
  type ServiceKind,
} from '../vocabulary.ts';
import { ChoiceGroup } from './choice-group.tsx';

export type QuizAnswers = {
  services: ServiceKind[];
  /** Style tags (slugs the API knows). */
  styles: string[];
  budget: { amount: number; currency: string } | null;
  where: 'VIRTUAL' | 'IN_PERSON' | 'EITHER';
  city: string;
  languages: string[];
  window: { from: DayKey; to: DayKey };
};

const CURRENCIES = ['EUR', 'USD', 'GBP', 'CHF', 'AED', 'JPY'] as const;
const BUDGETS = ['250', '500', '1000', '2500', ''] as const;
const BUDGET_LABELS: Record<(typeof BUDGETS)[number], string> = {
  '250': 'Up to 250',
  '500': 'Up to 500',
  '1000': 'Up to 1,000',
  '2500': 'Up to 2,500',
  '': 'No limit',
};

const STEPS = ['The occasion', 'Your style', 'Budget', 'Where & language', 'When'] as const;

/**
 * Five short questions, one a screen. Every step is a form of its own, so Enter moves on and the browser's
 * own validation speaks; Back keeps what was chosen. The last step hands the answers up.
 */
export function StyleQuiz({
  initialStyles,
  today,
  onComplete,
  submitting,
  error,
}: {
  initialStyles: string[];
  today: DayKey;
  onComplete: (answers: QuizAnswers) => void;
  submitting: boolean;
  error?: ReactNode;
}) {
  const [step, setStep] = useState(0);
  const [services, setServices] = useState<ServiceKind[]>([]);
  const [styles, setStyles] = useState<string[]>(initialStyles);
  const [budget, setBudget] = useState<(typeof BUDGETS)[number]>('1000');
  const [currency, setCurrency] = useState<string>('EUR');
  const [where, setWhere] = useState<QuizAnswers['where']>('EITHER');
  const [city, setCity] = useState('');
  const [languages, setLanguages] = useState<string[]>(['en']);
  const [from, setFrom] = useState<DayKey>(addDays(today, 2));
  const [to, setTo] = useState<DayKey>(addDays(today, 16));
  const last = step === STEPS.length - 1;
  const questionRef = useRef<HTMLParagraphElement>(null);
  const moved = useRef(false);
  // A new question is announced and read from its start, not from the button that led to it.
  useEffect(() => {
    if (moved.current) questionRef.current?.focus();
    moved.current = true;
  }, [step]);

  function next(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!last) {
      setStep(step + 1);
      return;
    }
    onComplete({
      services,
      styles,
      budget: budget ? { amount: Number(budget), currency } : null,
      where,
      city: city.trim(),
      languages,
      window: { from, to: to < from ? from : to },
    });
  }

  return (
    <div>
      <ol aria-label="Questions" className="flex gap-2">
        {STEPS.map((label, i) => (
          <li key={label} className="flex-1">
            <span aria-hidden="true" className={cn('block h-px', i <= step ? 'bg-ink' : 'bg-line')} />
            <span
              className={cn('eyebrow mt-3 hidden sm:block', i === step ? 'text-ink' : 'text-stone')}
              aria-current={i === step ? 'step' : undefined}
            >
              {label}
            </span>
          </li>
        ))}
      </ol>
      <p ref={questionRef} tabIndex={-1} className="eyebrow mt-10 text-gold-deep focus:outline-none" aria-live="polite">
        Question {step + 1} of {STEPS.length}
      </p>
      <form onSubmit={next} className="mt-6" aria-label={STEPS[step]}>
        {step === 0 && (
          <ChoiceGroup
            legend="What shall we dress you for?"
            hint="Choose as many as you like; it helps us find someone who has done it before."
            name="services"
            multiple
            choices={(Object.keys(SERVICE_KIND_LABELS) as ServiceKind[]).map((k) => ({
              value: k,
              label: SERVICE_KIND_LABELS[k],
              description: SERVICE_KIND_DESCRIPTIONS[k],
            }))}
            value={services}
            onChange={setServices}
          />
        )}
        {step === 1 && (
          <ChoiceGroup
            legend="How would you describe your style?"
            hint="Choose the words that sound like you. We keep them with your preferences, for every stylist you meet."
            name="styles"
            multiple
            columns={4}
            choices={STYLE_TAGS.map((slug) => ({ value: slug, label: styleTagLabel(slug) }))}
            value={styles}
            onChange={setStyles}
          />
        )}
        {step === 2 && (
          <div className="space-y-10">
            <ChoiceGroup
              legend="What would you spend on a session?"
              hint="The stylist’s hourly rate; we convert between currencies."
              name="budget"
              columns={3}
              choices={BUDGETS.map((b) => ({ value: b || 'none', label: BUDGET_LABELS[b] }))}
              value={[budget || 'none']}
              onChange={([v]) => setBudget((v === 'none' ? '' : v) as (typeof BUDGETS)[number])}
            />
            <Field label="Currency" className="max-w-xs">
              {(p) => (
                <Select {...p} value={currency} onChange={(e) => setCurrency(e.target.value)}>
                  {CURRENCIES.map((c) => (
                    <option key={c} value={c}>
                      {c}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
          </div>
        )}
        {step === 3 && (
          <div className="space-y-10">
            <ChoiceGroup
              legend="Where would you like to meet?"
              name="where"
              columns={3}
              choices={[
                { value: 'EITHER', label: 'Either suits me' },
                { value: 'VIRTUAL', label: 'By video' },
                { value: 'IN_PERSON', label: 'In person' },
              ]}
              value={[where]}
              onChange={([v]) => setWhere(v as QuizAnswers['where'])}
            />
            <Field label="Your city" hint="For a stylist who lives there or will travel to you.">
              {(p) => (
                <Input
                  {...p}
                  value={city}
                  onChange={(e) => setCity(e.target.value)}
                  autoComplete="address-level2"
                  maxLength={80}
                  placeholder="e.g. Paris"
                />
              )}
            </Field>
            <ChoiceGroup
              legend="Languages you are happy to speak"
              size="sm"
              name="languages"
              multiple
              columns={4}
              choices={Object.entries(LANGUAGE_NAMES).map(([code, name]) => ({ value: code, label: name }))}
              value={languages}
              onChange={setLanguages}
            />
          </div>
        )}
        {step === 4 && (
          <fieldset>
            <legend className="display text-3xl text-ink sm:text-4xl">When would a first session suit you?</legend>
            <p className="mt-3 text-stone">We look for stylists with open time between these days.</p>
            <div className="mt-8 grid max-w-xl gap-8 sm:grid-cols-2">
              <Field label="From">
                {(p) => <Input {...p} type="date" required min={today} value={from} onChange={(e) => setFrom(e.target.value)} />}
              </Field>
              <Field label="Until">
                {(p) => (
                  <Input
                    {...p}
                    type="date"
                    required
                    min={from}
                    max={addDays(today, 62)}
                    value={to}
                    onChange={(e) => setTo(e.target.value)}
                  />
                )}
              </Field>
            </div>
          </fieldset>
        )}
        {error && <div className="mt-10">{error}</div>}
        <div className="mt-14 flex flex-wrap items-center gap-6 border-t border-line pt-10">
          <Button type="submit" size="lg" loading={submitting}>
            {last ? 'Show my matches' : 'Continue'}
          </Button>
          {step > 0 && (
            <button
              type="button"
              onClick={() => setStep(step - 1)}
              className="eyebrow border-b border-ink/30 pb-1 text-ink hover:border-ink"
            >
              Back
            </button>
          )}
        </div>
      </form>
    </div>
  );
}
