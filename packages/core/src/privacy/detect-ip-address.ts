import { type PiiSpan, spansOf, textBefore } from './pii-span.js';

const octet = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const ipv4Pattern = new RegExp(`(?<![\\w.])(?:${octet}\\.){3}${octet}(?![\\w]|\\.\\d)`, 'g');
// Hex groups and colons, optionally ending in an IPv4 address (`::ffff:192.0.2.1`); checked below.
const ipv6Pattern =
  /(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{1,4}|(?:\d{1,3}\.){3}\d{1,3})?(?![\w:]|\.\d)/g;

/** A four-part number after these words is a version, not an address. */
const versionContext =
  /(?:\bv|\bversion|\bver\.?|\brelease|\bbuild|\bfirmware|\bpatch|\bupdate to|\bupgrade to|\bdowngrade to|\bos|\bios|\bandroid|\bchrome|\bfirefox|\bsafari|\bedge|\bnode|\bpython|\bjava|\bdriver)\s*[:=]?\s*$/i;

/**
 * IPv4 and IPv6 addresses. IPv4: four octets of 0–255 without leading zeros, not part of a
 * longer dotted number (`1.3.6.1.4.1`); a four-part number right after version, v, release,
 * build, firmware, update to… is a version (`version 1.2.3.4`). IPv6: eight groups, or fewer
 * with one `::` (`2001:db8::1`, `fe80::1ff:fe23:4567:890a`, `::ffff:192.0.2.1`); MAC addresses
 * (six groups) and times are not addresses. A port (`:8080`) or prefix length (`/24`) is not
 * part of the span.
 *
 * @example
 * detectIpAddresses('from 203.0.113.7 and 2001:db8::1') // two spans
 */
export function detectIpAddresses(text: string): PiiSpan[] {
  const ipv4 = spansOf(text, ipv4Pattern, 'IP_ADDRESS', (match) =>
    versionContext.test(textBefore(text, match.index, 24))
      ? undefined
      : { start: match.index, end: match.index + match[0].length },
  );
  const ipv6 = spansOf(text, ipv6Pattern, 'IP_ADDRESS', (match) =>
    isIpv6(match[0]) ? { start: match.index, end: match.index + match[0].length } : undefined,
  );
  return [...ipv4, ...ipv6];
}

function isIpv6(candidate: string): boolean {
  let address = candidate;
  let extraGroups = 0;
  const dotted = /:((?:\d{1,3}\.){3}\d{1,3})$/.exec(address);
  if (dotted) {
    if (!new RegExp(`^(?:${octet}\\.){3}${octet}$`).test(dotted[1] as string)) return false;
    address = `${address.slice(0, dotted.index)}:0`;
    extraGroups = 1;
  }
  const halves = address.split('::');
  if (halves.length > 2) return false;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0] as string);
  const tail = halves.length === 2 ? groups(halves[1] as string) : [];
  const all = [...head, ...tail];
  if (all.some((group) => !/^[0-9A-Fa-f]{1,4}$/.test(group))) return false;
  const count = all.length + extraGroups;
  if (halves.length === 1) return count === 8;
  return count <= 7 && all.length > 0;
}
