/** What `npm run seed -- …` asked for. */
export interface SeedArgs {
  seed?: number;
  only?: string[];
  reset: boolean;
  options: Record<string, number>;
}

/** Parses `--seed N --only a,b --reset --<count> N` (also `--name=value`); throws one line on anything else. */
export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const args: SeedArgs = { reset: false, options: {} };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const match = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/.exec(arg);
    if (!match) throw new Error(`Unexpected argument "${arg}"`);
    const name = match[1]!;
    if (name === 'reset') {
      args.reset = true;
      continue;
    }
    const value = match[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    if (name === 'only') {
      args.only = value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
      continue;
    }
    if (!/^\d+$/.test(value) || Number(value) > 2 ** 31 - 1) throw new Error(`--${name} takes a whole number, got "${value}"`);
    if (name === 'seed') args.seed = Number(value);
    else args.options[name] = Number(value);
  }
  return args;
}
