// Every error code, worded in both languages. The sample tables are typed by code, so a new code
// without a sample does not compile, and the loops find a code whose wording is missing, empty or
// (in German) English. Variants cover every value a wording branches on.
import { describe, expect, it } from 'vitest';
import { errorOf, fail } from '../../../shared/result';
import { LANGUAGES, word } from '../../../shared/text';
import {
  ASKED,
  DOCUMENT_PROBLEM_CODES,
  ERROR_CODES,
  FS_CAUSES,
  isErrorData,
  PROFILE_PROBLEMS,
  PROVIDER_PROBLEMS,
  REQUEST_KINDS,
  SAVED,
  SCHEMA_PROBLEM_CODES,
  SETTINGS_DAMAGE,
  SIP_TOKENS,
  TOKEN_KINDS,
  type DocumentProblemCode,
  type DocumentProblemOf,
  type ErrorCode,
  type ErrorData,
  type ErrorOf,
  type SchemaProblemCode,
  type SchemaProblemOf,
} from '../../../shared/text/messages/errors';
import { fromLegacyText } from '../../../shared/text/messages/legacy';

const text = { excerpt: '"x7"', length: null };

const PROBLEMS: { readonly [C in SchemaProblemCode]: SchemaProblemOf<C> } = {
  'schema/not-text': { code: 'schema/not-text', seen: { excerpt: '42', length: null } },
  'schema/too-long': { code: 'schema/too-long', max: 200, seen: { excerpt: '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa…"', length: 201 } },
  'schema/control-character': { code: 'schema/control-character', seen: { excerpt: '"Zeile\\u000aZwei"', length: null } },
  'schema/not-token': { code: 'schema/not-token', token: 'profile-id', seen: { excerpt: '"Swyx Ware"', length: null } },
  'schema/not-ip': { code: 'schema/not-ip', seen: { excerpt: '"10.0.0.256"', length: null } },
  'schema/not-ipv6': { code: 'schema/not-ipv6', seen: { excerpt: '"192.168.100.5"', length: null } },
  'schema/not-host': { code: 'schema/not-host', seen: { excerpt: '"$(id)"', length: null } },
  'schema/not-server': { code: 'schema/not-server', seen: text },
  'schema/not-port': { code: 'schema/not-port', seen: { excerpt: '70000', length: null } },
  'schema/not-integer': { code: 'schema/not-integer', min: 100, max: 699, seen: { excerpt: '1.5', length: null } },
  'schema/not-number': { code: 'schema/not-number', min: -1000000, max: 1000000, seen: { excerpt: '"12 ms"', length: null } },
  'schema/not-flag': { code: 'schema/not-flag', seen: { excerpt: '"ja"', length: null } },
  'schema/not-one-of': { code: 'schema/not-one-of', values: ['outbound-signalling', 'inbound-signalling'], seen: { excerpt: '"rule-5"', length: null } },
  'schema/not-literal': { code: 'schema/not-literal', expected: 'true', seen: { excerpt: 'false', length: null } },
  'schema/not-timestamp': { code: 'schema/not-timestamp', seen: { excerpt: '"gestern"', length: null } },
  'schema/not-list': { code: 'schema/not-list', seen: { shape: 'object' } },
  'schema/too-many': { code: 'schema/too-many', count: 5, max: 4 },
  'schema/not-object': { code: 'schema/not-object', seen: { shape: 'list' } },
  'schema/missing': { code: 'schema/missing' },
  'schema/not-message': { code: 'schema/not-message', kind: 'evidence', seen: { shape: 'object' } },
  'schema/not-error': { code: 'schema/not-error', seen: { shape: 'object' } },
  'schema/backwards': { code: 'schema/backwards', from: 56000, to: 55000 },
  'schema/no-stun-server': { code: 'schema/no-stun-server' },
  'schema/rule-twice': { code: 'schema/rule-twice' },
  'schema/no-pbx-address-for-family': { code: 'schema/no-pbx-address-for-family' },
};

const DOCUMENTS: { readonly [C in DocumentProblemCode]: DocumentProblemOf<C> } = {
  'document/not-json': { code: 'document/not-json' },
  'document/not-report': { code: 'document/not-report' },
  'document/not-checklist': { code: 'document/not-checklist' },
  'document/newer-report': { code: 'document/newer-report', version: 99, reads: 1 },
  'document/newer-checklist': { code: 'document/newer-checklist', version: 99, reads: 1 },
  'document/damaged-report': { code: 'document/damaged-report', path: 'nat.classic', problem: PROBLEMS['schema/not-one-of'] },
  'document/damaged-checklist': { code: 'document/damaged-checklist' },
  'document/not-saved-file': { code: 'document/not-saved-file' },
};

