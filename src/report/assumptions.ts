// The sentences a report uses to state what it assumed (time zones, years) and what it suspects
// about a device's clock, in the report's language. The pipeline decides; this says it.
import type { Lang } from './template.js';

export function gatewayZoneAssumption(lang: Lang, zone: string, byDefault: boolean): string {
  if (lang === 'zh') return `网关日志时间按 ${zone} 读取${byDefault ? '（网关时钟；用 --log-tz 修改）' : ''}。`;
  return `Gateway log times read as ${zone}${byDefault ? ' (the gateway clock; --log-tz changes it)' : ''}.`;
}

export type YearFrom = 'peer-year' | 'gateway' | 'file-date';

export function peerZoneAssumption(lang: Lang, zone: string, zoneAssumed: boolean, year: number, yearFrom: YearFrom): string {
  if (lang === 'zh') {
    const how = zoneAssumed ? '本机时区，为假定值：用 --peer-tz 指定设备时区' : '--peer-tz';
    const from = yearFrom === 'peer-year' ? '--peer-year' : yearFrom === 'gateway' ? '取自网关日志' : '取自文件日期';
    return `对端日志时间按 ${zone} 读取（${how}），年份 ${year}（${from}）。`;
  }
  const how = zoneAssumed ? "this machine's zone, assumed: --peer-tz sets the device's" : '--peer-tz';
  const from = yearFrom === 'peer-year' ? '--peer-year' : yearFrom === 'gateway' ? 'from the gateway log' : 'from the file date';
  return `Peer log times read as ${zone} (${how}), year ${year} (${from}).`;
}

/** The device log's zone inferred from the gateway's log (`minutes`: what the first reading lacked). */
export function peerZoneInferred(lang: Lang, zone: string, readFirst: string, minutes: number, matched: number, subjectId: string, year: number): string {
  const h = Math.trunc(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  if (lang === 'zh') {
    const gap = `${h ? `${h} 小时` : ''}${m ? `${m} 分钟` : ''}`;
    return `对端日志时间按 ${zone} 读取：由网关日志推断（按 ${readFirst} 读取时相差 ${gap}，${subjectId} 的 ${matched} 个事件平移后与网关对齐；用 --peer-tz 指定可覆盖），年份 ${year}。`;
  }
  const gap = `${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''}`;
  return `Peer log times read as ${zone}, inferred from the gateway's log (read as ${readFirst} they were ${gap} off; ${matched} events of ${subjectId} line up with the gateway's once shifted; --peer-tz overrides), year ${year}.`;
}

/** `minutes`: what the device times must gain to line up with the gateway's. */
export function deviceClockWarning(lang: Lang, minutes: number, matched: number, subjectId: string, suggested: string, readAs: string): string {
  const h = Math.trunc(Math.abs(minutes) / 60);
  const m = Math.abs(minutes) % 60;
  const flag = suggested.replace('UTC', '');
  if (lang === 'zh') {
    const gap = `${h ? `${h} 小时` : ''}${m ? `${m} 分钟` : ''}`;
    return `设备日志时间比网关${minutes > 0 ? '慢' : '快'} ${gap}（${subjectId} 的 ${matched} 个事件平移后对齐）：设备日志可能是 ${suggested}，而不是读取时用的 ${readAs}；请用 --peer-tz ${flag} 重新运行。`;
  }
  const gap = `${h ? `${h} h` : ''}${h && m ? ' ' : ''}${m ? `${m} min` : ''}`;
  return `Device log times are ${gap} ${minutes > 0 ? 'behind' : 'ahead of'} the gateway's (${matched} events of ${subjectId} line up once shifted): the device log is probably in ${suggested}, not the ${readAs} it was read in; rerun with --peer-tz ${flag}.`;
}

/** A log written newest line first (parse/line-order.ts): read from its last line up, or as written when too long. */
export function newestFirstNote(lang: Lang, source: string, turned: boolean, maxLines: number, maxMb: number): string {
  if (lang === 'zh') return turned ? `${source}：最新的行在前（时间戳倒序）：已从最后一行向前读取。` : `${source}：最新的行在前（时间戳倒序），但超过 ${maxLines} 行或 ${maxMb} MB，按原顺序读取：事件先后可能颠倒。`;
  return turned
    ? `${source}: newest line first (its time stamps go back): read from its last line up.`
    : `${source}: newest line first (its time stamps go back), but longer than ${maxLines} lines or ${maxMb} MB: read as written, so events may read in reverse.`;
}

/** Gateway lines of an API export that a log file given beside it also holds: counted once (facts/input-overlap.ts). */
export function repeatedLinesNote(lang: Lang, source: string, lines: number): string {
  if (lang === 'zh') return `${source}：其中 ${lines} 行网关日志与同时给出的日志文件相同，只计一次。`;
  return `${source}: ${lines} gateway line${lines === 1 ? '' : 's'} the log files also hold (the same text): counted once.`;
}
