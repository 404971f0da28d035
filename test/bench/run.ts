/**
 * `npm run bench [-- --only flyer,search]`
 * Runs each scenario of test/bench/scenarios in a process of its own, one after another, and
 * prints one JSON object on the last line of stdout: every scenario's figures against its
 * reference measured in the same run, and the machine they were measured on. Progress goes to
 * stderr. Not part of `npm test`: these are measurements, not checks of behaviour.
 */
import { spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const scenarios = ['flyer', 'faxMailing', 'mailing', 'search', 'csvImport', 'countryRoster', 'dbOpen', 'coldStart', 'syncLoopback'] as const;
const here = path.dirname(fileURLToPath(import.meta.url));
/** Time a scenario gets before it is stopped: a country's roster is read and written six times, a prefecture's mailing made four times. */
const timeoutMs = (name: string) => (name === 'countryRoster' ? 20 : name === 'mailing' ? 15 : 5) * 60 * 1000;

function chosen(argv: readonly string[]): string[] {
  const at = argv.indexOf('--only');
  if (at === -1) return [...scenarios];
  const names = (argv[at + 1] ?? '').split(',').filter(Boolean);
  const unknown = names.filter((n) => !(scenarios as readonly string[]).includes(n));
  if (names.length === 0 || unknown.length > 0) throw new Error(`--only takes some of: ${scenarios.join(', ')}`);
  return names;
}

/** Runs one scenario script and returns the JSON object it printed last (or a failure). */
function runScenario(name: string): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(here, 'scenarios', `${name}.ts`)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs(name));
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last) as Record<string, unknown>);
      } catch {
        resolve({ pass: false, error: signal === 'SIGKILL' ? `no result within ${timeoutMs(name) / 60000} min` : `exited with code ${code} without a result` });
      }
    });
  });
}

const loadAverage = () => os.loadavg().map((l) => Math.round(l * 100) / 100);

async function main(): Promise<void> {
  const names = chosen(process.argv.slice(2));
  const started = performance.now();
  const machine = {
    node: process.version,
    cpu: os.cpus()[0]?.model.trim() ?? 'unknown',
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    platform: `${os.platform()} ${os.release()}`,
    loadAverageAtStart: loadAverage(),
    loadAverageAtEnd: [] as number[],
  };
  process.stderr.write(`bench: ${names.join(', ')} on ${machine.cpu} (${machine.cores} cores), node ${machine.node}, load ${machine.loadAverageAtStart.join(' ')}\n`);
  const results: Record<string, Record<string, unknown>> = {};
  for (const name of names) {
    process.stderr.write(`\n▶ ${name}\n`);
    results[name] = await runScenario(name);
    const { pass, error } = results[name];
    process.stderr.write(`${pass ? '✔' : '✘'} ${name}${error ? `: ${String(error)}` : ''}\n`);
  }
  machine.loadAverageAtEnd = loadAverage();
  const summary = {
    bench: 'cyber-counter',
    date: new Date().toISOString(),
    seconds: Math.round((performance.now() - started) / 100) / 10,
    machine,
    pass: Object.values(results).every((r) => r.pass === true),
    passed: Object.entries(results).filter(([, r]) => r.pass === true).map(([n]) => n),
    failed: Object.entries(results).filter(([, r]) => r.pass !== true).map(([n]) => n),
    scenarios: results,
  };
  process.stderr.write(`\n${summary.passed.length} of ${names.length} scenarios met their targets (${summary.seconds} s)\n`);
  process.stdout.write(`${JSON.stringify(summary)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
