// Lists the copied lab and gateway-diagnosis fixtures with their expected answers.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface Expected {
  scenario: string;
  subject?: string;
  healthy?: boolean;
  cause?: string;
  alsoAccept?: string[];
  params?: string[];
  values?: Record<string, { cloud: string; peer: string }>;
}

export const FIXTURES = new URL('../fixtures/', import.meta.url).pathname;

export function fixtureCases(group: 'lab' | 'gateway-diagnosis', prefix = ''): { name: string; input: string; expected: Expected }[] {
  const dir = join(FIXTURES, group);
  return readdirSync(dir)
    .filter((n) => n.startsWith(prefix))
    .sort()
    .map((name) => ({ name, input: join(dir, name, 'input'), expected: JSON.parse(readFileSync(join(dir, name, 'expected.json'), 'utf8')) as Expected }));
}
