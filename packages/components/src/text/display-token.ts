/** Longest label drawn, in code points (the tooltip keeps the full text). */
export const DEFAULT_MAX_TOKEN_LENGTH = 24;

/** No space at either end, no control, line/paragraph separator or surrogate anywhere. */
const PLAIN = /^(?! )[^\u0000-\u001f\u007f-\u009f\u2028\u2029\ud800-\udfff]*$(?<! )/;

const NAMED: Readonly<Record<string, string>> = { '\n': '↵', '\r': '␍', '\t': '⇥', ' ': '␣' };

/**
 * How a language-model token is shown as a label: whitespace and control characters made visible,
 * the way tokenizer viewers do, so `" the"` and `"the"` differ on screen.
 * - a space at either end → `␣` (inner spaces stay spaces, so multi-word strings read normally);
 * - `\n` → `↵`, `\r` → `␍`, tab → `⇥` anywhere;
 * - other C0/C1 controls, DEL, U+2028/U+2029 and lone surrogates → `\u{…}` escapes;
 * - the empty string → `∅`;
 * - more than `maxLength` code points → the first `maxLength − 1` and `…` (never splits a surrogate pair).
 * The result is plain text for `fillText` or a text node, never markup. O(length); pure.
 */
export function displayToken(token: string, maxLength = DEFAULT_MAX_TOKEN_LENGTH): string {
  if (token.length === 0) return '∅';
  // Fast path (most tokens): nothing to make visible and short enough (code units ≥ code points) → as is.
  if (token.length <= maxLength && PLAIN.test(token)) return token;
  const chars = Array.from(token);
  let lead = 0;
  while (lead < chars.length && chars[lead] === ' ') lead++;
  let trail = chars.length;
  while (trail > lead && chars[trail - 1] === ' ') trail--;
  const out: string[] = [];
  chars.forEach((c, i) => out.push(c === ' ' ? (i < lead || i >= trail ? '␣' : ' ') : visibleChar(c)));
  const limit = Math.max(1, Math.floor(maxLength));
  return out.length > limit ? out.slice(0, limit - 1).join('') + '…' : out.join('');
}

function visibleChar(c: string): string {
  const named = NAMED[c];
  if (named && c !== ' ') return named;
  const code = c.codePointAt(0)!;
  const control = code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029;
  const loneSurrogate = c.length === 1 && code >= 0xd800 && code <= 0xdfff;
  return control || loneSurrogate ? `\\u{${code.toString(16).padStart(2, '0')}}` : c;
}
