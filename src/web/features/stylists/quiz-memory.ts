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

/**
 * Answers taken from storage on this page, until they have been shown: the quiz may mount again before it shows them
 * (its session settling just after sign-in), and the second mount must find them too.
 */
let taken: QuizAnswers | null = null;

/** The kept answers, once: reading them forgets them in storage (a remount on this page still finds them). */
export function takeQuizAnswers(): QuizAnswers | null {
  try {
    const raw = localStorage.getItem(KEY);
    if (!raw) return taken;
    localStorage.removeItem(KEY);
    const kept = JSON.parse(raw) as { at?: unknown; answers?: QuizAnswers };
    if (typeof kept.at !== 'number' || Date.now() - kept.at > KEEP_MS || !kept.answers || !Array.isArray(kept.answers.styles)) return taken;
    taken = kept.answers;
    return taken;
  } catch {
    return taken;
  }
}

/** The taken answers have been shown: a later visit to the quiz starts afresh. */
export function shownQuizAnswers(): void {
  taken = null;
}

/** Whether answers are waiting (where a client lands after signing up). */
export function hasQuizAnswers(): boolean {
  try {
    return localStorage.getItem(KEY) !== null;
  } catch {
    return false;
  }
}
