import type { QuizAnswers } from './components/style-quiz.tsx';

const KEY = 'sbz-style-quiz';
/** Answers older than this are not offered back: the dates in them would have passed. */
const KEEP_MS = 7 * 86_400_000;

/**
 * A visitor's quiz answers, kept in this browser until they have an account (the email confirmation may open
 * in another tab, so not sessionStorage). Nothing leaves the browser until the client is signed in.
 */
export function keepQuizAnswers(answers: QuizAnswers): void {
  try {
    localStorage.setItem(KEY, JSON.stringify({ at: Date.now(), answers }));
  } catch {
    // Storage refused (private mode, quota): the visitor still sees the introductions now.
  }
}

/** The kept answers, once: reading them forgets them. */
export function takeQuizAnswers(): QuizAnswers | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return null;
    localStorage.removeItem(KEY);
    const kept = JSON.parse(raw) as { at?: unknown; answers?: QuizAnswers };
    if (typeof kept.at !== 'number' || Date.now() - kept.at > KEEP_MS || !kept.answers || !Array.isArray(kept.answers.styles)) return null;
    return kept.answers;
  } catch {
    return null;
  }
}

/** Whether answers are waiting (where a client lands after signing up). */
export function hasQuizAnswers(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}
