/** Child processes that never outlive the build that started them. */
import { execFile } from 'node:child_process';

export interface ProcessOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Kills the process; the promise still settles only once it has exited. */
  signal?: AbortSignal;
}

/**
 * Runs a process to its end and resolves with its output, or rejects with an error carrying
 * `stdout` and `stderr`. Unlike execFile's own `signal`, an abort is reported only after the
 * process has exited, so a caller that awaits this knows the process is gone.
 */
export function runProcess(file: string, args: string[], { env, cwd, signal }: ProcessOptions = {}): Promise<{ stdout: string; stderr: string }> {
  signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const child = execFile(file, args, { env, cwd, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      signal?.removeEventListener('abort', kill);
      if (signal?.aborted) reject(signal.reason);
      else if (error) reject(Object.assign(error, { stdout, stderr }));
      else resolve({ stdout, stderr });
    });
    const kill = () => child.kill('SIGTERM');
    signal?.addEventListener('abort', kill, { once: true });
  });
}

/**
 * Runs tasks at once and returns what each returned, in order. When one fails, or `signal`
 * aborts, the others are stopped (through the signal each task gets) and awaited before this
 * rejects with the first failure.
 */
export async function runTogether<T>(tasks: ((stop: AbortSignal) => Promise<T>)[], signal?: AbortSignal): Promise<T[]> {
  const failed = new AbortController();
  const stop = signal ? AbortSignal.any([signal, failed.signal]) : failed.signal;
  const outcomes = await Promise.allSettled(
    tasks.map((task) =>
      task(stop).catch((error: unknown) => {
        if (!stop.aborted) failed.abort(error);
        throw error;
      }),
    ),
  );
  signal?.throwIfAborted();
  if (failed.signal.aborted) throw failed.signal.reason;
  const rejected = outcomes.find((outcome) => outcome.status === 'rejected');
  if (rejected) throw rejected.reason;
  return outcomes.map((outcome) => (outcome as PromiseFulfilledResult<T>).value);
}
