import { InputError } from './pack-files.ts';

/** Minimal flag parser: `--flag value`, `--flag=value`, repeated flags collect, `-` is a positional. */
export function parseArgs(argv: string[], spec: { values: string[]; bools: string[] }) {
  const values = new Map<string, string[]>();
  const bools = new Set<string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2);
    if (spec.bools.includes(name)) {
      bools.add(name);
    } else if (spec.values.includes(name)) {
      const v = inline ?? argv[++i];
      if (v === undefined) throw new InputError(`--${name} needs a value`);
      values.set(name, [...(values.get(name) ?? []), v]);
    } else {
      throw new InputError(`unknown option --${name}`);
    }
  }
  return { values, bools, positional, one: (n: string) => values.get(n)?.at(-1) };
}
