// Die Fehler auf Deutsch: ein klarer Satz zum Problem und zur Abhilfe. Wortwahl wie im
// Assistenten (renderer/src/i18n/de.ts): TK-Anlage, Anbieter, Standort, Bericht, Checkliste.
import type { Catalog } from '../catalog';
import { FORMAT } from '../format';
import type { DocumentProblem, ErrorMessage, PROFILE_PROBLEMS, PROVIDER_PROBLEMS, SchemaProblem, Seen } from '../messages/errors';

const f = FORMAT.de;
const list = (items: readonly string[]): string => items.join(', ');
// Words from outside that end a sentence, given their full stop.
const ended = (detail: string): string => (/[.!?]$/.test(detail) ? detail : `${detail}.`);
const or = (items: readonly string[]): string => items.join(' oder ');
const num = (value: number): string => String(value).replace('.', ',');
// Der Gegenstand einer Feldprüfung: „Das Feld rules[0].id …“, oder der Wert selbst.
const subject = (path: string): string => (path === '' ? 'Der Wert' : `Das Feld ${path}`);

// Eine genannte Datei, oder das Dokument, das über IPC oder aus der gespeicherten Sitzung kam.
const report = (file: string | null): string => file ?? 'Der Bericht';
const checklist = (file: string | null): string => file ?? 'Die Checkliste';

// „Festplatte voll (ENOSPC)“, knapp wie eine Meldung des Systems; eine Ursache ohne errno-Code
// sind die Worte des Systems.
const FS_CAUSES: { readonly [errno: string]: string } = {
  ENOSPC: 'Festplatte voll',
  EDQUOT: 'Speicherkontingent aufgebraucht',
  EROFS: 'Dateisystem schreibgeschützt',
  EACCES: 'Zugriff verweigert',
  EPERM: 'Vorgang nicht erlaubt',
  ENOTDIR: 'Teil des Pfads ist eine Datei, kein Ordner',
  ENOENT: 'Pfad existiert nicht',
  EISDIR: 'Ordner im Weg',
  EEXIST: 'Datei im Weg, wo ein Ordner hingehört',
  EMFILE: 'Zu viele offene Dateien',
  EIO: 'Ein-/Ausgabefehler der Festplatte',
  EBUSY: 'Datei von einem anderen Programm gesperrt',
};
const fs = (cause: string): string => (Object.hasOwn(FS_CAUSES, cause) ? `${FS_CAUSES[cause]} (${cause})` : cause);

function seen(value: Seen): string {
  if (value === null) return '';
  if ('shape' in value) return value.shape === 'list' ? ' (eine Liste)' : ' (ein Objekt)';
  return ` (${value.excerpt}${value.length === null ? '' : `, ${value.length} Zeichen`})`;
}

const TOKENS = { 'profile-id': 'keine ID einer TK-Anlage wie swyxware', outcome: 'kein Ergebnis wie connected oder timeout', version: 'keine Version wie 0.1.0', 'sip-method': 'keine SIP-Methode wie OPTIONS' } as const;

// Was an einem Feld falsch ist, als Satzende nach seinem Namen („Das Feld rules[0].id …“).
const SCHEMA: Catalog<SchemaProblem> = {
  'schema/not-text': (p) => `ist kein Text${seen(p.seen)}`,
  'schema/too-long': (p) => `ist länger als ${p.max} Zeichen${seen(p.seen)}`,
  'schema/control-character': (p) => `enthält einen Zeilenumbruch oder ein anderes Steuerzeichen${seen(p.seen)}`,
  'schema/not-token': (p) => `ist ${TOKENS[p.token]}${seen(p.seen)}`,
  'schema/not-ip': (p) => `ist keine IP-Adresse${seen(p.seen)}`,
  'schema/not-ipv6': (p) => `ist keine IPv6-Adresse${seen(p.seen)}`,
  'schema/not-host': (p) => `ist weder Hostname noch IP-Adresse${seen(p.seen)}`,
  'schema/not-server': (p) => `ist kein Server in der Form Host oder Host:Port${seen(p.seen)}`,
  'schema/not-port': (p) => `ist keine Portnummer von 1 bis 65535${seen(p.seen)}`,
  'schema/not-integer': (p) => `ist keine ganze Zahl von ${num(p.min)} bis ${num(p.max)}${seen(p.seen)}`,
  'schema/not-number': (p) => `ist keine Zahl von ${num(p.min)} bis ${num(p.max)}${seen(p.seen)}`,
  'schema/not-flag': (p) => `ist weder true noch false${seen(p.seen)}`,
  'schema/not-one-of': (p) => `ist keiner der Werte ${list(p.values)}${seen(p.seen)}`,
  'schema/not-literal': (p) => `ist nicht ${p.expected}${seen(p.seen)}`,
  'schema/not-timestamp': (p) => `ist kein Zeitpunkt wie 2026-11-23T21:21:40.248Z${seen(p.seen)}`,
  'schema/not-list': (p) => `ist keine Liste${seen(p.seen)}`,
  'schema/too-many': (p) => `hat ${p.count} Einträge, mehr als ${p.max}`,
  'schema/not-object': (p) => `ist kein Objekt${seen(p.seen)}`,
  'schema/missing': () => 'fehlt',
  'schema/not-error': (p) => `ist kein Fehler, wie TrunkCheck ihn schreibt${seen(p.seen)}`,
  'schema/not-message': (p) => `ist ${MESSAGE_KIND_NAMES[p.kind]}, wie TrunkCheck ihn schreibt (ein bekannter Code mit seinen Werten)${seen(p.seen)}`,
  'schema/backwards': (p) => `läuft rückwärts, von ${p.from} hinab bis ${p.to}`,
  'schema/no-stun-server': () => 'nennt keinen STUN-Server',
  'schema/rule-twice': () => 'nennt eine Regel doppelt',
  'schema/no-pbx-address-for-family': () => 'enthält eine Regel einer IP-Version, für die die Checkliste keine Adresse der TK-Anlage nennt',
};

export function schemaProblemDe(problem: SchemaProblem): string {
  return (SCHEMA[problem.code] as (problem: SchemaProblem) => string)(problem);
}

const fieldProblem = (path: string, problem: SchemaProblem): string => `${subject(path)} ${schemaProblemDe(problem)}`;

