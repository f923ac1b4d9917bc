// The languages a report is written in: one definition, read by the run, the rules' texts and
// every renderer.
export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];
