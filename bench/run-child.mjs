// Runs one bench script in a fresh Node process with a time limit and a resident-memory cap, so a peer that
// hangs or swallows the machine's memory becomes a recorded status instead of a stuck run.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Runs `script` with `argv` in a fresh process; resolves to its last JSON line + status 'ok', or to
 * `{status, cpu_s_so_far, max_rss_seen_mb}` on timeout or RSS cap, or `{status}` on a crash (Linux /proc for RSS/CPU).
 */
export function runChild(script, argv, timeoutS, maxRssMb) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=8192', script, ...argv], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (b) => (out += b));
    child.stderr.on('data', (b) => {
      err += b;
      process.stderr.write(b);
    });
    let timedOut = false;
    let maxSeenMb = 0;
    let cpuSoFar = 0;
    const t0 = performance.now();
    const stop = (status) => {
      timedOut = true;
      clearTimeout(timer);
      clearInterval(watch);
      child.kill('SIGKILL');
      resolve({ status, cpu_s_so_far: cpuSoFar, max_rss_seen_mb: maxSeenMb });
    };
    const timer = setTimeout(() => stop(`timeout after ${timeoutS} s`), timeoutS * 1000);
    // Resident set of the child, polled each second from /proc (Linux); stop it before it starves the shared machine.
    const watch = setInterval(() => {
      let rssMb = 0;
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        rssMb = m ? Math.round(Number(m[1]) / 1024) : 0;
        // utime + stime (fields 14, 15 after the command name) in clock ticks, 100 per second on Linux
        const f = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
        cpuSoFar = (Number(f[11]) + Number(f[12])) / 100;
      } catch {
        return;
      }
      maxSeenMb = Math.max(maxSeenMb, rssMb);
      if (rssMb > maxRssMb) stop(`stopped: RSS ${rssMb} MB > --max-rss-mb ${maxRssMb} after ${Math.round((performance.now() - t0) / 1000)} s`);
    }, 1000);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      clearInterval(watch);
      if (timedOut) return;
      if (code === 0 && out.trim()) resolve({ ...JSON.parse(out.trim().split('\n').pop()), status: 'ok' });
      else {
        const lines = err.trim().split('\n').filter((l) => l.trim());
        const reason = lines.find((l) => /Error|error:/.test(l)) ?? lines[lines.length - 1] ?? '';
        resolve({ status: `failed (exit ${code ?? signal}): ${reason.trim()}` });
      }
    });
  });
}

/**
 * Runs `script --child <run as JSON>` once per run (see {@link runChild}; 8 GB RSS cap) and prints one JSON line per
 * run: the child's result, or the run with its failure status. Resolves to the results of the runs that succeeded.
 */
export async function runChildren(script, runs, timeoutS) {
  const results = [];
  for (const run of runs) {
    const { status, ...result } = await runChild(script, ['--child', JSON.stringify(run)], timeoutS, 8192);
    if (status !== 'ok') console.log(JSON.stringify({ ...run, ...result, status }));
    else {
      console.log(JSON.stringify(result));
      results.push(result);
    }
  }
  return results;
}
