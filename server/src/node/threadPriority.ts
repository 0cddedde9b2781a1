/**
 * The server's main thread first: on Linux, V8's helper threads (the optimizing compiler's and the
 * garbage collector's background work) run at a lower priority than the thread that answers the editor.
 *
 * Why: the first check of a large document makes V8 compile its hot functions on those threads while the
 * check runs. On a 2-core machine, four of them and the main thread share two cores, and the main thread
 * waited for a core: a 910 KB issue got its first diagnostics ~650 ms after didOpen for ~400 ms of the main
 * thread's CPU. With the helpers at nice 10, the wall time came down to about the CPU time (README, Speed).
 * They still run whenever a core is free, and the kernel never starves them (nice 10 keeps a tenth of a
 * normal thread's share on a full machine), so the compiled code still arrives; the main thread simply
 * goes first.
 *
 * Written by hand: no package sets thread priorities (Node's os.setPriority sets one; on Linux a thread id
 * names one thread, see setpriority(2)). Linux only: elsewhere a thread id is not something
 * os.setPriority may be given. Threads started later (libuv's file system pool, started by the main
 * thread) keep the main thread's priority.
 */
import * as fs from 'fs';
import * as os from 'os';

/** The nice value given to the helper threads: lower than the main thread's, never starved. */
export const HELPER_NICE = 10;

/**
 * Lowers the priority of every thread of this process but the main one to HELPER_NICE (one already at it
 * or nicer is left). Returns how many now run at HELPER_NICE or nicer (0 off Linux, or when /proc cannot be
 * read); never throws.
 */
export function mainThreadFirst(platform: NodeJS.Platform = process.platform): number {
  if (platform !== 'linux') return 0;
  let lowered = 0;
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const name of tids) {
    const tid = Number(name);
    if (!Number.isInteger(tid) || tid === process.pid) continue; // the main thread's id is the process id
    try {
      // Only lowered, never raised: a thread already nicer than HELPER_NICE stays as it is.
      if (os.getPriority(tid) < HELPER_NICE) os.setPriority(tid, HELPER_NICE);
      lowered++;
    } catch {
      // The thread ended meanwhile, or the system refuses: it keeps its priority.
    }
  }
  return lowered;
}
