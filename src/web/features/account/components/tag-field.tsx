import { useId, useState, type KeyboardEvent } from 'react';
import { fieldControlClasses } from '../../../components/ui/input.tsx';
import { Label } from '../../../components/ui/label.tsx';
import { cn } from '../../../lib/cn.ts';

type TagFieldProps = {
  label: string;
  hint?: string;
  /** Quick picks offered below the field; any other word can be typed. */
  suggestions?: readonly string[];
  value: string[];
  onChange: (next: string[]) => void;
  error?: string | undefined;
  placeholder?: string;
  max?: number;
};

/**
 * A short list of words (styles, colours, houses): chosen ones as chips with a remove button, a field that
 * adds on Enter or comma, and quick picks. Every part is a real button or input, so it works by keyboard.
 */
export function TagField({ label, hint, suggestions = [], value, onChange, error, placeholder, max = 30 }: TagFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState('');
  const chosen = new Set(value.map((v) => v.toLowerCase()));
  const full = value.length >= max;

  function add(raw: string) {
    const tag = raw.trim().replace(/\s+/g, ' ').slice(0, 60);
    if (!tag || chosen.has(tag.toLowerCase()) || full) return;
    onChange([...value, tag]);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Enter' || event.key === ',') {
      // Enter would submit the whole form; here it means "add this word".
      event.preventDefault();
      add(draft);
      setDraft('');
    } else if (event.key === 'Backspace' && draft === '' && value.length > 0) {
      onChange(value.slice(0, -1));
    }
  }

  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const open = suggestions.filter((s) => !chosen.has(s.toLowerCase()));

  return (
    <div className="space-y-3">
      <Label htmlFor={id}>{label}</Label>
      {value.length > 0 && (
        <ul aria-label={`${label}: chosen`} className="flex flex-wrap gap-2">
          {value.map((tag) => (
            <li key={tag} className="inline-flex items-center gap-2 border border-ink/70 bg-ivory py-1.5 pr-1.5 pl-3 text-sm text-ink">
              {tag}
              <button
                type="button"
                onClick={() => onChange(value.filter((v) => v !== tag))}
                aria-label={`Remove ${tag}`}
                className="grid size-6 place-items-center text-base leading-none text-ink-soft hover:bg-sand hover:text-ink"
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="flex items-end gap-4">
        <input
          id={id}
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={onKeyDown}
          disabled={full}
          maxLength={60}
          placeholder={full ? `At most ${max}` : placeholder}
          aria-describedby={describedBy}
          aria-invalid={error ? true : undefined}
          className={cn(fieldControlClasses, 'flex-1')}
        />
        <button
          type="button"
          onClick={() => {
            add(draft);
            setDraft('');
          }}
          disabled={!draft.trim() || full}
          className="eyebrow mb-2 border-b border-ink/30 pb-0.5 text-ink hover:border-ink disabled:opacity-40"
        >
          Add
        </button>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-stone">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-danger">
          {error}
        </p>
      )}
      {open.length > 0 && !full && (
        <div className="flex flex-wrap items-center gap-x-4 gap-y-2 pt-1">
          <span className="text-xs text-stone">Suggestions</span>
          {open.map((s) => (
            <button
              key={s}
              type="button"
              onClick={() => add(s)}
              aria-label={`Add ${s}`}
              className="text-sm text-ink-soft underline decoration-line underline-offset-4 hover:text-ink hover:decoration-ink"
            >
              + {s}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