// Warum eine Datei des Verlaufs unbrauchbar ist, als Satzende nach ihrem Namen.
const DOCUMENT: Catalog<DocumentProblem> = {
  'document/not-json': () => 'ist kein gültiges JSON (vielleicht abgeschnitten)',
  'document/not-report': () => 'ist kein TrunkCheck-Bericht',
  'document/not-checklist': () => 'ist keine TrunkCheck-Checkliste',
  'document/newer-report': (p) => `wurde von einem neueren TrunkCheck gespeichert (Berichtsschema ${p.version}, diese Version liest ${p.reads})`,
  'document/newer-checklist': (p) => `wurde von einem neueren TrunkCheck gespeichert (Checklistenschema ${num(p.version)}, diese Version liest ${p.reads})`,
  'document/damaged-report': (p) =>
    `ist ein beschädigter Bericht (${p.path === null || p.problem === null ? 'unlesbar' : `${subject(p.path).replace(/^D/, 'd')} ${schemaProblemDe(p.problem)}`})`,
  'document/damaged-checklist': () => 'ist eine beschädigte Checkliste (Regeln, Ergebnis oder NAT fehlen)',
  'document/not-saved-file': () => 'ist keine Datei, die TrunkCheck gespeichert hat',
};

const documentProblem = (problem: DocumentProblem): string => (DOCUMENT[problem.code] as (problem: DocumentProblem) => string)(problem);

const NO_REQUEST = {
  'public-address': 'Die Prüfung der öffentlichen Adresse braucht ein Objekt mit einem „stun“-Server.',
  diagnose: 'Der NAT-Test braucht ein Objekt mit einer „stun“-Liste.',
  monitor: 'Der Keep-alive-Monitor braucht ein Objekt mit einem „stun“-Server.',
  'checklist-build': 'Zum Erstellen einer Checkliste braucht es einen Bericht, den Standort und die Sprache.',
  'checklist-export': 'Zum Exportieren braucht es eine Checkliste und ein Format.',
  'history-save': 'Zum Speichern braucht es einen Standort und einen Bericht.',
  checklist: 'Die Checkliste fehlt.',
  'provider-save': 'Zum Speichern eines Anbieters braucht es ein Objekt mit dem „provider“.',
  'provider-remove': 'Zum Entfernen eines Anbieters braucht es ein Objekt mit seiner „id“.',
  'history-compare': 'Zum Vergleichen braucht es ein Objekt mit dem älteren („older“) und dem neueren („newer“) gespeicherten Bericht.',
} as const;

const REQUEST_NAMES = {
  'public-address': 'der Anfrage zur öffentlichen Adresse',
  diagnose: 'der Anfrage zum NAT-Test',
  monitor: 'der Anfrage zum Keep-alive-Monitor',
  'checklist-build': 'der Anfrage zur Checkliste',
  'checklist-export': 'der Anfrage zum Export',
  'history-save': 'der Anfrage zum Speichern',
  checklist: 'der Checkliste',
  'provider-save': 'der Anfrage zum Speichern eines Anbieters',
  'provider-remove': 'der Anfrage zum Entfernen eines Anbieters',
  'history-compare': 'der Anfrage zum Vergleich zweier Messungen',
} as const;

// Was TrunkCheck speichern wollte (Akkusativ).
const SAVED = { settings: 'seine Einstellungen', report: 'den Bericht', checklist: 'die Checkliste' } as const;
const SAVED_SUBJECT = { settings: 'Sie', report: 'Er', checklist: 'Sie' } as const;

// 2026-01-31 → 31.01.2026
const date = (iso: string): string => (/^\d{4}-\d\d-\d\d$/.test(iso) ? iso.split('-').reverse().join('.') : iso);

const SETTINGS_DAMAGE = {
  'not-json': 'sie ist kein gültiges JSON',
  'not-object': 'sie enthält kein Einstellungsobjekt',
  'version-unreadable': 'ihre Formatversion ist unlesbar',
  schema: 'sie entspricht nicht dem Format der Einstellungen',
} as const;

const SIP_TOKENS = { branch: 'branch-Parameter', 'Call-ID': 'Call-ID', tag: 'tag-Parameter' } as const;

// Was an einem Katalogeintrag falsch ist, als Satzende nach seinem Namen.
const PROVIDER: { readonly [P in (typeof PROVIDER_PROBLEMS)[number]]: string } = {
  'not-object': 'ist kein Objekt',
  'no-id': 'hat keine gültige ID (Kleinbuchstaben, Ziffern und Bindestriche)',
  'no-name': 'hat keinen Namen',
  'duplicate-id': 'hat dieselbe ID wie ein früherer Eintrag',
  'sip-section': 'hat einen ungültigen Abschnitt „sip“',
  'sip-host': 'hat einen ungültigen SIP-Host',
  'alternate-hosts': 'hat eine ungültige Liste weiterer SIP-Hosts',
  'sip-port': 'hat einen ungültigen SIP-Port',
  'sip-transport': 'hat einen ungültigen SIP-Transport (udp, tcp, tls oder null)',
  'outbound-proxy': 'hat einen ungültigen Outbound-Proxy',
  'sip-source': 'nennt keine Quelle für seinen SIP-Server',
  'stun-section': 'hat einen ungültigen Abschnitt „stun“',
  'stun-host': 'hat einen ungültigen STUN-Host',
  'stun-port': 'hat einen ungültigen STUN-Port',
  'stun-source': 'nennt keine Quelle für seinen STUN-Server',
  'media-section': 'hat einen ungültigen Abschnitt „media“',
  'media-range': 'hat einen ungültigen Bereich der Sprachports',
  'media-networks': 'hat eine ungültige Liste der Mediennetze (CIDR, z. B. 168.86.128.0/18)',
  'media-source': 'nennt keine Quelle für seine Sprachports',
  'networks-section': 'hat einen ungültigen Abschnitt „networks“',
  'networks-list': 'hat eine ungültige Liste der Netze (CIDR, z. B. 109.68.96.0/21)',
  'networks-source': 'nennt keine Quelle für seine Netze',
  'quality-section': 'hat einen ungültigen Abschnitt „quality“',
  'loss-limit': 'hat eine ungültige Grenze für Paketverlust (Prozent, 0–100)',
  'delay-limit': 'hat eine ungültige Grenze für Verzögerung oder Jitter (ms)',
  'quality-source': 'nennt keine Quelle für seine Qualitätsgrenzen',
  'notes-list': 'hat eine ungültige Liste von Hinweisen',
  'note-text': 'hat einen Hinweis ohne Text',
  'note-source': 'nennt keine Quelle für den Hinweis',
};
const provider = (problem: (typeof PROVIDER_PROBLEMS)[number], note: string | null): string => (note === null ? PROVIDER[problem] : `${PROVIDER[problem]} „${note}“`);

const CUSTOM_FACT = { 'sip-port': 'der SIP-Port (--sip-port)', rtp: 'der RTP-Portbereich (--rtp)', 'inbound-media': 'die eingehende Sprache (--inbound-media)' } as const;

