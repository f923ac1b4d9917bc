// Faults injected on request: a documented error code, a bare HTTP status, a slow answer, or a
// connection reset before or after the request is processed; each for one action or any, a
// number of times. `parseFault` reads the `--fault` syntax of `ipsec-doctor simulate`.

export interface Fault {
  /** Action name; absent or `*` matches every action. */
  action?: string;
  /** Error code answered with its documented status and message. */
  code?: string;
  /** HTTP status; with no code, the body is a proxy's HTML page (not JSON). */
  status?: number;
  /** Answer this much later (the answer itself is normal unless code/status/reset say otherwise). */
  delayMs?: number;
  /** Drop the connection without answering, before or after the request takes effect. */
  reset?: 'before' | 'after';
  /** How many matching requests it affects (default 1; 0 = every one). */
  times?: number;
}

export class FaultQueue {
  private readonly faults: { fault: Fault; left: number }[] = [];

  add(...faults: Fault[]): void {
    for (const fault of faults) this.faults.push({ fault, left: fault.times === 0 ? Infinity : (fault.times ?? 1) });
  }

  clear(): void {
    this.faults.length = 0;
  }

  /** Consumes and returns the first fault matching `action`. */
  take(action: string): Fault | undefined {
    const hit = this.faults.find((f) => f.left > 0 && (!f.fault.action || f.fault.action === '*' || f.fault.action === action));
    if (!hit) return undefined;
    hit.left--;
    return hit.fault;
  }
}

/**
 * `ACTION:WHAT[@N]` where WHAT is an error code, `status=502`, `delay=3000`, `reset` or `reset-after`;
 * ACTION may be `*`; `@N` repeats it N times (`@0`: always). Example: `DiagnoseVpnGateway:Throttling.User@2`.
 */
export function parseFault(spec: string): Fault | { error: string } {
  const m = /^([A-Za-z*]+):([^@]+)(?:@(\d+))?$/.exec(spec.trim());
  if (!m) return { error: `--fault ${spec}: expected ACTION:CODE|status=N|delay=MS|reset|reset-after[@TIMES]` };
  const [, action, what, times] = m as unknown as [string, string, string, string | undefined];
  const fault: Fault = { action, ...(times !== undefined ? { times: Number(times) } : {}) };
  if (what === 'reset') fault.reset = 'before';
  else if (what === 'reset-after') fault.reset = 'after';
  else if (/^status=\d{3}$/.test(what)) fault.status = Number(what.slice(7));
  else if (/^delay=\d+$/.test(what)) fault.delayMs = Number(what.slice(6));
  else if (/^[A-Za-z][\w.]*$/.test(what)) fault.code = what;
  else return { error: `--fault ${spec}: "${what}" is not an error code, status=N, delay=MS, reset or reset-after` };
  return fault;
}
