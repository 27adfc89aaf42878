// Die eigenen Worte der Kommandozeile auf Deutsch (shared/text/cli.ts).
import type { CliText } from '../cli';

export const cliDe: CliText = {
  help: (version) => `TrunkCheck ${version}: bringt einen SIP-Trunk durch Firewall und NAT-Router.

Aufruf:
  trunkcheck diagnose --stun HOST[:PORT] [--stun HOST[:PORT]] [--sip HOST[:PORT]] [--provider ID] [--profile swyxware|3cx|asterisk] [--local-ip IP] [--family 4|6|both] [--sip-port N]
                      [--rtp VON-BIS] [--rtp-full | --no-media] [--quality SEK] [--lifetime] [--site ID] [--json] [--out DATEI]
                      [--profile custom --sip-port N --rtp VON-BIS --inbound-media return-path|any-source]   eine TK-Anlage, die nicht im Katalog steht
                      [--register BENUTZER [--register-domain HOST] [--inbound-wait SEK]]   beim Provider als BENUTZER registrieren
                                       (Passwort: die erste Zeile der Standardeingabe, oder ohne Echo an der Eingabeaufforderung eingetippt),
                                       bis zu SEK Sekunden (0-300, Standard 30) auf eine eigene Anfrage des Providers warten, dann abmelden
                      [--rerun nat|sip|register|media|quality --from BERICHT.json]   eine Prüfung erneut, die übrigen aus dem Bericht
                      [--lang en|de]
  trunkcheck monitor --stun HOST[:PORT] [--interval SEK] [--profile ID] [--sip-port N] [--local-ip IP] [--json] [--lang en|de]
                                       hält die Zuordnung des SIP-Ports offen und meldet jeden Wechsel der öffentlichen Adresse
  trunkcheck checklist --from BERICHT.json --format pdf|md|json|windows|nftables|iptables|ip6tables|mikrotik|pfsense|lancom|fritzbox|fortigate
                      [-o DATEI] [--lang en|de] [--site NAME] [--customer NAME] [--technician NAME] [--no-qos]
                      [--firewall NAME[,NAME]]   die Firewall-Syntaxen für den Anhang eines PDF oder Markdown (Standard: keine)
  trunkcheck providers [--json] [--add PROVIDER.json]
                                       der Katalog der SIP-Provider (jede Angabe mit Quelle) und Ihre eigenen Provider
  trunkcheck decode HEX [--json]       ein STUN- oder SIP-Paket entschlüsseln
  trunkcheck ui [--port N] [--stun HOST[:PORT]] [--lang en|de]
                                       den Assistenten auf 127.0.0.1 für einen Browser bereitstellen (z. B. über einen SSH-Tunnel);
                                       --lang legt seine Anfangssprache fest (sonst die des Browsers)
  trunkcheck --version

Exit-Status: 0 bereit, 1 Handlungsbedarf, blockiert oder unvollständig, 2 falsche Bedienung oder Eingabe, 3 das Netzwerk war nicht nutzbar.
--lang en|de: die Sprache der Ausgabe, bei jedem Befehl und an jeder Stelle der Zeile (Standard aus LC_ALL,
LC_MESSAGES oder LANG: de… ist Deutsch, sonst Englisch).
Mit --json ist eine Ablehnung {"error":{"code",…,"message"}} auf der Standardausgabe: dieselben Codes, die die Anfragen des Assistenten erhalten.
`,
  nothingMeasured: '; es wurde nichts gemessen.',
  nothingMeasuredSite: '; es wurde nichts gemessen (TRUNKCHECK_HOME auf einen beschreibbaren Ordner setzen oder --site weglassen).',
  reportFollows: (writtenTo) =>
    `${writtenTo === null ? 'Der Bericht' : `Er wurde nach ${writtenTo} geschrieben, und der Bericht`} folgt als JSON auf der Standardausgabe: in eine Datei umleiten, um ihn zu behalten.`,
  providerSaved: (id, name) => `Provider „${id}“ (${name}) gespeichert.`,
  addedHere: '(hier hinzugefügt)',
  uiServing: (url, port) =>
    `TrunkCheck-Assistent: ${url}\nIn einem Browser auf diesem Rechner öffnen (oder über einen SSH-Tunnel: ssh -L ${port}:127.0.0.1:${port} …). Beenden mit Strg+C.`,
  passwordPrompt: (user) => `SIP-Passwort für ${user} (wird nicht angezeigt): `,
  registerWarning: (aor) =>
    `Achtung: TrunkCheck registriert sich für diesen Test als ${aor}. Eine TK-Anlage, die bereits auf diesem Konto registriert ist, kann währenddessen Anrufe verlieren oder mit dem Test teilen; der Test entfernt seine Registrierung am Ende.`,
  registerNotAttempted: '; die Registrierung wurde nicht versucht.',
  interrupted: (withdrawn) =>
    `Die Prüfungen wurden abgebrochen, bevor sie fertig waren, daher wurde nichts gespeichert${withdrawn ? '; die Testregistrierung wurde zurückgezogen (Abmelde-REGISTER mit Expires: 0 gesendet)' : ''}.`,
};
