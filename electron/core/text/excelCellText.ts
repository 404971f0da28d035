/**
 * A cell's text as Excel on Japanese Windows shows it, from the stored value and its number
 * format: the roster's 会員番号 formatted 000000 is 000099 on screen, so it is 000099 here.
 * Covers the formats rosters use (General, @, zero-padded and digit patterns such as 000-0000,
 * #,##0 and decimals, percent, conditional sections, dates and times, 和暦). Anything else falls
 * back to General, which is what a CSV saved from a sheet with an unknown format would hold too.
 */
export function excelCellText(value: unknown, numFmt: string | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return Number.isFinite(value) ? formatNumber(value, numFmt) : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : formatDate(value, dateFormatOf(numFmt) ?? 'yyyy/m/d');
  if (typeof value === 'object') {
    const cell = value as { richText?: { text?: string }[]; result?: unknown; formula?: string; sharedFormula?: string; error?: string; text?: unknown };
    if (Array.isArray(cell.richText)) return cell.richText.map((run) => run.text ?? '').join('');
    // A formula is never evaluated: its cached result is what Excel last showed.
    if ('formula' in cell || 'sharedFormula' in cell || 'result' in cell) return excelCellText(cell.result, numFmt);
    if ('error' in cell) return '';
    if (typeof cell.text === 'string') return cell.text;
  }
  return '';
}

/** Serial day 0 of Excel's 1900 date system, as a UTC time (Excel's 1900-02-29 bug included). */
const excelEpoch = Date.UTC(1899, 11, 30);

/** Splits a format into its sections at semicolons outside quotes. */
function sections(format: string): string[] {
  const out: string[] = [''];
  for (let i = 0; i < format.length; i++) {
    const ch = format[i]!;
    if (ch === '"') {
      const close = format.indexOf('"', i + 1);
      const stop = close < 0 ? format.length : close;
      out[out.length - 1] += format.slice(i, stop + 1);
      i = stop;
    } else if (ch === '\\') {
      out[out.length - 1] += format.slice(i, i + 2);
      i++;
    } else if (ch === ';') out.push('');
    else out[out.length - 1] += ch;
  }
  return out;
}

const condition = /^\[(<=|>=|<>|<|>|=)(-?\d+(?:\.\d+)?)\]/;

function meets(value: number, op: string, limit: number): boolean {
  switch (op) {
    case '<=': return value <= limit;
    case '>=': return value >= limit;
    case '<': return value < limit;
    case '>': return value > limit;
    case '=': return value === limit;
    default: return value !== limit;
  }
}

/** The section Excel uses for this value, and whether it prints the sign itself. */
function pickSection(value: number, format: string): { section: string; signed: boolean } {
  const parts = sections(format);
  const stripped = parts.map((p) => p.replace(/^(\[[^\]]*\])*/, (tags) => tags.replace(/\[(?:Red|Black|Blue|Green|White|Yellow|Cyan|Magenta|Color\d+|\$[^\]]*)\]/gi, '')));
  if (stripped.some((p) => condition.test(p))) {
    for (const part of stripped) {
      const c = condition.exec(part);
      if (!c) return { section: part, signed: true };
      if (meets(value, c[1]!, Number(c[2]))) return { section: part.slice(c[0].length), signed: true };
    }
    return { section: stripped.at(-1)!.replace(condition, ''), signed: true };
  }
  if (value < 0 && stripped.length > 1) return { section: stripped[1]!, signed: false };
  if (value === 0 && stripped.length > 2) return { section: stripped[2]!, signed: false };
  return { section: stripped[0]!, signed: true };
}

function general(value: number): string {
  if (Number.isInteger(value) && Math.abs(value) < 1e11) return String(value);
  const precise = Number(value.toPrecision(Math.abs(value) >= 1 ? 11 : 10));
  return Math.abs(precise) >= 1e11 ? precise.toExponential(5).replace('e', 'E').replace(/E\+?(-?)(\d)$/, 'E+$10$2').replace('E+-', 'E-') : String(precise);
}

