// Every format a checklist can be exported to: the documents and the firewall syntaxes.
import { FIREWALL_FORMAT_IDS } from '../firewall/ids';

export const DOCUMENT_FORMATS = ['pdf', 'md', 'json'] as const;
export const EXPORT_FORMATS: readonly string[] = [...DOCUMENT_FORMATS, ...FIREWALL_FORMAT_IDS];