const PROFILE: { readonly [P in (typeof PROFILE_PROBLEMS)[number]]: (key: string | null) => string } = {
  'not-object': () => 'ist kein Objekt',
  'no-id': () => 'hat keine gültige ID',
  'no-name': () => 'hat keinen Namen',
  port: (key) => `hat einen ungültigen Wert ${key ?? 'Port'}`,
  'rtp-range': () => 'hat einen ungültigen RTP-Portbereich',
  keepalive: () => 'hat einen ungültigen Wert keepaliveSec',
  'supported-nat': () => 'hat eine ungültige Liste supportedNat',
  'no-source': () => 'nennt keine Quelle',
  media: () => 'nennt für media.inbound weder „return-path“ noch „any-source“, oder in media.source keine Quelle',
  codecs: () => 'nennt keinen angebotenen Codec (codecs.offered: g711, g722, g729) oder in codecs.source keine Quelle',
};

const timeoutSentence = (server: string, requests: number, waitedMs: number): string =>
  `Keine STUN-Antwort von ${server} nach ${requests} ${requests === 1 ? 'Anfrage' : 'Anfragen'} in ${num(Number((waitedMs / 1000).toFixed(1)))} s.`;

const VALUE_KIND_NAMES = { 'ip-address': 'IP-Adresse', 'host-name': 'Hostname', port: 'Port', 'port-range': 'Portbereich', list: 'Liste', seconds: 'Sekundenzahl', rule: 'Regel', direction: 'Richtung', status: 'Status', verdict: 'Ergebnis', 'nat-type': 'NAT-Typ', language: 'Sprache', 'ip-family': 'IP-Version mit einer Adresse der TK-Anlage' } as const;

const MESSAGE_KIND_NAMES = { finding: 'kein Befund', evidence: 'kein Nachweis', fix: 'keine Abhilfe' } as const;

