import fs from 'node:fs';
import path from 'node:path';

export interface Logger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
  error(message: string, meta?: Record<string, unknown>): void;
}

const maxBytes = 1024 * 1024;
const keep = 3;

/**
 * JSON-lines log in the data folder, rotated by size. Callers log record ids and codes, never
 * names or phone numbers: the file may be sent to support.
 */
export function createFileLogger(dir: string, fileName = 'app.log'): Logger {
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch {
    // A data folder this user cannot write: opening it says so in words; the log stays silent.
  }
  const file = path.join(dir, fileName);
  const rotate = () => {
    for (let i = keep - 1; i >= 1; i--) {
      const from = `${file}.${i}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i + 1}`);
    }
    fs.renameSync(file, `${file}.1`);
  };
  const write = (level: string, message: string, meta?: Record<string, unknown>) => {
    try {
      if (fs.existsSync(file) && fs.statSync(file).size > maxBytes) rotate();
      fs.appendFileSync(file, `${JSON.stringify({ time: new Date().toISOString(), level, message, ...meta })}\n`);
    } catch {
      // Logging must never take the app down (full disk, locked file).
    }
  };
  return {
    info: (m, meta) => write('info', m, meta),
    warn: (m, meta) => write('warn', m, meta),
    error: (m, meta) => write('error', m, meta),
  };
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
