/** Where Debian's Chromium lives; CHROMIUM_PATH overrides it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Debian's Chromium, headless, as the browser tests and the Lighthouse bench both run it. The networking flags
 * stop it from calling Google's services at start, which this closed network refuses noisily.
 */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;

/**
 * Chromium 156's own desktop UI that headless Chromium still builds: the omnibox's dropdown, a WebUI page, is loaded
 * in a renderer of its own for every new tab. No one ever sees it here, yet it spent more CPU during a page load than
 * the page itself (1.3–2.4 s against 0.9–1.3 s, in a trace of the Journal article), on the same two cores. Lighthouse
 * multiplies what it sees of the page's main thread by four, so that stolen time reached its blocking-time figure.
 * `--disable-features` takes one list (a second flag replaces the first), so a launcher's own list is merged with it.
 */
export const CHROMIUM_UNSEEN_UI_FEATURES = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup', 'WebUIOmniboxFullPopup'] as const;

/** `flags` with the features above added to its `--disable-features` list (or to a new one). */
export function withoutUnseenUi(flags: readonly string[]): string[] {
  const prefix = '--disable-features=';
  const given = flags.filter((f) => f.startsWith(prefix)).flatMap((f) => f.slice(prefix.length).split(','));
  const disabled = [...new Set([...given, ...CHROMIUM_UNSEEN_UI_FEATURES])].filter(Boolean);
  return [...flags.filter((f) => !f.startsWith(prefix)), prefix + disabled.join(',')];
}

/**
 * The features playwright-core 1.65 turns off itself (`chromiumSwitches.ts`): it passes them in its own
 * `--disable-features`, which ours would replace, so they are named again here to keep them off.
 */
const PLAYWRIGHT_DISABLED_FEATURES = [
  'AvoidUnnecessaryBeforeUnloadCheckSync',
  'DestroyProfileOnBrowserClose',
  'HttpsUpgrades',
  'HttpsFirstBalancedModeAutoEnable',
  'LensOverlay',
  'MediaRouter',
  'PaintHolding',
  'ThirdPartyStoragePartitioning',
  'AvoidCorsURLLoaderRestartOnRedirect',
  'TcpPortRandomizationWin',
  'OptimizationHints',
  'NetworkTimeServiceQuerying',
  'AimEnabled',
  'PreconnectToSearch',
];

/**
 * The browser tests' launch arguments: ours, with Playwright's own disabled features and the unseen UI off. Six page
 * loads cost Chromium 5.2–6.3 s of CPU instead of 8.8–10 s, time the unit tests running beside them in CI get back.
 */
export const PLAYWRIGHT_CHROMIUM_ARGS = withoutUnseenUi([
  `--disable-features=${PLAYWRIGHT_DISABLED_FEATURES.join(',')}`,
  ...CHROMIUM_FLAGS,
]);