export const errorsDe: Catalog<ErrorMessage> = {
  'request/stun-server': () => 'Den STUN-Server als Host oder Host:Port angeben (eine IPv6-Adresse als [Adresse]:Port), zum Beispiel stun.sipgate.net:10000.',
  'request/sip-server': () => 'Den SIP-Server als Host oder Host:Port angeben (eine IPv6-Adresse als [Adresse]:Port), zum Beispiel sipconnect.sipgate.de:5060.',
  'request/stun-missing': (e) => (e.provider === null ? 'Bitte einen STUN-Server angeben, zum Beispiel stun.sipgate.net:10000.' : `Für ${e.provider} kennt der Katalog keinen STUN-Server: bitte einen angeben, zum Beispiel stun.sipgate.net:10000.`),
  'cli/rerun-without-from': () => '--rerun und --from gehören zusammen: --rerun sip --from BERICHT.json wiederholt die SIP-Prüfung und übernimmt den Rest des Berichts.',
  'request/stun-too-many': (e) => `Höchstens ${num(e.max)} STUN-Server angeben: der erste für die öffentliche Adresse und die NAT-Tests, der zweite für das Mapping ohne RFC 5780.`,
  'request/local-ip': () => 'Die lokale Adresse muss eine IPv4- oder IPv6-Adresse dieses Rechners sein.',
  'request/family': () => 'Die IP-Version muss 4, 6 oder both (beide) sein.',
  'request/no-ipv6-address': () => 'Dieser Rechner hat keine globale IPv6-Adresse, von der aus sich prüfen ließe: Eine mit --local-ip nennen oder IPv4 mit --family 4 prüfen.',
  'request/sip-port': () => 'Der SIP-Port muss eine ganze Zahl von 1 bis 65535 sein.',
  'request/unknown-profile': (e) => (e.profile === null ? `Das TK-Anlagen-Profil muss eines von ${list(e.profiles)} sein.` : `Ein TK-Anlagen-Profil ${JSON.stringify(e.profile)} gibt es nicht: bitte eines von ${list(e.profiles)} wählen.`),
  'request/unknown-provider': (e) => (e.provider === null ? 'Der Anbieter muss die ID eines Anbieters aus dem Katalog sein.' : `Einen Anbieter ${JSON.stringify(e.provider)} gibt es im Katalog nicht.`),
  'request/rtp-range': () => 'Der RTP-Portbereich besteht aus zwei Portnummern, die erste nicht größer als die zweite, zum Beispiel 55000–56000.',
  'request/custom-profile': (e) =>
    `Eine eigene TK-Anlage braucht ihren SIP-Port, ihren RTP-Portbereich und die Angabe, welche eingehende Sprache sie braucht (return-path oder any-source); es fehlt: ${list(e.missing.map((fact) => CUSTOM_FACT[fact]))}.`,
  'request/inbound-media': () =>
    'Für eingehende Sprache gilt return-path (die TK-Anlage sendet von jedem RTP-Port zuerst) oder any-source (Sprache muss unaufgefordert von beliebigen Adressen ankommen).',
  'request/inbound-media-not-custom': (e) => `Das Profil ${JSON.stringify(e.profile)} legt selbst fest, welche eingehende Sprache seine TK-Anlage braucht: für eine eigene Angabe das Profil custom wählen.`,
  'request/quality-sec': (e) => `Die Messung der Leitungsqualität dauert ${num(e.min)} bis ${num(e.max)} volle Sekunden.`,
  'request/interval-sec': (e) => `Das Keep-alive-Intervall muss zwischen ${num(e.min)} und ${num(e.max)} Sekunden liegen.`,
  'request/register': () => 'Die Registrierung braucht einen Benutzernamen und ein Passwort.',
  'request/register-user': (e) => `Der SIP-Benutzername muss 1 bis ${num(e.max)} Zeichen lang sein, die der Benutzerteil einer SIP-URI zulässt (Buchstaben, Ziffern und - _ . ! ~ * ' ( ) & = + $ , ; ? / oder %XX; RFC 3261 §25.1).`,
  'request/register-password': (e) => `Das SIP-Passwort darf nicht leer und höchstens ${num(e.max)} Bytes lang sein.`,
  'request/register-domain': () => 'Die Domain der Registrierung muss ein Hostname oder eine IP-Adresse sein.',
  'request/register-wait': (e) => `Das Warten auf die Anfrage des Providers dauert ${num(e.min)} bis ${num(e.max)} volle Sekunden.`,
  'request/register-needs-sip': () => 'Zum Registrieren wird der SIP-Server des Providers gebraucht: ihn angeben (--sip) oder einen Provider, der einen hat.',
  'request/rerun-register-credentials': () => 'Um die Registrierung erneut auszuführen, werden Benutzername und Passwort erneut gebraucht.',
  'request/rerun-check': (e) => `Die erneut auszuführende Prüfung muss eine von ${list(e.checks)} sein, zusammen mit dem früheren Bericht.`,
  'request/site-id': () => 'Die Standort-ID besteht aus Kleinbuchstaben, Ziffern, Binde- und Unterstrichen, höchstens 64 Zeichen, zum Beispiel zentrale.',
  'request/provider-id': () => 'Die Anbieter-ID besteht aus Kleinbuchstaben, Ziffern und Bindestrichen, höchstens 40 Zeichen, zum Beispiel mein-trunk.',
  'request/history-file': () => 'Nennen Sie die beiden gespeicherten Berichte so, wie der Verlauf sie auflistet, zum Beispiel sites/zentrale/20261123T210000000Z-report.json.',
  'request/firewall': (e) => `Es gibt keine Firewall „${e.firewall}“: Wählen Sie eine oder mehrere von ${list(e.firewalls)}, durch Kommas getrennt.`,
  'request/firewall-not-document': (e) => `Firewall-Syntaxen kommen in den Anhang einer PDF- oder Markdown-Checkliste, nicht in „${e.format}“: --format pdf oder md verwenden, oder --format mit dem Namen der Firewall selbst.`,
  'ipc/not-a-list': (e) => `„${e.field}“ muss eine Liste mit einem oder zwei Servern sein.`,
  'ipc/no-arguments': () => 'Diese Aktion erwartet keine Argumente.',
  'ipc/no-request': (e) => NO_REQUEST[e.request],
  'ipc/unknown-field': (e) => `Unbekanntes Feld „${e.field}“ in ${REQUEST_NAMES[e.request]}.`,
  'ipc/bad-media': () => '„media“ muss „sample“, „full“ oder „off“ sein.',
  'ipc/not-a-flag': (e) => `„${e.field}“ muss true oder false sein.`,
  'ipc/bad-cancel': (e) => `Nennen Sie die Prüfung, die abgebrochen werden soll: „all“ oder eine von ${list(e.checks)}.`,
  'ipc/bad-site': (e) => `Der Standort braucht Namen, Kunden und Techniker mit je höchstens ${e.max} Zeichen in einer Zeile: ${fieldProblem(e.path, e.problem)}.`,
  'ipc/bad-language': () => 'Die Sprache der Checkliste muss „en“ oder „de“ sein.',
  'ipc/bad-format': (e) => `Das Exportformat muss eines von ${list(e.formats)} sein.`,
  'ipc/unknown-channel': () => 'Der Assistent bat um eine Aktion, die diese Version von TrunkCheck nicht kennt.',
  'ipc/unreadable-request': (e) => `Die Anfrage für „${e.channel}“ ist unlesbar: Sie ist zyklisch, zu tief verschachtelt oder enthält Werte, die JSON nicht tragen kann.`,
  'ipc/forbidden': () => 'Diese Anfrage kam nicht aus dem TrunkCheck-Fenster.',
  'ipc/too-large': (e) => `Die Anfrage ist größer als ${num(e.maxMib)} MiB.`,
  'ipc/not-json': () => 'Der Inhalt der Anfrage ist kein gültiges JSON.',
  'internal/error': (e) =>
    e.channel === null ? `TrunkCheck stieß auf einen internen Fehler: ${ended(e.detail)}` : `TrunkCheck stieß bei der Bearbeitung von „${e.channel}“ auf einen internen Fehler: ${ended(e.detail)}`,
  'internal/stun-check': (e) => `Die STUN-Prüfung schlug unerwartet fehl: ${ended(e.detail)}`,
  'app/monitor-running': (e) =>
    e.asked === 'check'
      ? 'Der Keep-alive-Monitor belegt den SIP-Port: Beenden Sie ihn zuerst und starten Sie dann die Prüfung.'
      : 'Der Keep-alive-Monitor läuft bereits: Beenden Sie ihn, bevor Sie ihn erneut starten.',
  'app/busy': (e) =>
    e.asked === 'check'
      ? 'Eine andere Prüfung belegt noch den SIP-Port: Warten Sie, bis sie fertig ist, und versuchen Sie es dann erneut.'
      : 'Eine Prüfung belegt noch den SIP-Port: Warten Sie, bis sie fertig ist, und starten Sie dann den Monitor.',

  'report/too-large': (e) => `${report(e.file)} ist ${e.mb} MB groß, weit größer als jeder TrunkCheck-Bericht: Geben Sie die Datei an, die „trunkcheck diagnose --json“ oder --out geschrieben hat.`,
  'report/not-json': (e) => `${report(e.file)} ist kein JSON: Geben Sie die Datei an, die „trunkcheck diagnose --json“ oder --out geschrieben hat.`,
  'report/foreign': (e) => `${report(e.file)} ist kein TrunkCheck-Bericht: Geben Sie die Datei an, die „trunkcheck diagnose --json“ oder --out geschrieben hat.`,
  'report/no-version': (e) => `${report(e.file)} hat keine schemaVersion und ist daher kein TrunkCheck-Bericht.`,
  'report/unknown-version': (e) => `${report(e.file)} hat ein unbekanntes Berichtsschema ${e.version}.`,
  'report/newer': (e) => `${report(e.file)} stammt von einem neueren TrunkCheck (Berichtsschema ${e.version}, diese Version liest ${e.reads}): Aktualisieren Sie TrunkCheck, um ihn zu lesen.`,
  'report/damaged': (e) =>
    `${report(e.file)} ist beschädigt oder wurde bearbeitet: ${fieldProblem(e.path, e.problem)}. Führen Sie die Diagnose erneut aus oder verwenden Sie die Datei so, wie TrunkCheck sie geschrieben hat.`,
  'report/unreadable': (e) => `Der Bericht ${e.file} ist nicht lesbar (${e.cause}).`,
  'checklist/too-large': (e) => `${checklist(e.file)} ist ${e.mb} MB groß, weit größer als jede TrunkCheck-Checkliste: Öffnen Sie eine von TrunkCheck gespeicherte Checkliste (.json).`,
  'checklist/not-json': (e) => `${checklist(e.file)} ist kein JSON: Öffnen Sie eine von TrunkCheck gespeicherte Checkliste (.json).`,
  'checklist/is-report': (e) =>
    `${checklist(e.file)} ist ein TrunkCheck-Diagnosebericht, keine Checkliste: Öffnen Sie ihn als Bericht oder speichern Sie zuerst die Checkliste daraus.`,
  'checklist/foreign': (e) => `${checklist(e.file)} ist keine TrunkCheck-Checkliste: Öffnen Sie eine von TrunkCheck gespeicherte Checkliste (.json).`,
  'checklist/newer': (e) =>
    `${checklist(e.file)} stammt von einem neueren TrunkCheck (Checklistenschema ${num(e.version)}, diese Version liest ${e.reads}): Aktualisieren Sie TrunkCheck, um sie zu öffnen.`,
  'checklist/unknown-version': (e) => `${checklist(e.file)} hat eine unbekannte Version des Checklistenschemas (${e.version ?? 'keine'}); TrunkCheck kann sie daher nicht öffnen.`,
  'checklist/damaged': (e) => `${checklist(e.file)} ist beschädigt oder wurde bearbeitet: ${fieldProblem(e.path, e.problem)}. Exportieren Sie die Checkliste erneut.`,
  'checklist/unknown-profile': (e) => `Der Bericht wurde mit der TK-Anlage „${e.profile}“ erstellt, die dieses TrunkCheck nicht kennt.`,

  'store/open-failed': (e) => `TrunkCheck konnte seine Einstellungen in ${e.folder} nicht öffnen: ${fs(e.cause)}.`,
  'store/settings-reset': (e) =>
    `Die Einstellungsdatei ${e.file} war beschädigt (${SETTINGS_DAMAGE[e.reason]}${e.detail === null ? '' : `: ${e.detail}`}); sie wurde nach ${e.aside} verschoben, und TrunkCheck startete mit neuen Einstellungen.`,
  'store/settings-newer': (e) =>
    `Die Einstellungsdatei ${e.file} stammt von einem neueren TrunkCheck (Format ${e.version}, diese Version liest ${e.reads}): Aktualisieren Sie TrunkCheck; die Datei blieb unverändert.`,
  'store/settings-invalid': (e) => `Die Einstellungen wurden nicht gespeichert: ${e.detail}.`,
  'store/write-failed': (e) => `TrunkCheck konnte ${SAVED[e.what]} nicht in ${e.folder} speichern: ${fs(e.cause)}.`,
  'store/names-taken': (e) => `TrunkCheck konnte ${SAVED[e.what]} nicht in ${e.folder} speichern: ${e.tries} Dateinamen in Folge waren vergeben.`,
  'store/provider-exists': (e) => `Der eingebaute Katalog hat bereits einen Anbieter „${e.provider}“: Geben Sie Ihrem eine andere ID.`,
  'store/bad-site-id': (e) => `„${e.id}“ ist keine Standort-ID (Kleinbuchstaben, Ziffern, „-“ und „_“).`,
  'store/not-saved': (e) => `TrunkCheck hat ${SAVED[e.what]} nicht gespeichert: ${SAVED_SUBJECT[e.what]} ${documentProblem(e.problem)}.`,
  'store/not-writable': (e) => `TrunkCheck kann den Verlauf des Standorts ${e.site} nicht in ${e.folder} speichern: ${fs(e.cause)}.`,
  'store/quarantined': (e) => `Die Datei ${e.file} ${documentProblem(e.problem)}; sie wurde nach ${e.destination} verschoben, der übrige Verlauf ist nicht betroffen.`,
  'store/corrupt': (e) => `Die Datei ${e.file} ${documentProblem(e.problem)}, und sie ließ sich nicht nach ${e.target} verschieben (${fs(e.cause)}); sie wurde übersprungen.`,
  'store/newer': (e) => `Die Datei ${e.file} ${documentProblem(e.problem)}: Aktualisieren Sie TrunkCheck, um sie zu öffnen; die Datei blieb, wo sie ist.`,
  'store/dated-ahead': (e) =>
    `Die Datei ${e.file} trägt das Datum ${f.time(e.time)}, später als die Uhr dieses Rechners (${f.time(e.clock)}): Sie blieb, wo sie ist, und wird weder aufgelistet noch verglichen; prüfen Sie die Uhr des Rechners, der sie gespeichert hat.`,
  'store/missing': (e) => `Die gespeicherte Datei ${e.file} existiert nicht mehr.`,
  'store/read-failed': (e) => `TrunkCheck konnte ${e.file} nicht lesen: ${fs(e.cause)}.`,
  'store/list-failed': (e) => `TrunkCheck konnte den Verlauf in ${e.folder} nicht lesen: ${fs(e.cause)}.`,
  'store/not-in-history': (e) => `${e.file} ist keine Datei des TrunkCheck-Verlaufs in ${e.folder}.`,
  'store/not-a-report': (e) => `${e.file} ist eine gespeicherte Checkliste, kein Bericht: Verglichen werden nur zwei Berichte.`,
  'site/missing': () => 'Das Standortprofil fehlt.',
  'site/bad-id': () => 'Die Standort-ID darf nur Kleinbuchstaben, Ziffern, „-“ und „_“ enthalten (höchstens 64).',
  'site/no-name': (e) => `Geben Sie dem Standort einen Namen (höchstens ${e.max} Zeichen).`,
  'site/bad-customer': (e) => `Der Kundenname muss ein Text von höchstens ${e.max} Zeichen sein.`,
  'site/bad-technician': (e) => `Der Name des Technikers muss ein Text von höchstens ${e.max} Zeichen sein.`,
  'site/unknown-profile': (e) => `TrunkCheck kennt keine TK-Anlage „${e.profile}“: Wählen Sie swyxware, 3cx oder eine andere aufgeführte Anlage.`,
  'site/unknown-provider': (e) => `TrunkCheck kennt keinen Anbieter „${e.provider}“: Wählen Sie einen aus der Liste oder legen Sie ihn zuerst an.`,
  'site/bad-stun-servers': (e) => `Jeder STUN-Server muss HOST oder HOST:PORT sein (höchstens ${e.max}).`,
  'site/bad-sip-server': () => 'Der SIP-Server muss HOST oder HOST:PORT sein.',
  'site/bad-local-ip': () => 'Die lokale Adresse muss eine IPv4- oder IPv6-Adresse sein.',
  'site/bad-sip-port': () => 'Der SIP-Port muss eine ganze Zahl von 1 bis 65535 sein.',
  'settings/missing': () => 'Die Änderung der Einstellungen fehlt.',
  'settings/bad-language': () => 'Die Sprache muss „en“, „de“ oder null (wie das System) sein.',
  'settings/bad-last-site': () => 'Die ID des letzten Standorts ist keine gültige Standort-ID.',
  'settings/bad-stun-server': () => 'Der voreingestellte STUN-Server muss HOST oder HOST:PORT oder null sein.',
  'settings/bad-qos': () => 'Die QoS-Markierung ist entweder an (true) oder aus (false).',
  'settings/unknown': (e) => `Es gibt keine Einstellung „${e.name}“.`,

  'file/unusable': (e) => `${e.file} lässt sich nicht schreiben: ${fs(e.cause)}; wählen Sie eine andere Datei.`,
  'file/dangling-link': (e) => `${e.file} ist eine Verknüpfung auf ${e.to}, das es nicht gibt: Nennen Sie die Datei selbst.`,
  'file/is-folder': (e) => `${e.file} ist ein Ordner: Nennen Sie eine Datei darin.`,
  'file/disk-device': (e) => `${e.file} ist ein Laufwerk, auf das TrunkCheck nie schreibt: Nennen Sie eine Datei.`,
  'file/socket': (e) => `${e.file} ist ein Socket, der sich nicht als Datei öffnen lässt: Nennen Sie eine Datei.`,
  'file/folder-is-file': (e) => `${e.folder} ist kein Ordner, daher lässt sich ${e.file} dort nicht schreiben: Wählen Sie einen anderen Ort.`,
  'file/no-folder': (e) => `Den Ordner ${e.folder} gibt es nicht: Legen Sie ihn an oder wählen Sie einen anderen Ort für ${e.file}.`,
  'file/not-writable': (e) => `In ${e.folder} lässt sich keine Datei schreiben: ${fs(e.cause)}; wählen Sie einen anderen Ort für ${e.file}.`,
  'file/write-failed': (e) => `${e.file} ließ sich nicht schreiben: ${fs(e.cause)}; sonst wurde nichts verändert.`,

  'net/port-in-use': (e) =>
    `UDP-Port ${e.port} ist auf diesem Rechner schon belegt (vermutlich vom Link-Manager der TK-Anlage, etwa SwyxLinkManager): ` +
    `Beenden Sie diesen Dienst für den Test oder starten Sie TrunkCheck mit --sip-port und einem freien Port, um den Weg ohne ihn zu prüfen.`,
  'net/address-not-available': (e) =>
    `Die Adresse ${e.ip} gehört nicht zu diesem Rechner: Wählen Sie eine Adresse seiner Netzwerkschnittstellen (trunkcheck diagnose ohne --local-ip nutzt alle).`,
  'net/permission-denied': (e) => `TrunkCheck darf UDP ${e.ip}:${e.port} nicht öffnen: Starten Sie es mit dem Recht, diesen Port zu belegen, oder wählen Sie einen Port über 1023.`,
  'net/socket': (e) => `UDP ${e.ip}:${e.port} ließ sich nicht öffnen: ${e.detail}.`,
  'target/invalid': (e) =>
    e.role === 'sip'
      ? `„${e.text}“ ist kein SIP-Server: Schreiben Sie Host oder Host:Port, zum Beispiel sipconnect.sipgate.de.`
      : `„${e.text}“ ist keine Serveradresse: Schreiben Sie Host oder Host:Port, zum Beispiel stun.sipgate.net:10000.`,
  'target/missing': () => 'Nennen Sie mindestens einen STUN-Server.',
  'dns/not-found': (e) => `Der Name ${e.host} löst sich in keine IPv${e.family}-Adresse auf: Prüfen Sie die Schreibweise oder den DNS-Server dieses Rechners.`,
  'dns/failed': (e) => `Der Name ${e.host} ließ sich nicht nachschlagen (${e.errno}): Prüfen Sie, ob dieser Rechner einen funktionierenden DNS-Server hat.`,
  'stun/timeout': (e) =>
    e.port === null
      ? timeoutSentence(e.server, e.requests, e.waitedMs)
      : `${timeoutSentence(e.server, e.requests, e.waitedMs)} Ausgehendes UDP von Port ${e.port} ist offenbar gesperrt, oder der Server ist nicht erreichbar: Erlauben Sie UDP von Port ${e.port} ` +
        `dieses Rechners zum Port des STUN-Servers (und seine Antworten zurück) oder versuchen Sie einen anderen STUN-Server.`,
  'stun/wrong-source': (e) =>
    `${timeoutSentence(e.server, e.requests, e.waitedMs)} Antworten kamen zwar an, aber von ${list(e.from)} statt von der Adresse des Servers selbst: ` +
    'Der Server steht hinter einem NAT oder antwortet über eine andere Schnittstelle und ist daher nicht nutzbar; wählen Sie einen anderen STUN-Server.',
  'stun/error-response': (e) => `Der STUN-Server ${e.server} hat die Binding-Anfrage abgelehnt (${e.status === null ? 'ohne ERROR-CODE' : `${e.status} ${e.reason ?? ''}`}).`,
  'stun/no-mapped-address': (e) => `Der STUN-Server ${e.server} antwortete ohne zugeordnete Adresse und kann daher die öffentliche Adresse nicht nennen.`,
  'stun/malformed-response': (e) => `Der STUN-Server ${e.server} sandte eine fehlerhafte Antwort (${e.detail}).`,
  'stun/no-answer': () => 'Der STUN-Server gab keine verwertbare Antwort.',
  'checks/cancelled': () => 'Die Prüfungen wurden abgebrochen, bevor sie fertig waren; die früheren Ergebnisse bleiben unverändert.',
  'checks/rerun-mismatch': (e) => {
    const differs = [
      ...(e.profile === null ? [] : [`der TK-Anlage „${e.profile}“`]),
      ...(e.sipPort === null ? [] : [`SIP-Port ${e.sipPort}`]),
      ...(e.localIp === null ? [] : [`der lokalen Adresse ${e.localIp}`]),
      ...(e.stun === null ? [] : [`dem STUN-Server ${e.stun}`]),
    ];
    return `Die früheren Ergebnisse wurden mit ${differs.join(' und ')} gemessen, nicht mit den jetzt eingetragenen Werten: Führen Sie alle Prüfungen erneut aus statt nur einer.`;
  },

  'dns/nxdomain': (e) => `Den Namen ${e.name} gibt es im DNS nicht (NXDOMAIN): Vergleichen Sie die Schreibweise mit der Dokumentation des Anbieters.`,
  'dns/no-address': (e) =>
    `Den Namen ${e.name} gibt es, aber ohne ${or(e.families.map((family) => (family === 4 ? 'IPv4-Adresse (A)' : 'IPv6-Adresse (AAAA)')))}: Fragen Sie den Anbieter nach dem richtigen Servernamen oder nutzen Sie die Adresse, die er dokumentiert.`,
  'dns/servfail': (e) =>
    `Der DNS-Server antwortete SERVFAIL auf die ${e.type}-Abfrage für ${e.name}: Die Nameserver des Anbieters oder der DNS-Server dieses Rechners haben Störungen; versuchen Sie es später erneut oder nutzen Sie einen anderen DNS-Server.`,
  'dns/timeout': (e) =>
    `Auf die ${e.type}-Abfrage für ${e.name} kam rechtzeitig keine Antwort: Prüfen Sie, ob der DNS-Server dieses Rechners erreichbar ist und UDP- und TCP-Port 53 zu ihm offen sind.`,
  'dns/refused': (e) => `Der DNS-Server lehnte die ${e.type}-Abfrage für ${e.name} ab: Tragen Sie auf diesem Rechner einen DNS-Server ein, der öffentliche Namen auflöst, etwa den des Routers.`,
  'dns/unreachable': (e) =>
    `Unter der Adresse, die dieser Rechner nutzt, antwortet kein DNS-Server (die ${e.type}-Abfrage für ${e.name} wurde abgewiesen): Prüfen Sie die Adresse des DNS-Servers in den Netzwerkeinstellungen.`,
  'dns/query-failed': (e) => `Die ${e.type}-Abfrage für ${e.name} schlug fehl (${e.errno}): Prüfen Sie, ob dieser Rechner einen funktionierenden DNS-Server hat.`,
  'dns/no-target': () => 'Es wurde keine Adresse eines SIP-Servers gefunden: Prüfen Sie den Servernamen, den der Anbieter dokumentiert.',
  'sip/no-udp': (e) => `${e.target} bietet kein SIP über UDP an.`,
  'sip/bad-uri-host': (e) => `„${e.host}“ ist weder Hostname noch IP-Adresse, die eine SIP-URI tragen kann.`,
  'sip/bad-port': (e) => `${num(e.port)} ist kein UDP-Port.`,
  'sip/bad-sent-by': (e) => `„${e.ip}“ ist nicht die IP-Adresse dieses Rechners.`,
  'sip/bad-cseq': (e) => `${num(e.cseq)} ist keine CSeq-Nummer.`,
  'sip/bad-token': (e) => `„${e.value}“ taugt nicht als ${SIP_TOKENS[e.token]}.`,
  'sip/bad-branch': (e) => `Ein branch-Parameter muss mit ${e.cookie} beginnen (RFC 3261 §8.1.1.7).`,
  'sip/bad-version': (e) => `„${e.version}“ taugt nicht als Version im User-Agent.`,
  'sip/bad-user': (e) => `„${e.user}“ taugt nicht als Benutzername eines SIP-Kontos: Geben Sie 1 bis 128 Zeichen ohne Steuerzeichen an.`,
  'tcp/refused': (e) =>
    `${e.target} lehnte die TCP-Verbindung ab: Dort lauscht nichts oder eine Firewall weist sie zurück; prüfen Sie den Port des Anbieters und Ihre ausgehenden TCP-Regeln.`,
  'tcp/timeout': (e) => `Keine TCP-Verbindung zu ${e.target} innerhalb von ${num(e.ms)} ms: Eine Firewall verwirft die Pakete oder die Adresse ist falsch; erlauben Sie ausgehendes TCP dorthin.`,
  'tcp/unreachable': (e) => `${e.target} ist nicht erreichbar (${e.errno}): Dieser Rechner hat keine Route dorthin; prüfen Sie sein Standard-Gateway.`,
  'tcp/failed': (e) => `Die TCP-Verbindung zu ${e.target} schlug fehl (${e.errno}): Prüfen Sie die Netzwerkverbindung dieses Rechners.`,
  'tls/timeout': (e) =>
    `${e.target} nahm TCP an, schloss aber innerhalb von ${num(e.ms)} ms keinen TLS-Handshake ab: Der Port spricht vielleicht einfaches SIP statt TLS; prüfen Sie den TLS-Port des Anbieters.`,
  'tls/handshake-failed': (e) =>
    `Der TLS-Handshake mit ${e.target} schlug fehl (${e.detail}): Der Port spricht vielleicht kein TLS, oder der Server braucht TLS-Einstellungen, die diese Prüfung nicht anbietet.`,
  'tls/no-certificate': (e) => `${e.target} schloss den TLS-Handshake ohne Zertifikat ab: Eine TK-Anlage kann ihn nicht prüfen; fragen Sie den Anbieter nach seinen TLS-Einstellungen.`,
  'tls/expired': (e) =>
    `Das TLS-Zertifikat von ${e.server} (${e.target}) ist am ${date(e.date)} abgelaufen: Der Anbieter muss es erneuern; bis dahin verbindet sich eine TK-Anlage, die Zertifikate prüft, nicht.`,
  'tls/not-yet-valid': (e) => `Das TLS-Zertifikat von ${e.server} (${e.target}) gilt erst ab ${date(e.date)}: Prüfen Sie die Uhr dieses Rechners oder informieren Sie den Anbieter.`,
  'tls/name-mismatch': (e) =>
    `Das TLS-Zertifikat unter ${e.target} ist für ${e.names.length === 0 ? 'keinen Namen' : list(e.names)} ausgestellt, nicht für ${e.server}: Nutzen Sie den Servernamen, den der Anbieter für TLS dokumentiert.`,
  'tls/self-signed': (e) =>
    `Das TLS-Zertifikat von ${e.server} (${e.target}) ist selbst signiert: Eine TK-Anlage akzeptiert es nur, wenn Sie es als vertrauenswürdig importieren; fragen Sie den Anbieter nach einem von einer CA signierten.`,
  'tls/untrusted': (e) =>
    `Das TLS-Zertifikat von ${e.server} (${e.target}) ist nicht von einer vertrauenswürdigen Stelle signiert (${e.reason ?? 'unbekannt'}): Importieren Sie das CA-Zertifikat des Anbieters in die TK-Anlage oder bitten Sie den Anbieter, die vollständige Kette zu senden.`,

  'export/unknown-format': (e) => `Es gibt kein Exportformat „${e.format}“: Wählen Sie eines von ${list(e.formats)}.`,
  'export/failed': (e) => (e.format === null ? `Der Export schlug fehl: ${ended(e.detail)}` : `Der Export als ${e.format} schlug fehl: ${ended(e.detail)}`),
  'export/invalid-value': (e) => `Das Feld ${e.field} der Checkliste enthält keine gültige Angabe (erwartet: ${VALUE_KIND_NAMES[e.kind]}), daher schreibt TrunkCheck daraus keine Firewall-Regeln: Checkliste bitte aus einem von TrunkCheck gemessenen Bericht neu erstellen.`,
  'export/no-result': (e) => `Der Export endete ohne Ergebnis (Exit-Code ${e.exitCode}).`,
  'export/cancelled': () => 'Der Export wurde abgebrochen, weil das Fenster, das ihn angefordert hatte, geschlossen wurde.',
  'export/too-slow': (e) => `Der Export wurde nach ${num(e.seconds)} s abgebrochen: Die Checkliste enthält weit mehr Text, als eine echte Messung erzeugt.`,
  'export/too-large': (e) => `Der Export wurde abgebrochen: Er brauchte mehr als ${num(e.mib)} MiB, weil die Checkliste weit mehr Text enthält, als eine echte Messung erzeugt.`,

  'catalog/invalid-provider': (e) => `Der Anbieter „${e.provider}“ ${provider(e.problem, e.note)}.`,
  'catalog/provider-skipped': (e) => `Der Anbieter „${e.provider}“ ${provider(e.problem, e.note)}; er wurde übersprungen.`,
  'catalog/no-providers': () => 'Der Anbieterkatalog hat keine Liste „providers“.',
  'catalog/profile-skipped': (e) => `Die TK-Anlage „${e.profile}“ ${PROFILE[e.problem](e.key)}; sie wurde übersprungen.`,
  'catalog/no-profiles': () => 'Der Katalog der TK-Anlagen hat keine Liste „profiles“.',

  'cli/unknown-command': (e) => `Unbekannter Befehl „${e.command}“: siehe trunkcheck --help.`,
  'cli/unknown-option': (e) => `Unbekannte Option ${e.option} für ${e.command}: siehe trunkcheck --help.`,
  'cli/option-takes-no-value': (e) => `Die Option --${e.option} nimmt keinen Wert.`,
  'cli/option-needs-value': (e) => `Die Option --${e.option} braucht einen Wert.`,
  'cli/option-twice': (e) => `Die Option --${e.option} wurde zweimal angegeben.`,
  'cli/not-a-port': (e) => `--${e.option} muss eine Portnummer von 1 bis 65535 sein, nicht „${e.value}“.`,
  'cli/bad-language': (e) => `--lang kennt en und de, nicht „${e.value}“.`,
  'cli/diagnose-argument': (e) => `diagnose nimmt keine Argumente ohne Option („${e.argument}“): den Server mit --stun HOST[:PORT] angeben.`,
  'cli/options-contradict': (e) => `--${e.first} und --${e.second} widersprechen sich: eine davon wählen.`,
  'cli/no-report': () => 'Den Bericht angeben, aus dem die Checkliste entsteht: --from BERICHT.json (geschrieben von „trunkcheck diagnose --out BERICHT.json“).',
  'cli/pdf-needs-file': () => 'Ein PDF wird in eine Datei geschrieben: -o checkliste.pdf angeben.',
  'cli/provider-unreadable': (e) => `Die Provider-Datei ${e.file} konnte nicht gelesen werden: ${fs(e.cause)}.`,
  'cli/provider-not-json': (e) => `Die Provider-Datei ${e.file} ist kein gültiges JSON: einen Provider-Eintrag angeben, wie ihn der Katalog schreibt.`,
  'cli/password-empty': () => 'Das SIP-Passwort ist leer: es über die Standardeingabe übergeben oder an der Eingabeaufforderung eintippen.',
  'cli/password-aborted': () => 'An der Passwortabfrage abgebrochen; es wurde nichts gemessen.',
  'cli/password-unreadable': (e) => `Das SIP-Passwort ließ sich nicht von der Standardeingabe lesen: ${ended(e.cause)}`,
  'cli/register-option-alone': (e) => `--${e.option} gehört zu einer Registrierung: auch --register BENUTZER angeben.`,
  'cli/monitor-stopped': () => 'Die Keep-alive-Überwachung war bereits beendet.',
  'cli/ui-not-built': (e) => `Der Assistent ist nicht gebaut (${e.folder} enthält keine index.html): zuerst „npm run build“ ausführen.`,
  'cli/ui-port-in-use': (e) => `TCP-Port ${e.port} auf 127.0.0.1 ist belegt: mit --port einen anderen wählen oder die Option weglassen, dann wird ein freier Port gewählt.`,
  'cli/ui-failed': (e) => `Die Browser-Oberfläche konnte nicht starten: ${ended(e.detail)}`,
  'decode/no-packet': () => 'Das Paket hexadezimal angeben: trunkcheck decode 0001002c2112a442….',
  'decode/not-hex': () => 'Das Paket muss aus Hexadezimalziffern bestehen (Leerzeichen und Doppelpunkte sind erlaubt), zum Beispiel 000100002112a442….',
  'decode/not-stun': (e) => `Diese ${e.bytes} Bytes beginnen wie STUN (die ersten zwei Bits sind 0), sind aber keine gültige STUN-Nachricht (Fehler an der Stelle ${e.place}).`,
  'decode/not-sip': (e) => `Keine gültige SIP-Nachricht (Fehler an der Stelle ${e.place}).`,
  'decode/neither': (e) =>
    `Diese ${e.bytes} Bytes sind weder eine STUN-Nachricht (deren erste zwei Bits sind 0; diese beginnen mit ${e.first}) noch eine SIP-Nachricht (eine Anfrage- oder Statuszeile).`,

  'http/wrong-host': (e) => `Abgelehnt: Dieser Server antwortet nur für ${e.hosts.join(' und ')}.`,
  'http/other-site': () => 'Abgelehnt: Anfragen von anderen Websites sind nicht erlaubt.',
  'http/no-token': () => 'Abgelehnt: Öffnen Sie die vollständige Adresse, die TrunkCheck ausgegeben hat, mit ihrem Token.',
  'http/too-many-streams': () => 'Zu viele offene Ereignis-Streams: Schließen Sie andere TrunkCheck-Tabs.',
  'http/use-post': () => 'Aktionen werden mit POST aufgerufen.',
  'http/method-not-allowed': () => 'Methode nicht erlaubt: Die Dateien des Assistenten werden mit GET gelesen.',
  'http/not-found': () => 'Nicht gefunden: Diese Datei gibt es auf diesem Server nicht.',
  'http/too-slow': () => 'Die Anfrage kam zu langsam an und wurde verworfen.',
  'http/headers-too-large': () => 'Die Kopfzeilen der Anfrage sind zu groß.',
  'http/malformed': () => 'Die Anfrage ist kein gültiges HTTP/1.1.',

  'ui/connection': () => 'Das TrunkCheck-Programm antwortet nicht: Läuft es noch?',
  'ui/http': (e) => (e.detail === null ? `TrunkCheck antwortete mit HTTP-Status ${e.status}.` : `TrunkCheck antwortete mit HTTP-Status ${e.status} (${e.detail}).`),
};