/** True when the format shows a date or time (y, m, d, h, s, 和暦 g/e outside quotes and brackets). */
function dateFormatOf(numFmt: string | undefined): string | undefined {
  if (!numFmt) return undefined;
  // Built-in format 14 is the system short date, which on Japanese Windows is yyyy/m/d.
  if (numFmt === 'mm-dd-yy') return 'yyyy/m/d';
  if (numFmt === 'm/d/yy "h":mm') return 'yyyy/m/d h:mm';
  const bare = sections(numFmt)[0]!.replace(/\[[^\]]*\]/g, '').replace(/"[^"]*"/g, '').replace(/\\./g, '');
  return /[ymdhsge]/i.test(bare) && !/[0#?]/.test(bare) ? sections(numFmt)[0]! : undefined;
}

function formatNumber(value: number, numFmt: string | undefined): string {
  if (!numFmt || /^general$/i.test(numFmt)) return general(value);
  const date = dateFormatOf(numFmt);
  if (date) return formatDate(new Date(excelEpoch + Math.round(value * 86_400_000)), date);
  const { section, signed } = pickSection(value, numFmt);
  if (/^general$/i.test(section.trim()) || section.includes('@') || section.trim() === '') return general(value);
  if (/E[+-]/i.test(section)) return general(value);
  const text = formatDigits(Math.abs(value), section);
  return signed && value < 0 && /[1-9]/.test(text) ? `-${text}` : text;
}

type Token = { kind: 'digit'; ch: '0' | '#' | '?' } | { kind: 'point' } | { kind: 'literal'; text: string };

