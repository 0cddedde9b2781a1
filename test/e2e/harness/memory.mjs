// Peak memory of a run: the sum of PSS (proportional set size: shared pages counted once, split among
// their users) of this process and every process below it — code-server, its extension hosts and
// language servers, Chromium and the test runners — sampled twice a second from /proc.
import fs from 'node:fs';

function descendants(rootPid) {
  const children = new Map();
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue; // exited meanwhile
    }
    // the command name (field 2) may hold spaces and parentheses: parse after its last ')'
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    if (!children.has(ppid)) children.set(ppid, []);
    children.get(ppid).push(Number(name));
  }
  const out = [rootPid];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]) ?? []));
  return out;
}

function pssKiB(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Starts sampling; `stop()` returns the peak in MiB (0 where /proc has no smaps_rollup). */
export function startMemorySampler(intervalMs = 500) {
  let peakKiB = 0;
  const sample = () => {
    const total = descendants(process.pid).reduce((sum, pid) => sum + pssKiB(pid), 0);
    peakKiB = Math.max(peakKiB, total);
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  timer.unref();
  return {
    peakMiB: () => Math.round(peakKiB / 1024),
    stop() {
      clearInterval(timer);
      sample();
      return Math.round(peakKiB / 1024);
    },
  };
}
