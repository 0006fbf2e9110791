/**
 * How much CPU everything else on the (shared, two-core) machine used while a page was measured: the
 * machine's busy time minus what this benchmark's own process tree used (this process, the server it
 * started, Chromium's processes). Approximate: a child that exits inside the window takes its CPU time
 * with it and counts as "others".
 */
import { readFileSync, readdirSync } from 'node:fs'
import { machineCpu } from '../lib/machine.js'
import { readCpuSeconds } from '../lib/procStats.js'

/** Pids of `root` and all its descendants (from /proc; empty without it). */
function tree(root: number): number[] {
  const parent = new Map<number, number>()
  let entries: string[]
  try {
    entries = readdirSync('/proc').filter((d) => /^\d+$/.test(d))
  } catch {
    return []
  }
  for (const d of entries) {
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      parent.set(Number(d), ppid)
    } catch {
      // gone meanwhile
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 64; hops++) {
      if (p === root) return true
      p = parent.get(p) ?? 0
    }
    return false
  }
  return [...parent.keys()].filter(inTree)
}

/** A mark to measure others' CPU from. */
export interface CpuMark {
  readonly machine: { busy: number } | null
  readonly own: Map<number, number>
  readonly at: number
}

/** Marks the machine's and this process tree's CPU now. */
export function markCpu(): CpuMark {
  const own = new Map<number, number>()
  for (const pid of tree(process.pid)) {
    const s = readCpuSeconds(pid)
    if (s !== null) own.set(pid, s)
  }
  return { machine: machineCpu(), own, at: performance.now() }
}

/** CPU others used since `mark`, in percent of one core (`null` without /proc). */
export function othersSince(mark: CpuMark): number | null {
  const now = markCpu()
  if (!mark.machine || !now.machine) return null
  let own = 0
  for (const [pid, s] of now.own) own += s - (mark.own.get(pid) ?? 0)
  const seconds = (now.at - mark.at) / 1000
  return Math.max(0, (100 * (now.machine.busy - mark.machine.busy - own)) / seconds)
}
