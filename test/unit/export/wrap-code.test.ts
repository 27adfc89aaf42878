import { describe, expect, it } from 'vitest';
import { wrapCode } from '../../../electron/export/pdf-appendix';

describe('wrapping a vendor snippet line in the PDF appendix', () => {
  it('leaves a short line alone', () => {
    expect(wrapCode('udp dport 65002 accept', 40)).toEqual([{ text: 'udp dport 65002 accept', indent: 0 }]);
  });

  it('breaks after a space and indents the continuation past the line\'s own indentation', () => {
    const lines = wrapCode('    New-NetFirewallRule -DisplayName TrunkCheck-1 -Direction Outbound -Protocol UDP', 40);
    expect(lines[0]).toEqual({ text: '    New-NetFirewallRule -DisplayName', indent: 0 });
    expect(lines.slice(1).every((line) => line.indent === 8 && line.text.length <= 32)).toBe(true);
    expect(lines.map((line) => line.text.trim()).join(' ')).toBe('New-NetFirewallRule -DisplayName TrunkCheck-1 -Direction Outbound -Protocol UDP');
  });

  it('cuts a line without spaces at the column limit, counting characters, not UTF-16 units', () => {
    const lines = wrapCode('ü'.repeat(25) + '✓'.repeat(25), 20);
    expect(lines.map((line) => [...line.text].length)).toEqual([20, 16, 14]);
    expect(lines.map((line) => line.text).join('')).toBe('ü'.repeat(25) + '✓'.repeat(25));
  });
});
