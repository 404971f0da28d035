/** Reads `--name value` and `--flag` options; unknown options are an error a user can read. */
export function parseArgs(argv: readonly string[], spec: { values: readonly string[]; flags: readonly string[] }) {
  const values = new Map<string, string>();
  const flags = new Set<string>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.startsWith('--') ? arg.slice(2).split(/=(.*)/s, 2) : [undefined, undefined];
    if (name && spec.flags.includes(name) && inline === undefined) {
      flags.add(name);
    } else if (name && spec.values.includes(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined) throw new Error(`--${name} に値がありません (missing value for --${name})`);
      values.set(name, value);
    } else {
      throw new Error(`不明なオプションです: ${arg} (unknown option)`);
    }
  }
  return { values, flags };
}
