import { execFileSync } from "node:child_process";
import type { RunningServer } from "../bench/server";

interface ProcessRow {
  pid: number;
  ppid: number;
  command: string;
}

/** A process and all its descendants, from `ps`. */
export function processTree(root: number): ProcessRow[] {
  const rows = execFileSync("ps", ["-e", "-o", "pid=,ppid=,args="], { encoding: "utf8" })
    .split("\n")
    .map((line) => line.trim().match(/^(\d+)\s+(\d+)\s+(.*)$/))
    .filter((match): match is RegExpMatchArray => match !== null)
    .map((match) => ({ pid: Number(match[1]), ppid: Number(match[2]), command: match[3] as string }));
  const tree = rows.filter((row) => row.pid === root);
  for (let i = 0; i < tree.length; i++) {
    const parent = tree[i] as ProcessRow;
    tree.push(...rows.filter((row) => row.ppid === parent.pid));
  }
  return tree;
}

/**
 * kill -9 of the server: every process of its tree, so that a wrapper cannot leave the real
 * `next-server` process running. (Next 16's `next start` serves from the process it starts as,
 * renamed "next-server (vX)"; the tree is checked so that a change there is noticed.)
 */
export async function killServer(server: RunningServer): Promise<ProcessRow[]> {
  const pid = server.process.pid;
  if (pid === undefined) throw new Error("The server process has no pid");
  const tree = processTree(pid);
  if (!tree.some((row) => row.command.startsWith("next-server")))
    throw new Error(`No next-server process under ${pid}: ${JSON.stringify(tree)}`);
  const exited = new Promise<void>((resolve) => {
    if (server.process.exitCode !== null || server.process.signalCode !== null) resolve();
    else server.process.once("exit", () => resolve());
  });
  for (const row of tree) {
    try {
      process.kill(row.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  await exited;
  const survivors = tree.filter((row) => processTree(row.pid).length > 0);
  if (survivors.length) throw new Error(`Still running after kill -9: ${JSON.stringify(survivors)}`);
  return tree;
}