function tokenize(section: string): { tokens: Token[]; grouped: boolean; percent: boolean } {
  const tokens: Token[] = [];
  let grouped = false;
  let percent = false;
  for (let i = 0; i < section.length; i++) {
    const ch = section[i]!;
    if (ch === '"') {
      const close = section.indexOf('"', i + 1);
      const stop = close < 0 ? section.length : close;
      tokens.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (ch === '\\') {
      tokens.push({ kind: 'literal', text: section[i + 1] ?? '' });
      i++;
    } else if (ch === '_') {
      tokens.push({ kind: 'literal', text: ' ' });
      i++;
    } else if (ch === '*') i++;
    else if (ch === '[') i = Math.max(i, section.indexOf(']', i));
    else if (ch === '0' || ch === '#' || ch === '?') tokens.push({ kind: 'digit', ch });
    else if (ch === '.' && !tokens.some((t) => t.kind === 'point')) tokens.push({ kind: 'point' });
    else if (ch === ',') {
      // A comma between digit placeholders groups thousands; elsewhere Excel scales, rare in rosters.
      if (tokens.at(-1)?.kind === 'digit' && /[0#?]/.test(section[i + 1] ?? '')) grouped = true;
    } else {
      if (ch === '%') percent = true;
      tokens.push({ kind: 'literal', text: ch });
    }
  }
  return { tokens, grouped, percent };
}

/** Fills a digit pattern (000000, 000-0000, #,##0.00, (00) ####-####) with a non-negative number. */
function formatDigits(value: number, section: string): string {
  const { tokens, grouped, percent } = tokenize(section);
  const point = tokens.findIndex((t) => t.kind === 'point');
  const intTokens = point < 0 ? tokens : tokens.slice(0, point);
  const fracTokens = point < 0 ? [] : tokens.slice(point + 1);
  const decimals = fracTokens.filter((t) => t.kind === 'digit').length;
  const scaled = percent ? value * 100 : value;
  const [intDigits, fracDigits = ''] = scaled.toFixed(decimals).split('.');

  // Integer part: placeholders from the right take the digits; what is left goes before the first.
  const slots = intTokens.filter((t) => t.kind === 'digit').length;
  const digits = intDigits === '0' && !intTokens.some((t) => t.kind === 'digit' && t.ch === '0') ? '' : intDigits!;
  let rest = digits;
  let intText = '';
  let seen = 0;
  for (let i = intTokens.length - 1; i >= 0; i--) {
    const token = intTokens[i]!;
    if (token.kind === 'literal') intText = token.text + intText;
    else if (token.kind === 'digit') {
      seen++;
      const last = seen === slots;
      const take = last ? rest : rest.slice(-1);
      rest = last ? '' : rest.slice(0, -1);
      intText = (take !== '' ? take : token.ch === '0' ? '0' : token.ch === '?' ? ' ' : '') + intText;
    }
  }
  if (grouped) intText = intText.replace(/\d{4,}/, (run) => run.replace(/\B(?=(\d{3})+(?!\d))/g, ','));

  let fracText = '';
  let index = 0;
  for (const token of fracTokens) {
    if (token.kind === 'literal') fracText += token.text;
    else if (token.kind === 'digit') fracText += fracDigits[index++] ?? '';
  }
  // Optional decimals (#) drop trailing zeros as Excel does.
  const optional = fracTokens.filter((t) => t.kind === 'digit' && t.ch !== '0').length;
  for (let n = 0; n < optional && /0(?=\D*$)/.test(fracText); n++) fracText = fracText.replace(/0(?=\D*$)/, '');
  return point < 0 ? intText : decimals === 0 && fracText === '' ? `${intText}.` : `${intText}.${fracText}`;
}

const weekdays = ['日', '月', '火', '水', '木', '金', '土'];
const eras = [
  { name: '令和', short: 'R', start: Date.UTC(2019, 4, 1) },
  { name: '平成', short: 'H', start: Date.UTC(1989, 0, 8) },
  { name: '昭和', short: 'S', start: Date.UTC(1926, 11, 25) },
  { name: '大正', short: 'T', start: Date.UTC(1912, 6, 30) },
  { name: '明治', short: 'M', start: Date.UTC(1868, 0, 1) },
];

/** A date as the format shows it; Excel's dates carry no time zone, so UTC fields are the wall time. */
function formatDate(date: Date, format: string): string {
  const y = date.getUTCFullYear();
  const era = eras.find((e) => date.getTime() >= e.start) ?? eras.at(-1)!;
  const eraYear = y - new Date(era.start).getUTCFullYear() + 1;
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const clean = format.replace(/\[[^\]]*\]/g, '');
  const parts = clean.match(/"[^"]*"|\\.|yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d|aaaa|aaa|hh|h|ss|s|ggg|gg|g|ee|e|AM\/PM|./gi) ?? [];
  let afterHour = false;
  return parts
    .map((part, i) => {
      const lower = part.toLowerCase();
      if (part.startsWith('"')) return part.slice(1, -1);
      if (part.startsWith('\\')) return part.slice(1);
      switch (lower) {
        case 'yyyy': return String(y);
        case 'yy': return pad(y % 100, 2);
        case 'mmmm': case 'mmm': return `${date.getUTCMonth() + 1}月`;
        case 'mm': case 'm': {
          // m after h or before s is minutes, as in Excel.
          const minutes = afterHour || parts.slice(i + 1).find((p) => /^[a-z]/i.test(p))?.toLowerCase().startsWith('s');
          const n = minutes ? date.getUTCMinutes() : date.getUTCMonth() + 1;
          return lower === 'mm' ? pad(n, 2) : String(n);
        }
        case 'dddd': case 'aaaa': return `${weekdays[date.getUTCDay()]}曜日`;
        case 'ddd': case 'aaa': return weekdays[date.getUTCDay()]!;
        case 'dd': return pad(date.getUTCDate(), 2);
        case 'd': return String(date.getUTCDate());
        case 'hh': afterHour = true; return pad(date.getUTCHours(), 2);
        case 'h': afterHour = true; return String(date.getUTCHours());
        case 'ss': afterHour = false; return pad(date.getUTCSeconds(), 2);
        case 's': afterHour = false; return String(date.getUTCSeconds());
        case 'ggg': case 'gg': return era.name;
        case 'g': return era.short;
        case 'ee': return pad(eraYear, 2);
        case 'e': return String(eraYear);
        case 'am/pm': return date.getUTCHours() < 12 ? 'AM' : 'PM';
        default: return part;
      }
    })
    .join('');
}
