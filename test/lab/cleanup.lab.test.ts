// A lab left behind by a crashed run is removed whole, the fourth namespace of the two-NAT
// topologies (the CGN, the provider's router) included.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { forgetLab, labNamespaces, listNamespaces, recordLab, removeNamespaces, removeStaleLabs } from './cleanup.js';
import { canCreateLabs } from './lab.js';
import { runProcess } from '../support/processes.js';

const capability = await canCreateLabs();

describe.skipIf(!capability.ok)(`lab cleanup${capability.ok ? '' : ` (skipped: ${capability.reason})`}`, () => {
  it('removes every namespace of a two-NAT lab whose owner has exited', async () => {
    let id = randomBytes(2).toString('hex');
    while (!recordLab(id)) id = randomBytes(2).toString('hex');
    const names = Object.values(labNamespaces(id));
    try {
      // The owner: a process that has exited by now.
      const dead = spawnSync(process.execPath, ['-e', '']).pid;
      writeFileSync(`/run/trunkcheck-labs/${id}`, String(dead));
      for (const name of names) expect((await runProcess('ip', ['netns', 'add', name], { timeoutMs: 5000 })).code).toBe(0);
      expect(names).toContain(`tc-${id}-up`);

      const removed = await removeStaleLabs();
      expect(removed.sort()).toEqual(expect.arrayContaining([...names].sort()));
      expect((await listNamespaces()).filter((name) => names.includes(name))).toEqual([]);
    } finally {
      await removeNamespaces(names);
      forgetLab(id);
    }
  });
});
