// The swanctl.conf grammar over the tokenizer's balanced tokens:
// `body := (Setting | Include | section)*`, `section := SectionOpen body SectionClose`; then the
// merge strongSwan's settings parser does: sections of the same name at the same level are one
// section whose later settings win.
import type { ConfigLocation } from '../../../src/check/device-model.js';
import { EmbeddedActionsParser, type IToken } from '../../chevrotain.js';
import { feedParser } from '../../common/feed-parser.js';
import { allTokens, Include, SectionClose, SectionOpen, Setting, type ClosePayload, type IncludePayload, type OpenPayload, type SettingPayload } from './tokens.js';

/** A section with its settings in file order (a repeated key: the last one wins) and where it sits. */
export interface SwanSection {
  name: string;
  template?: string;
  /** Each `name {` that contributed (merged sections have several, maybe in several files). */
  opens: ConfigLocation[];
  /** Each matching `}`. */
  closes: ConfigLocation[];
  settings: SettingPayload[];
  sections: SwanSection[];
  includes: IncludePayload[];
}

const newSection = (name: string, at?: ConfigLocation): SwanSection => ({ name, opens: at ? [at] : [], closes: [], settings: [], sections: [], includes: [] });

class SwanctlParser extends EmbeddedActionsParser {
  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 1, skipValidations: true });
    this.performSelfAnalysis();
  }

  public file = this.RULE('file', (): SwanSection => {
    const root = newSection('');
    this.SUBRULE(this.body, { ARGS: [root] });
    return root;
  });

  private body = this.RULE('body', (into: SwanSection): void => {
    this.MANY(() => {
      this.OR([
        {
          ALT: () => {
            const t = this.CONSUME(Setting);
            this.ACTION(() => into.settings.push(t.payload as SettingPayload));
          },
        },
        {
          ALT: () => {
            const t = this.CONSUME(Include);
            this.ACTION(() => into.includes.push(t.payload as IncludePayload));
          },
        },
        {
          ALT: () => {
            const s = this.SUBRULE(this.section);
            this.ACTION(() => into.sections.push(s));
          },
        },
      ]);
    });
  });

  private section = this.RULE('section', (): SwanSection => {
    const open: IToken = this.CONSUME(SectionOpen);
    const p = open.payload as OpenPayload | undefined;
    const sec = newSection(p?.name ?? '', p ? { file: p.file, line: p.line } : undefined);
    if (p?.template) sec.template = p.template;
    this.SUBRULE(this.body, { ARGS: [sec] });
    const close: IToken = this.CONSUME(SectionClose);
    this.ACTION(() => {
      const c = close.payload as ClosePayload;
      sec.closes.push({ file: c.file, line: c.line });
    });
    return sec;
  });
}

let shared: SwanctlParser | undefined;

/** Folds sections of the same name at one level into the first, recursively (later settings stay later, so they win). */
export function mergeSections(sec: SwanSection): SwanSection {
  const byName = new Map<string, SwanSection>();
  const kept: SwanSection[] = [];
  for (const child of sec.sections) {
    const first = byName.get(child.name);
    if (!first) {
      byName.set(child.name, child);
      kept.push(child);
      continue;
    }
    first.opens.push(...child.opens);
    first.closes.push(...child.closes);
    first.settings.push(...child.settings);
    first.sections.push(...child.sections);
    first.includes.push(...child.includes);
  }
  sec.sections = kept.map(mergeSections);
  return sec;
}

/** One tree of several files' roots, in the order given (strongSwan reads includes in place). */
export function mergeRoots(roots: SwanSection[]): SwanSection {
  const all: SwanSection = { name: '', opens: [], closes: [], settings: [], sections: [], includes: [] };
  for (const r of roots) {
    all.settings.push(...r.settings);
    all.sections.push(...r.sections);
    all.includes.push(...r.includes);
  }
  return mergeSections(all);
}

/** The merged section tree of a token vector; null when the grammar rejects it (the tokenizer balances braces, so it should not). */
export function parseSwanctlTokens(tokens: IToken[]): SwanSection | null {
  shared ??= new SwanctlParser();
  const root = feedParser(shared, tokens, (p) => p.file());
  return root ? mergeSections(root) : null;
}

/** The last value set for `key` in a section, with its payload. */
export function lastSetting(sec: SwanSection | undefined, key: string): SettingPayload | undefined {
  if (!sec) return undefined;
  for (let i = sec.settings.length - 1; i >= 0; i--) if (sec.settings[i]!.key === key) return sec.settings[i];
  return undefined;
}

export const subsection = (sec: SwanSection | undefined, name: string): SwanSection | undefined => sec?.sections.find((s) => s.name === name);