const folder = '/srv/trunkcheck/history/sites/buero-koeln';
const file = `${folder}/20261123T212140263Z-report.json`;

const SAMPLES: { readonly [C in ErrorCode]: ErrorOf<C> } = {
  'ipc/no-arguments': { code: 'ipc/no-arguments' },
  'ipc/no-request': { code: 'ipc/no-request', request: 'diagnose' },
  'ipc/unknown-field': { code: 'ipc/unknown-field', field: 'stunn', request: 'public-address' },
  'cli/rerun-without-from': { code: 'cli/rerun-without-from' },
  'request/stun-server': { code: 'request/stun-server' },
  'request/sip-server': { code: 'request/sip-server' },
  'request/stun-missing': { code: 'request/stun-missing', provider: null },
  'request/stun-too-many': { code: 'request/stun-too-many', max: 2 },
  'request/local-ip': { code: 'request/local-ip' },
  'request/family': { code: 'request/family' },
  'request/no-ipv6-address': { code: 'request/no-ipv6-address' },
  'request/sip-port': { code: 'request/sip-port' },
  'request/unknown-profile': { code: 'request/unknown-profile', profile: 'asterisk-x', profiles: ['swyxware', '3cx', 'asterisk'] },
  'request/unknown-provider': { code: 'request/unknown-provider', provider: 'telekom-x' },
  'request/rtp-range': { code: 'request/rtp-range' },
  'request/custom-profile': { code: 'request/custom-profile', missing: ['sip-port', 'rtp', 'inbound-media'] },
  'request/inbound-media': { code: 'request/inbound-media' },
  'request/inbound-media-not-custom': { code: 'request/inbound-media-not-custom', profile: 'swyxware' },
  'request/quality-sec': { code: 'request/quality-sec', min: 1, max: 300 },
  'request/interval-sec': { code: 'request/interval-sec', min: 0.2, max: 3600 },
  'request/rerun-check': { code: 'request/rerun-check', checks: ['nat', 'sip', 'register', 'media', 'quality'] },
  'request/register': { code: 'request/register' },
  'request/register-user': { code: 'request/register-user', max: 128 },
  'request/register-password': { code: 'request/register-password', max: 256 },
  'request/register-domain': { code: 'request/register-domain' },
  'request/register-wait': { code: 'request/register-wait', min: 0, max: 300 },
  'request/register-needs-sip': { code: 'request/register-needs-sip' },
  'request/rerun-register-credentials': { code: 'request/rerun-register-credentials' },
  'request/site-id': { code: 'request/site-id' },
  'request/provider-id': { code: 'request/provider-id' },
  'request/history-file': { code: 'request/history-file' },
  'request/firewall': { code: 'request/firewall', firewall: 'checkpoint', firewalls: ['windows', 'nftables', 'iptables', 'mikrotik', 'pfsense', 'lancom', 'fritzbox', 'fortigate'] },
  'request/firewall-not-document': { code: 'request/firewall-not-document', format: 'json' },
  'ipc/not-a-list': { code: 'ipc/not-a-list', field: 'stun' },
  'ipc/bad-media': { code: 'ipc/bad-media' },
  'ipc/not-a-flag': { code: 'ipc/not-a-flag', field: 'lifetime' },
  'ipc/bad-cancel': { code: 'ipc/bad-cancel', checks: ['nat', 'sip', 'media', 'quality'] },
  'ipc/bad-site': { code: 'ipc/bad-site', max: 200, path: 'name', problem: PROBLEMS['schema/too-long'] },
  'ipc/bad-language': { code: 'ipc/bad-language' },
  'ipc/bad-format': { code: 'ipc/bad-format', formats: ['pdf', 'md', 'json', 'windows'] },
  'ipc/unknown-channel': { code: 'ipc/unknown-channel' },
  'ipc/unreadable-request': { code: 'ipc/unreadable-request', channel: 'nat:diagnose' },
  'ipc/forbidden': { code: 'ipc/forbidden' },
  'ipc/too-large': { code: 'ipc/too-large', maxMib: 4 },
  'ipc/not-json': { code: 'ipc/not-json' },
  'internal/error': { code: 'internal/error', channel: 'nat:diagnose', detail: 'TypeError: x.y' },
  'internal/stun-check': { code: 'internal/stun-check', detail: 'TypeError: x.y' },
  'app/monitor-running': { code: 'app/monitor-running', asked: 'check' },
  'app/busy': { code: 'app/busy', asked: 'check' },

  'report/too-large': { code: 'report/too-large', file: '/tmp/bericht.json', mb: 64 },
  'report/not-json': { code: 'report/not-json', file: '/tmp/bericht.json' },
  'report/foreign': { code: 'report/foreign', file: '/tmp/bericht.json' },
  'report/no-version': { code: 'report/no-version', file: '/tmp/bericht.json' },
  'report/unknown-version': { code: 'report/unknown-version', file: '/tmp/bericht.json', version: '0' },
  'report/newer': { code: 'report/newer', file: '/tmp/bericht.json', version: 99, reads: 1 },
  'report/damaged': { code: 'report/damaged', file: '/tmp/bericht.json', path: 'rules[0].id', problem: PROBLEMS['schema/not-one-of'] },
  'report/unreadable': { code: 'report/unreadable', file: '/tmp/bericht.json', cause: 'ENOENT' },
  'checklist/too-large': { code: 'checklist/too-large', file: '/tmp/liste.json', mb: 8 },
  'checklist/not-json': { code: 'checklist/not-json', file: '/tmp/liste.json' },
  'checklist/is-report': { code: 'checklist/is-report', file: '/tmp/liste.json' },
  'checklist/foreign': { code: 'checklist/foreign', file: '/tmp/liste.json' },
  'checklist/newer': { code: 'checklist/newer', file: '/tmp/liste.json', version: 99, reads: 1 },
  'checklist/unknown-version': { code: 'checklist/unknown-version', file: '/tmp/liste.json', version: '"1"' },
  'checklist/damaged': { code: 'checklist/damaged', file: '/tmp/liste.json', path: 'network.pbxIp', problem: PROBLEMS['schema/not-ip'] },
  'checklist/unknown-profile': { code: 'checklist/unknown-profile', profile: 'asterisk' },

  'store/open-failed': { code: 'store/open-failed', folder, cause: 'EACCES' },
  'store/settings-reset': { code: 'store/settings-reset', file: `${folder}/settings.json`, reason: 'not-json', detail: null, aside: `${folder}/settings.corrupt.json` },
  'store/settings-newer': { code: 'store/settings-newer', file: `${folder}/settings.json`, version: '9.0.0', reads: '1.0.0' },
  'store/settings-invalid': { code: 'store/settings-invalid', detail: 'data/sites/0/sipPort <= 65535' },
  'store/write-failed': { code: 'store/write-failed', what: 'report', folder, cause: 'ENOSPC' },
  'store/names-taken': { code: 'store/names-taken', what: 'report', folder, tries: 1000 },
  'store/provider-exists': { code: 'store/provider-exists', provider: 'sipgate' },
  'store/bad-site-id': { code: 'store/bad-site-id', id: '../etc' },
  'store/not-saved': { code: 'store/not-saved', what: 'report', problem: DOCUMENTS['document/damaged-report'] },
  'store/not-writable': { code: 'store/not-writable', site: 'buero-koeln', folder, cause: 'EROFS' },
  'store/quarantined': { code: 'store/quarantined', file, problem: DOCUMENTS['document/not-json'], destination: `${folder}/quarantine/x.json` },
  'store/corrupt': { code: 'store/corrupt', file, problem: DOCUMENTS['document/not-json'], target: `${folder}/quarantine`, cause: 'EACCES' },
  'store/newer': { code: 'store/newer', file, problem: DOCUMENTS['document/newer-report'] },
  'store/dated-ahead': { code: 'store/dated-ahead', file, time: '2031-01-01T00:00:00.000Z', clock: '2026-11-23T21:21:40.263Z' },
  'store/missing': { code: 'store/missing', file },
  'store/read-failed': { code: 'store/read-failed', file, cause: 'EIO' },
  'store/list-failed': { code: 'store/list-failed', folder, cause: 'EACCES' },
  'store/not-in-history': { code: 'store/not-in-history', file: '/etc/passwd', folder },
  'store/not-a-report': { code: 'store/not-a-report', file: 'sites/mueller-koeln/20261123T210000000Z-checklist.json' },
  'site/missing': { code: 'site/missing' },
  'site/bad-id': { code: 'site/bad-id' },
  'site/no-name': { code: 'site/no-name', max: 200 },
  'site/bad-customer': { code: 'site/bad-customer', max: 200 },
  'site/bad-technician': { code: 'site/bad-technician', max: 200 },
  'site/unknown-profile': { code: 'site/unknown-profile', profile: 'asterisk' },
  'site/unknown-provider': { code: 'site/unknown-provider', provider: 'telekom-xyz' },
  'site/bad-stun-servers': { code: 'site/bad-stun-servers', max: 10 },
  'site/bad-sip-server': { code: 'site/bad-sip-server' },
  'site/bad-local-ip': { code: 'site/bad-local-ip' },
  'site/bad-sip-port': { code: 'site/bad-sip-port' },
  'settings/missing': { code: 'settings/missing' },
  'settings/bad-language': { code: 'settings/bad-language' },
  'settings/bad-last-site': { code: 'settings/bad-last-site' },
  'settings/bad-stun-server': { code: 'settings/bad-stun-server' },
  'settings/bad-qos': { code: 'settings/bad-qos' },
  'settings/unknown': { code: 'settings/unknown', name: 'colour' },

  'file/unusable': { code: 'file/unusable', file: '/tmp/liste.pdf', cause: 'EACCES' },
  'file/dangling-link': { code: 'file/dangling-link', file: '/tmp/liste.pdf', to: '/tmp/weg.pdf' },
  'file/is-folder': { code: 'file/is-folder', file: '/tmp' },
  'file/disk-device': { code: 'file/disk-device', file: '/dev/sda' },
  'file/socket': { code: 'file/socket', file: '/run/x.sock' },
  'file/folder-is-file': { code: 'file/folder-is-file', folder: '/tmp/datei', file: '/tmp/datei/liste.pdf' },
  'file/no-folder': { code: 'file/no-folder', folder: '/tmp/fehlt', file: '/tmp/fehlt/liste.pdf' },
  'file/not-writable': { code: 'file/not-writable', folder: '/tmp/nur-lesen', file: '/tmp/nur-lesen/liste.pdf', cause: 'EACCES' },
  'file/write-failed': { code: 'file/write-failed', file: '/tmp/liste.pdf', cause: 'ENOSPC' },

  'net/port-in-use': { code: 'net/port-in-use', port: 65002 },
  'net/address-not-available': { code: 'net/address-not-available', ip: '192.168.100.99' },
  'net/permission-denied': { code: 'net/permission-denied', ip: '0.0.0.0', port: 80 },
  'net/socket': { code: 'net/socket', ip: '0.0.0.0', port: 65002, detail: 'EHOSTDOWN' },
  'target/invalid': { code: 'target/invalid', text: 'stun:::1', role: 'server' },
  'target/missing': { code: 'target/missing' },
  'dns/not-found': { code: 'dns/not-found', host: 'stun.example.invalid', family: 4 },
  'dns/failed': { code: 'dns/failed', host: 'stun.example.net', errno: 'ESERVFAIL' },
  'stun/timeout': { code: 'stun/timeout', server: '203.0.113.10:3478', requests: 5, waitedMs: 7500, port: 65002 },
  'stun/wrong-source': { code: 'stun/wrong-source', server: '203.0.113.10:3478', requests: 5, waitedMs: 7500, from: ['198.51.100.7:3478'] },
  'stun/error-response': { code: 'stun/error-response', server: '203.0.113.10:3478', status: 420, reason: 'Unknown Attribute' },
  'stun/no-mapped-address': { code: 'stun/no-mapped-address', server: '203.0.113.10:3478' },
  'stun/malformed-response': { code: 'stun/malformed-response', server: '203.0.113.10:3478', detail: 'attribute/length: 3' },
  'stun/no-answer': { code: 'stun/no-answer' },
  'checks/cancelled': { code: 'checks/cancelled' },
  'checks/rerun-mismatch': { code: 'checks/rerun-mismatch', profile: '3cx', sipPort: 5060, localIp: '192.168.100.5', stun: 'stun.example.net:3478' },

  'dns/nxdomain': { code: 'dns/nxdomain', name: 'sip.example.invalid' },
  'dns/no-address': { code: 'dns/no-address', name: 'sip.example.net', families: [4, 6] },
  'dns/servfail': { code: 'dns/servfail', type: 'NAPTR', name: 'sip.example.net' },
  'dns/timeout': { code: 'dns/timeout', type: 'SRV', name: '_sip._udp.sip.example.net' },
  'dns/refused': { code: 'dns/refused', type: 'A', name: 'sip.example.net' },
  'dns/unreachable': { code: 'dns/unreachable', type: 'AAAA', name: 'sip.example.net' },
  'dns/query-failed': { code: 'dns/query-failed', type: 'A', name: 'sip.example.net', errno: 'EBADRESP' },
  'dns/no-target': { code: 'dns/no-target' },
  'sip/no-udp': { code: 'sip/no-udp', target: 'sip.example.net' },
  'sip/bad-uri-host': { code: 'sip/bad-uri-host', host: '999.1.1.1' },
  'sip/bad-port': { code: 'sip/bad-port', port: 70000 },
  'sip/bad-sent-by': { code: 'sip/bad-sent-by', ip: 'pbx.local' },
  'sip/bad-cseq': { code: 'sip/bad-cseq', cseq: -1 },
  'sip/bad-token': { code: 'sip/bad-token', value: 'a b', token: 'Call-ID' },
  'sip/bad-branch': { code: 'sip/bad-branch', cookie: 'z9hG4bK' },
  'sip/bad-version': { code: 'sip/bad-version', version: '1 0' },
  'sip/bad-user': { code: 'sip/bad-user', user: 'trunk 1' },
  'tcp/refused': { code: 'tcp/refused', target: '203.0.113.20:5060' },
  'tcp/timeout': { code: 'tcp/timeout', target: '203.0.113.20:5060', ms: 3000 },
  'tcp/unreachable': { code: 'tcp/unreachable', target: '203.0.113.20:5060', errno: 'EHOSTUNREACH' },
  'tcp/failed': { code: 'tcp/failed', target: '203.0.113.20:5060', errno: 'ECONNRESET' },
  'tls/timeout': { code: 'tls/timeout', target: '203.0.113.20:5061', ms: 5000 },
  'tls/handshake-failed': { code: 'tls/handshake-failed', target: '203.0.113.20:5061', detail: 'WRONG_VERSION_NUMBER' },
  'tls/no-certificate': { code: 'tls/no-certificate', target: '203.0.113.20:5061' },
  'tls/expired': { code: 'tls/expired', server: 'sip.example.net', target: '203.0.113.20:5061', date: '2026-01-31' },
  'tls/not-yet-valid': { code: 'tls/not-yet-valid', server: 'sip.example.net', target: '203.0.113.20:5061', date: '2027-01-31' },
  'tls/name-mismatch': { code: 'tls/name-mismatch', server: 'sip.example.net', target: '203.0.113.20:5061', names: ['*.example.org'] },
  'tls/self-signed': { code: 'tls/self-signed', server: 'sip.example.net', target: '203.0.113.20:5061' },
  'tls/untrusted': { code: 'tls/untrusted', server: 'sip.example.net', target: '203.0.113.20:5061', reason: 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY' },

  'export/unknown-format': { code: 'export/unknown-format', format: 'cisco', formats: ['pdf', 'md', 'json'] },
  'export/failed': { code: 'export/failed', format: 'pdf', detail: 'ENOMEM' },
  'export/no-result': { code: 'export/no-result', exitCode: 1 },
  'export/invalid-value': { code: 'export/invalid-value', field: 'rules[0].source.addresses[1]', kind: 'ip-address' },
  'export/cancelled': { code: 'export/cancelled' },
  'export/too-slow': { code: 'export/too-slow', seconds: 60 },
  'export/too-large': { code: 'export/too-large', mib: 512 },

  'catalog/invalid-provider': { code: 'catalog/invalid-provider', provider: 'mein-anbieter', problem: 'sip-port', note: null },
  'catalog/provider-skipped': { code: 'catalog/provider-skipped', provider: 'mein-anbieter', problem: 'note-source', note: 'Nur mit fester IP' },
  'catalog/no-providers': { code: 'catalog/no-providers' },
  'catalog/profile-skipped': { code: 'catalog/profile-skipped', profile: 'meine-anlage', problem: 'port', key: 'sipPort' },
  'catalog/no-profiles': { code: 'catalog/no-profiles' },

  'cli/unknown-command': { code: 'cli/unknown-command', command: 'diagnoze' },
  'cli/unknown-option': { code: 'cli/unknown-option', option: '--stnu', command: 'diagnose' },
  'cli/option-takes-no-value': { code: 'cli/option-takes-no-value', option: 'json' },
  'cli/option-needs-value': { code: 'cli/option-needs-value', option: 'profile' },
  'cli/option-twice': { code: 'cli/option-twice', option: 'sip' },
  'cli/not-a-port': { code: 'cli/not-a-port', option: 'port', value: '80a' },
  'cli/bad-language': { code: 'cli/bad-language', value: 'fr' },
  'cli/diagnose-argument': { code: 'cli/diagnose-argument', argument: 'stun.sipgate.net' },
  'cli/options-contradict': { code: 'cli/options-contradict', first: 'rtp-full', second: 'no-media' },
  'cli/no-report': { code: 'cli/no-report' },
  'cli/pdf-needs-file': { code: 'cli/pdf-needs-file' },
  'cli/provider-unreadable': { code: 'cli/provider-unreadable', file: '/tmp/anbieter.json', cause: 'ENOENT' },
  'cli/provider-not-json': { code: 'cli/provider-not-json', file: '/tmp/anbieter.json' },
  'cli/monitor-stopped': { code: 'cli/monitor-stopped' },
  'cli/password-empty': { code: 'cli/password-empty' },
  'cli/password-aborted': { code: 'cli/password-aborted' },
  'cli/password-unreadable': { code: 'cli/password-unreadable', cause: 'EISDIR' },
  'cli/register-option-alone': { code: 'cli/register-option-alone', option: 'inbound-wait' },
  'cli/ui-not-built': { code: 'cli/ui-not-built', folder: '/opt/trunkcheck/out/renderer' },
  'cli/ui-port-in-use': { code: 'cli/ui-port-in-use', port: 8080 },
  'cli/ui-failed': { code: 'cli/ui-failed', detail: 'EMFILE' },
  'decode/no-packet': { code: 'decode/no-packet' },
  'decode/not-hex': { code: 'decode/not-hex' },
  'decode/not-stun': { code: 'decode/not-stun', bytes: 20, place: 'message/length', detail: 'length field says 4 but 0 bytes follow the header' },
  'decode/not-sip': { code: 'decode/not-sip', place: 'header/cseq', detail: 'the CSeq header is missing' },
  'decode/neither': { code: 'decode/neither', bytes: 2, first: '0xff' },
  'http/wrong-host': { code: 'http/wrong-host', hosts: ['127.0.0.1:8080', 'localhost:8080'] },
  'http/other-site': { code: 'http/other-site' },
  'http/no-token': { code: 'http/no-token' },
  'http/too-many-streams': { code: 'http/too-many-streams' },
  'http/use-post': { code: 'http/use-post' },
  'http/method-not-allowed': { code: 'http/method-not-allowed' },
  'http/not-found': { code: 'http/not-found' },
  'http/too-slow': { code: 'http/too-slow' },
  'http/headers-too-large': { code: 'http/headers-too-large' },
  'http/malformed': { code: 'http/malformed' },
  'ui/connection': { code: 'ui/connection' },
  'ui/http': { code: 'ui/http', status: 502, detail: null },
};

// Every value a wording branches on.
const VARIANTS: readonly ErrorData[] = [
  ...Object.values(SAMPLES),
  ...Object.values(PROBLEMS).map((problem) => ({ ...SAMPLES['ipc/bad-site'], problem })),
  { ...SAMPLES['ipc/bad-site'], path: '' },
  ...TOKEN_KINDS.map((token) => ({ ...SAMPLES['ipc/bad-site'], problem: { ...PROBLEMS['schema/not-token'], token } })),
  { ...SAMPLES['ipc/bad-site'], problem: { ...PROBLEMS['schema/not-text'], seen: null } },
  { ...SAMPLES['ipc/bad-site'], problem: { ...PROBLEMS['schema/not-text'], seen: { shape: 'list' } } },
  ...Object.values(DOCUMENTS).map((problem) => ({ ...SAMPLES['store/quarantined'], problem })),
  { ...SAMPLES['store/newer'], problem: DOCUMENTS['document/newer-checklist'] },
  { ...SAMPLES['store/not-saved'], problem: { ...DOCUMENTS['document/damaged-report'], path: null, problem: null } },
  ...SAVED.flatMap((what) => [{ ...SAMPLES['store/write-failed'], what }, { ...SAMPLES['store/names-taken'], what }, { ...SAMPLES['store/not-saved'], what }]),
  ...REQUEST_KINDS.flatMap((request) => [{ ...SAMPLES['ipc/no-request'], request }, { ...SAMPLES['ipc/unknown-field'], request }]),
  ...ASKED.flatMap((asked) => [{ ...SAMPLES['app/busy'], asked }, { ...SAMPLES['app/monitor-running'], asked }]),
  ...SETTINGS_DAMAGE.map((reason) => ({ ...SAMPLES['store/settings-reset'], reason })),
  { ...SAMPLES['store/settings-reset'], reason: 'schema', detail: 'data/qos: boolean' },
  ...[...FS_CAUSES, 'ELOOP'].map((cause) => ({ ...SAMPLES['file/write-failed'], cause })),
  ...SIP_TOKENS.map((token) => ({ ...SAMPLES['sip/bad-token'], token })),
  ...PROVIDER_PROBLEMS.map((problem) => ({ ...SAMPLES['catalog/provider-skipped'], problem, note: null })),
  ...PROFILE_PROBLEMS.map((problem) => ({ ...SAMPLES['catalog/profile-skipped'], problem, key: null })),
  { ...SAMPLES['request/stun-missing'], provider: 'sipgate' },
  { ...SAMPLES['request/unknown-profile'], profile: null },
  { ...SAMPLES['request/unknown-provider'], provider: null },
  { ...SAMPLES['target/invalid'], role: 'sip' },
  { ...SAMPLES['internal/error'], channel: null },
  { ...SAMPLES['stun/timeout'], port: null, requests: 1 },
  { ...SAMPLES['stun/error-response'], status: null, reason: null },
  { ...SAMPLES['checks/rerun-mismatch'], profile: null, localIp: null, stun: null },
  { ...SAMPLES['dns/no-address'], families: [4] },
  { ...SAMPLES['dns/not-found'], family: 6 },
  { ...SAMPLES['tls/name-mismatch'], names: [] },
  { ...SAMPLES['tls/untrusted'], reason: null },
  { ...SAMPLES['export/failed'], format: null },
  { ...SAMPLES['ui/http'], detail: 'Forbidden' },
  ...(['report/too-large', 'report/not-json', 'report/foreign', 'report/no-version', 'report/unknown-version', 'report/newer', 'report/damaged'] as const).map((code) => ({ ...SAMPLES[code], file: null })),
  ...(['checklist/too-large', 'checklist/not-json', 'checklist/is-report', 'checklist/foreign', 'checklist/newer', 'checklist/unknown-version', 'checklist/damaged'] as const).map((code) => ({
    ...SAMPLES[code],
    file: null,
  })),
  { ...SAMPLES['checklist/unknown-version'], version: null },
] as ErrorData[];

// Words that mark an English sentence; none of them is a German word or a protocol name.
const ENGLISH = [' the ', ' was ', ' were ', ' from ', ' could ', ' not ', ' and ', ' with ', ' is ', ' of ', ' to ', ' answered', ' request ', 'allow ', ' any ', 'skipped', ' held ', ' by ', ' must ', ' cannot ', ' has ', ' no ', ' it ', ' this '];

describe('the wording of errors', () => {
  it('has a sample for every code, problem and document problem, and every variant passes the check a reader makes', () => {
    expect(Object.keys(SAMPLES).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(PROBLEMS).sort()).toEqual([...SCHEMA_PROBLEM_CODES].sort());
    expect(Object.keys(DOCUMENTS).sort()).toEqual([...DOCUMENT_PROBLEM_CODES].sort());
    for (const error of VARIANTS) expect(isErrorData(error), JSON.stringify(error)).toBe(true);
  });

  for (const language of LANGUAGES) {
    it(`words every code in ${language === 'en' ? 'English' : 'German'}, as one full sentence or more`, () => {
      for (const error of VARIANTS) {
        const text = word(language, error);
        expect(text, error.code).toMatch(/^\S.{10,}[.)?]$/s);
        expect(text, error.code).not.toMatch(/undefined|\(null\)|NaN|\[object|\[[a-z]+\/[a-z-]+\]/);
      }
    });
  }

  it('says every German wording without an English sentence', () => {
    for (const error of VARIANTS) {
      const text = ` ${word('de', error)} `;
      for (const marker of ENGLISH) expect(text.toLowerCase(), `${error.code}: ${text}`).not.toContain(marker);
    }
  });

  it('words every code differently in German than in English', () => {
    for (const error of VARIANTS) {
      if (error.code === 'legacy/text') continue;
      expect(word('de', error), error.code).not.toBe(word('en', error));
    }
  });

  it('keeps the sentences as they were reviewed', () => {
    expect(word('en', SAMPLES['stun/timeout'])).toBe(
      "No STUN answer from 203.0.113.10:3478 after 5 requests in 7.5 s. Outbound UDP from port 65002 seems blocked, or the server is down: allow UDP from this machine's port 65002 to the STUN server's port (and its answers back), or try another STUN server.",
    );
    expect(word('en', SAMPLES['report/damaged'])).toBe(
      '/tmp/bericht.json is damaged or was edited: its rules[0].id is not one of outbound-signalling, inbound-signalling ("rule-5"); run the diagnosis again, or use the file as TrunkCheck wrote it.',
    );
    expect(word('en', SAMPLES['store/write-failed'])).toBe(`TrunkCheck could not save the report in ${folder}: the disk is full (ENOSPC).`);
    expect(word('en', { ...SAMPLES['report/not-json'], file: null })).toBe('The report is not JSON: give the file written by "trunkcheck diagnose --json" or --out.');
  });

  it('writes numbers the German way and names the field in German', () => {
    expect(word('de', SAMPLES['stun/timeout'])).toMatch(/^Keine STUN-Antwort von 203\.0\.113\.10:3478 nach 5 Anfragen in 7,5 s\. /);
    expect(word('de', SAMPLES['request/interval-sec'])).toContain('zwischen 0,2 und 3600 Sekunden');
    expect(word('de', SAMPLES['tls/expired'])).toContain('ist am 31.01.2026 abgelaufen');
    expect(word('de', SAMPLES['store/dated-ahead'])).toContain('trägt das Datum 01.01.2031 00:00:00 UTC, später als die Uhr dieses Rechners (23.11.2026 21:21:40 UTC)');
    expect(word('de', SAMPLES['report/damaged'])).toContain('Das Feld rules[0].id ist keiner der Werte outbound-signalling, inbound-signalling ("rule-5").');
  });

  it('shows the English sentence of an old report as it is, in either language', () => {
    const old = fromLegacyText('The STUN server refused the Binding request (401 Unauthorized).');
    for (const language of LANGUAGES) expect(word(language, old)).toBe(old.text);
    expect(isErrorData(old)).toBe(true);
  });
});

describe('an error as data', () => {
  it('carries its code first and exactly its values', () => {
    expect(fail('net/port-in-use', { port: 65002 })).toEqual({ ok: false, error: { code: 'net/port-in-use', port: 65002 } });
    expect(Object.keys(errorOf('tls/expired', { server: 'a', target: 'b:1', date: 'c' }))).toEqual(['code', 'server', 'target', 'date']);
    expect(errorOf('ipc/forbidden')).toEqual({ code: 'ipc/forbidden' });
  });

  it('survives JSON, as over IPC and HTTP', () => {
    for (const error of VARIANTS) expect(JSON.parse(JSON.stringify(error))).toEqual(error);
  });

  it.each([
    ['an unknown code', { code: 'stun/everything-fine' }],
    ['a sentence instead of values', { code: 'net/port-in-use', message: 'UDP port 65002 is already in use.' }],
    ['a missing value', { code: 'net/port-in-use' }],
    ['an extra value', { ...SAMPLES['net/port-in-use'], note: 'hi' }],
    ['a port as text', { code: 'net/port-in-use', port: '65002' }],
    ['an unknown request kind', { ...SAMPLES['ipc/no-request'], request: 'everything' }],
    ['a schema problem with an unknown code', { ...SAMPLES['ipc/bad-site'], problem: { code: 'schema/fine' } }],
    ['a plain sentence', 'The STUN server gave no usable answer.'],
    ['null', null],
  ])('refuses %s', (_name, value) => {
    expect(isErrorData(value)).toBe(false);
  });
});
