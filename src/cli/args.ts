/** A tiny argument parser: positional arguments and --flag value pairs; unknown flags are errors. */
export interface Parsed {
  positional: string[];
  flags: Record<string, string>;
}

export function parseArgs(argv: string[], known: string[]): Parsed {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let k = 0; k < argv.length; k++) {
    const a = argv[k];
    if (a.startsWith('--')) {
      const [name, inline] = a.slice(2).split('=', 2);
      if (!known.includes(name))
        throw new Error(`unknown option --${name} (known: ${known.map((n) => `--${n}`).join(', ')})`);
      const value = inline ?? argv[++k];
      if (value === undefined) throw new Error(`option --${name} needs a value`);
      flags[name] = value;
    } else positional.push(a);
  }
  return { positional, flags };
}

export function intFlag(
  flags: Record<string, string>,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  const raw = flags[name];
  if (raw === undefined) return fallback;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min || v > max)
    throw new Error(`--${name} must be a whole number between ${min} and ${max}, got ${raw}`);
  return v;
}
