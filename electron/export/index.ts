// One checklist, every export: the PDF, Markdown, JSON and the ready-to-paste firewall rules.
// The CLI (`trunkcheck checklist`) and the wizard's export buttons both call this.
import type { Checklist } from '../../shared/checklist/model';
import { renderJson } from '../../shared/export/json';
import { renderMarkdown } from '../../shared/export/markdown';
import type { AppendixSection } from '../../shared/export/document';
import { appendixText, applicableFormats, findFirewallFormat } from '../../shared/firewall';
import { isExportValueError } from '../../shared/firewall/common';
import { fail, ok, type Result } from '../../shared/result';
import { utf8Encode } from '../../shared/bytes';
import { renderPdf } from './pdf';

import { EXPORT_FORMATS } from '../../shared/checklist/formats';

export { EXPORT_FORMATS };

export interface ExportedFile {
  readonly fileName: string;
  readonly mime: string;
  readonly bytes: Uint8Array;
}

// The appendix holds only the firewall syntaxes asked for, in the order of FIREWALL_FORMATS:
// all eight made the checklist fifteen pages the customer never reads (issue 15).
export function firewallAppendix(checklist: Checklist, firewalls: readonly string[] = []): AppendixSection[] {
  return applicableFormats(checklist).filter((format) => firewalls.includes(format.id)).map((format) => ({ title: format.name, body: appendixText(format, checklist) }));
}

export interface ExportOptions {
  readonly fontDir?: string;
  readonly firewalls?: readonly string[];   // firewall ids for the PDF's and Markdown's appendix; none by default
}

function baseName(checklist: Checklist): string {
  // "Büro Köln" → "Buro-Koln": accents dropped, not split into dashes.
  const site = checklist.site.name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\w-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 40) || 'site';
  return `trunkcheck-${site}-${checklist.createdAt.slice(0, 10)}`;
}

export async function exportChecklist(checklist: Checklist, format: string, options: ExportOptions = {}): Promise<Result<ExportedFile>> {
  const name = baseName(checklist);
  const appendix = (): AppendixSection[] => firewallAppendix(checklist, options.firewalls);
  try {
    switch (format) {
      case 'pdf':
        return ok({ fileName: `${name}.pdf`, mime: 'application/pdf', bytes: await renderPdf(checklist, { appendix: appendix(), ...(options.fontDir === undefined ? {} : { fontDir: options.fontDir }) }) });
      case 'md':
        return ok({ fileName: `${name}.md`, mime: 'text/markdown; charset=utf-8', bytes: utf8Encode(renderMarkdown(checklist, appendix())) });
      case 'json':
        return ok({ fileName: `${name}.json`, mime: 'application/json', bytes: utf8Encode(renderJson(checklist)) });
      default: {
        const firewall = findFirewallFormat(format);
        if (firewall === undefined) return fail('export/unknown-format', { format: format.slice(0, 30), formats: EXPORT_FORMATS });
        const text = firewall.render(checklist);
        // Windows PowerShell 5.1 reads a script without a byte-order mark as ANSI: give it one.
        const bom = firewall.id === 'windows' ? Uint8Array.of(0xef, 0xbb, 0xbf) : new Uint8Array(0);
        const body = utf8Encode(text);
        const bytes = new Uint8Array(bom.length + body.length);
        bytes.set(bom);
        bytes.set(body, bom.length);
        return ok({ fileName: `${name}-${firewall.id}.${firewall.fileExtension}`, mime: 'text/plain; charset=utf-8', bytes });
      }
    }
  } catch (error) {
    // A value of the wrong type where a firewall export writes code: the sentence names the field.
    if (isExportValueError(error)) return { ok: false, error: error.data };
    return fail('export/failed', { format: format.slice(0, 30), detail: (error as Error).message });
  }
}
