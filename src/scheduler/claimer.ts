import { randomUUID } from "node:crypto";
import { hostname } from "node:os";

/**
 * Who holds an outbox claim, as written in `claimed_by`: "<host>:<pid>:<nonce>". The nonce tells
 * a process from an earlier one that had the same pid, as a restarted container has.
 */
export function newClaimerId(): string {
  return `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
}

/** Whether a process with this pid runs on this machine (EPERM: it does, under another user). */
export function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

export interface ClaimerCheck {
  /** Claimers of this very process, live or stopping. */
  ownClaimers: ReadonlySet<string>;
  processExists: (pid: number) => boolean;
}

/**
 * Whether the worker that claimed a row is certainly gone: it ran on this machine and its
 * process no longer exists, or its pid is this process's own but it is none of this process's
 * workers (this process is its restart). A claim of another machine, or one in another form,
 * is never judged here: it waits for its lease.
 */
export function claimerIsGone(claimedBy: string, check: ClaimerCheck): boolean {
  const parts = /^(.+):(\d+):([0-9a-f]{8})$/.exec(claimedBy);
  if (!parts || parts[1] !== hostname()) return false;
  const pid = Number(parts[2]);
  if (pid === process.pid) return !check.ownClaimers.has(claimedBy);
  return !check.processExists(pid);
}
