// The terminal's one status line during a diagnosis: the primary path's stage and, once the IPv6
// pass runs beside it, that pass's stage after it, so neither hides the other.
import { word, type Language } from '../../shared/text';
import { isIpv6Stage, type ProgressMessage } from '../../shared/text/messages/progress';

export function statusLine(language: Language): (message: ProgressMessage) => string {
  let primary = '';
  let ipv6 = '';
  return (message) => {
    if (isIpv6Stage(message)) ipv6 = word(language, message);
    else primary = word(language, message);
    return [primary, ipv6].filter((part) => part !== '').join(' · ');
  };
}
