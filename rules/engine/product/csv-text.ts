// RFC 4180 CSV, small and pure (the engine imports nothing but zod): quoted fields, "" escapes,
// newlines inside quotes, CRLF or LF, and a leading BOM (Excel's "CSV UTF-8"). Decoding GBK bytes
// is the caller's job (rules/io/decode.ts) because the engine only ever sees strings.

export class CsvSyntaxError extends Error {}

/** Rows of cells; row numbers as a spreadsheet shows them are index + 1. */
export function parseCsvText(input: string): string[][] {
  const text = input.replace(/^\uFEFF/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  let i = 0;
  let line = 1;
  while (i < text.length) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { cell += '"'; i += 2; continue; }
        quoted = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell.length === 0) { quoted = true; i++; continue; }
    if (c === ',') { row.push(unguardFormula(cell)); cell = ''; i++; continue; }
    if (c === '\r' || c === '\n') {
      row.push(unguardFormula(cell));
      rows.push(row);
      row = [];
      cell = '';
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      continue;
    }
    cell += c;
    i++;
  }
  if (quoted) throw new CsvSyntaxError(`row ${rows.length + 1}: a quoted cell is never closed (line ${line})`);
  if (cell.length || row.length) { row.push(unguardFormula(cell)); rows.push(row); }
  return rows;
}

// A cell that starts with = + - @ (or a tab/CR) runs as a formula when a manager opens the export in
// Excel or WPS (CSV injection). Writing prefixes ' (the spreadsheet's own "this is text" mark) and
// reading drops one again. A value that already starts with ' before such a character gets one more,
// so every value survives the round trip unchanged. Every CSV writer and reader goes through these two.
const FORMULA_LIKE = /^'*[=+\-@\t\r]/;

export function guardFormula(cell: string): string {
  return FORMULA_LIKE.test(cell) ? `'${cell}` : cell;
}

export function unguardFormula(cell: string): string {
  return cell.startsWith("'") && FORMULA_LIKE.test(cell.slice(1)) ? cell.slice(1) : cell;
}

function quote(raw: string): string {
  const cell = guardFormula(raw);
  return /[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** CSV with a BOM and CRLF, which Excel and WPS on Chinese Windows open as UTF-8. */
export function writeCsvText(rows: readonly (readonly string[])[]): string {
  return '\uFEFF' + rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
}
