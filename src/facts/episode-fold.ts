// Judging a subject's earlier episodes (episodes.ts) through a caller's judge: each earlier episode
// as a subject of its own, neighbours that ended the same way folded together — into the latest
// one too, which the subject then holds — and episodes with nothing to say joined to the next.
// Lives in facts/ so nothing outside it touches an accumulator.
import type { TimelineEntry } from '../types.js';
import { computeFacts, type SubjectFacts } from './facts.js';
import type { SubjectAccumulator } from './subject.js';
import { reportTime } from './report-time.js';

export interface JudgedEpisode<R> {
  from: string | null;
  to: string | null;
  result: R;
}

const isoOf = (ms: number | undefined): string | null => (ms === undefined ? null : reportTime(ms));

/**
 * `judge` turns facts into a result; `keyOf` says how it ended (equal keys fold); `says` whether it
 * found anything (an episode that did not joins the next). Returns the earlier episodes left, their
 * timelines (oldest first) and what their timelines folded away.
 */
export async function foldEpisodes<R>(
  subject: SubjectAccumulator,
  judge: (facts: SubjectFacts) => Promise<R>,
  keyOf: (r: R) => string,
  says: (r: R) => boolean,
): Promise<{ episodes: JudgedEpisode<R>[]; timeline: TimelineEntry[]; folded: number; current?: { facts: SubjectFacts; result: R } }> {
  const judged: { part: SubjectAccumulator; key: string; result: R }[] = [];
  const judgeOne = async (part: SubjectAccumulator) => {
    const result = await judge(computeFacts(subject.episodeView(part)));
    return { part, key: keyOf(result), result };
  };
  for (const part of subject.earlier) {
    const prev = judged.at(-1);
    const j = await judgeOne(part);
    if (prev && (prev.key === j.key || !says(prev.result))) {
      prev.part.absorbEpisode(part, true);
      judged[judged.length - 1] = await judgeOne(prev.part);
    } else judged.push(j);
  }
  subject.earlier = [];
  const facts = computeFacts(subject);
  const result = await judge(facts);
  const current = keyOf(result);
  let prepended = false;
  while (judged.length > 0 && (judged.at(-1)!.key === current || !says(judged.at(-1)!.result))) {
    subject.prependEpisode(judged.pop()!.part);
    prepended = true;
  }
  return {
    episodes: judged.map((j) => ({ from: isoOf(j.part.firstMs), to: isoOf(j.part.lastMs), result: j.result })),
    timeline: judged.flatMap((j) => j.part.timeline.entries()),
    folded: judged.reduce((n, j) => n + j.part.timeline.folded, 0),
    // The latest episode as judged here, when nothing was folded into it since: not judged twice.
    ...(prepended ? {} : { current: { facts, result } }),
  };
}

/** Whether a subject holds earlier episodes to judge. */
export const hasEarlierEpisodes = (subject: SubjectAccumulator): boolean => subject.earlier.length > 0;
