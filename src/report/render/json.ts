// The JSON report exactly per spec/report.md (schema/report.schema.json). Also as a sequence of
// chunks — one per subject — so a report of hundreds of subjects is written without first
// building one string of tens of megabytes (two bytes per character once any text holds a `…`).
import type { Report } from '../../types.js';

/** Indents every line after the first of a JSON text by `pad`; string values hold no raw newline. */
function indented(json: string, pad: string): string {
  return json.includes('\n') ? json.replaceAll('\n', `\n${pad}`) : json;
}

/** The report as `JSON.stringify(report, null, 2)` plus a final newline, in chunks. */
export function* renderJsonChunks(report: Report): Generator<string> {
  const entries = Object.entries(report).filter(([, v]) => v !== undefined && typeof v !== 'function');
  if (entries.length === 0) {
    yield '{}\n';
    return;
  }
  yield '{\n';
  for (const [i, [key, value]] of entries.entries()) {
    const end = i < entries.length - 1 ? ',\n' : '\n';
    if (Array.isArray(value) && value.length > 0) {
      yield `  ${JSON.stringify(key)}: [\n`;
      for (const [j, item] of value.entries()) {
        const json = item === undefined || typeof item === 'function' ? 'null' : JSON.stringify(item, null, 2);
        yield `    ${indented(json, '    ')}${j < value.length - 1 ? ',' : ''}\n`;
      }
      yield `  ]${end}`;
    } else {
      yield `  ${JSON.stringify(key)}: ${indented(JSON.stringify(value, null, 2), '  ')}${end}`;
    }
  }
  yield '}\n';
}

export function renderJson(report: Report): string {
  return [...renderJsonChunks(report)].join('');
}
