// The order in which a client tries SRV targets, as RFC 2782 ("Usage rules") prescribes:
// lowest priority first; within one priority, a weighted random draw, repeated until the
// group is used up. `random` is injected so tests can pin the draw.
export interface SrvRecord {
  readonly name: string;
  readonly port: number;
  readonly priority: number;
  readonly weight: number;
}

export function orderSrvRecords<T extends SrvRecord>(records: readonly T[], random: () => number = Math.random): T[] {
  const priorities = [...new Set(records.map((record) => record.priority))].sort((a, b) => a - b);
  return priorities.flatMap((priority) => drawByWeight(records.filter((record) => record.priority === priority), random));
}

function drawByWeight<T extends SrvRecord>(group: readonly T[], random: () => number): T[] {
  // RFC 2782: "all those with weight 0 are placed at the beginning of the list", so they are
  // picked only when the draw is 0, i.e. rarely while heavier records remain.
  const left = [...group.filter((record) => record.weight === 0), ...group.filter((record) => record.weight > 0)];
  const ordered: T[] = [];
  while (left.length > 0) {
    const sum = left.reduce((total, record) => total + record.weight, 0);
    // "a uniform random number between 0 and the sum computed (inclusive)"
    const draw = Math.min(sum, Math.floor(random() * (sum + 1)));
    let running = 0;
    const index = left.findIndex((record) => (running += record.weight) >= draw);
    ordered.push(...left.splice(index === -1 ? 0 : index, 1));
  }
  return ordered;
}
