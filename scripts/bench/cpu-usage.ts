import { readdirSync, readFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';

/** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every common architecture. */
const TICKS_PER_SECOND = 100;
const NAMED: Readonly<Record<string, string>> = {
  postgres: 'postgresql',
  java: 'kafka (java)',
  'redis-server': 'redis (rate limits)',
};
/** Node 24 names its main thread, so other Node programs (tests, builds) show up under this command name. */
const RENAMED: Readonly<Record<string, string>> = { MainThread: 'node (other programs)' };

/** CPU seconds so far: the whole machine (busy and total over all cores) and every process, by pid. */
interface CpuSnapshot {
  readonly at: number;
  readonly machineBusy: number;
  readonly machineTotal: number;
  readonly processes: ReadonlyMap<number, { readonly comm: string; readonly seconds: number }>;
  readonly intakeMainThread: number;
}

/**
 * Cores used on average during a phase (1.0 = one core fully busy): intake, this load generator, PostgreSQL (all its
 * processes: other databases too), the JVM (the Kafka broker), the busiest other programs, and the whole machine.
 */
export interface CpuUsage {
  readonly cores: number;
  readonly machine: number;
  readonly byGroup: Readonly<Record<string, number>>;
  /** The busiest other processes by command name: what else ran on the shared cores meanwhile. */
  readonly others: Readonly<Record<string, number>>;
  /**
   * Intake's JavaScript threads alone (part of `byGroup.intake`), every replica's together: near 1.0 per replica, its
   * event loop is the bottleneck.
   */
  readonly intakeMainThread: number;
}

function machineTimes(): { busy: number; total: number } {
  // First line of /proc/stat: cpu user nice system idle iowait irq softirq steal ...
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = fields.slice(0, 8).reduce((sum, value) => sum + value, 0);
  const idle = (fields[3] ?? 0) + (fields[4] ?? 0);
  return { busy: (total - idle) / TICKS_PER_SECOND, total: total / TICKS_PER_SECOND };
}

/** utime + stime and command name from a /proc/…/stat file (a process's counts its threads too). */
function readStat(path: string): { comm: string; seconds: number } {
  const stat = readFileSync(path, 'utf8');
  // The command name is in parentheses and may hold spaces: fields are counted after the closing one.
  const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { comm, seconds: (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND };
}

function processTimes(): Map<number, { comm: string; seconds: number }> {
  const found = new Map<number, { comm: string; seconds: number }>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      found.set(Number(entry), readStat(`/proc/${entry}/stat`));
    } catch {
      // The process ended while the list was read.
    }
  }
  return found;
}

/** CPU seconds of a process's main thread (its JavaScript thread, for Node). */
function threadSeconds(pid: number): number {
  try {
    return readStat(`/proc/${pid}/task/${pid}/stat`).seconds;
  } catch {
    return 0;
  }
}

/** Where the machine's CPU goes during a phase. Linux only: elsewhere there are no figures. */
export class CpuMeter {
  /** `intakePids`: every intake replica's process. */
  constructor(private readonly intakePids: () => readonly number[]) {}

  snapshot(): CpuSnapshot | undefined {
    if (process.platform !== 'linux') return undefined;
    try {
      const machine = machineTimes();
      return {
        at: performance.now(),
        machineBusy: machine.busy,
        machineTotal: machine.total,
        processes: processTimes(),
        intakeMainThread: this.intakePids().reduce((sum, pid) => sum + threadSeconds(pid), 0),
      };
    } catch {
      return undefined;
    }
  }

  usage(before: CpuSnapshot | undefined, after: CpuSnapshot | undefined): CpuUsage | undefined {
    if (!before || !after) return undefined;
    const seconds = (after.at - before.at) / 1000;
    const byGroup: Record<string, number> = { intake: 0, 'load generator': 0 };
    for (const group of Object.values(NAMED)) byGroup[group] = 0;
    const others: Record<string, number> = {};
    const intakePids = new Set(this.intakePids());
    for (const [pid, { comm, seconds: total }] of after.processes) {
      // A process that started during the phase counts from zero.
      const used = Math.max(0, total - (before.processes.get(pid)?.seconds ?? 0));
      if (used === 0) continue;
      const group = intakePids.has(pid) ? 'intake' : pid === process.pid ? 'load generator' : NAMED[comm];
      if (group) byGroup[group] = (byGroup[group] ?? 0) + used;
      else {
        const name = RENAMED[comm] ?? comm;
        others[name] = (others[name] ?? 0) + used;
      }
    }
    const cores = cpus().length;
    const busyShare = (after.machineBusy - before.machineBusy) / (after.machineTotal - before.machineTotal || 1);
    const top = Object.entries(others)
      .sort((a, b) => b[1] - a[1])
      .slice(0, 5)
      .filter(([, used]) => used / seconds >= 0.01);
    return {
      cores,
      machine: round(busyShare * cores),
      byGroup: Object.fromEntries(Object.entries(byGroup).map(([name, used]) => [name, round(used / seconds)])),
      others: Object.fromEntries(top.map(([name, used]) => [name, round(used / seconds)])),
      intakeMainThread: round(Math.max(0, after.intakeMainThread - before.intakeMainThread) / seconds),
    };
  }
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
