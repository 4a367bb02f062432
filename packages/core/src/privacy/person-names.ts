// What a person's name looks like, shared by the context rules and the model's filter.

/** One word of a name: `Maria`, `O'Brien`, `MacLeod`, `Anne-Marie`, `José`. */
export const nameWord = String.raw`(?:\p{Lu}['’])?\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:-\p{Lu}[\p{Ll}\p{M}]+)?`;

/** Lower-case particles inside a name: `van`, `de la`, `bin`. */
export const nameParticle = String.raw`(?:van|von|de|da|del|della|di|du|der|den|la|le|bin|ibn|al|dos|das|ter)`;

/** A name of one to three words, particles allowed between them. */
export const fullName = String.raw`${nameWord}(?:[ \t]+(?:${nameParticle}[ \t]+)*${nameWord}){0,2}`;

/** Titles before a name; not part of the name's span. */
export const nameTitle = String.raw`(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Sir|Dame|Rev|Capt|Judge)\.?`;

/**
 * Capitalised words that are not names where the rules look for one (greetings to groups,
 * sign-offs of teams, days, months, words that start a sentence, titles).
 */
const notNames = new Set(
  `All Everyone Everybody Team Teams There Customer Customers Sir Madam Support Folks Guys Friends
  Again Both You The This That These Those Valued Hiring Manager Managers Colleagues Dear Hi Hello
  Hey Thanks Thank Regards Best Cheers Kind Warm Sincerely Partner Partners User Users Admin Agent
  Caller Please Care Service Services Success Experience Sales Billing Security Privacy Operations
  Help Desk Helpdesk Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February
  March April May June July August September October November December Today Tomorrow Tonight
  Yesterday Morning Afternoon Evening Night Just Also Hope Sorry Yes No Okay Ok Sure Great Good
  Well Quick Update Note Reminder Welcome Congrats Congratulations Love Here Not Your Our My His Her
  Their Its What When Where Who Why How If In On At For From To With And But Or Of By As Is It
  Account Holder Card Name Names Contact Patient Applicant Employee Buyer Seller Tenant Author
  Signed Mobile Phone Email Mail Tel Fax Inc Ltd GmbH Corp LLC Co Company Group Department Office
  Board Committee Community Staff Crew Squad Family Everything Nothing Something Someone Anyone
  Bot Robot System Server Admins Moderator Moderators Mods Ticket Order Invoice Subject Re Fwd
  Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Rev Capt Judge Error Warning Status Total Summary
  Result Question Answer Issue Problem Fix Steps Expected Actual Version Build Important Info Tip
  Example Edit PS FYI Cause Reason Solution Workaround Request Response Input Output Date Time
  Location Address Amount Price Cost Action Owner Priority Alexa Siri Cortana Bixby Google She He
  They We It Context Background Details Description Comment Comments Notes Observation Conclusion
  Outcome Impact Scope Goal Agenda Todo Done Next Followup Resolution Environment Repro Symptoms
  Lead Leads Authorization Authorisation Reply-To Heads Attention Attachment Attachments Caution`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/** Words that make the capitalised words before them an organisation's name (`Acme Support`). */
const organisationWords = new Set(
  `Support Team Teams Inc Ltd GmbH Corp LLC Co Company Group Department Office Services Service
  Care Sales Billing Security Operations Desk Helpdesk Staff Crew Squad Board Committee Community
  Bank Hospital Clinic University College School Labs Systems Solutions Technologies Traders
  Industries Enterprises Health Cloud Airlines Airways Hotel Hotels Foundation Institute`
    .split(/\s+/)
    .filter((word) => word !== ''),
);

/**
 * Whether a word (as written) cannot be part of a name.
 *
 * @example
 * isNotAName('Team') // true
 */
export function isNotAName(word: string): boolean {
  return notNames.has(word);
}

const wholeNameWord = new RegExp(`^(?:${nameWord}|${nameParticle})$`, 'u');
const wholeParticle = new RegExp(`^${nameParticle}$`, 'u');
const trailingParticle = new RegExp(`[ \\t]+${nameParticle}$`, 'u');

/**
 * Trims a candidate name to its name words: words that are not names are cut, with everything
 * after them; a possessive 's goes. Returns the offsets of what is left in `text`, or
 * undefined when nothing is.
 *
 * @example
 * trimName('Maria Thanks', 0) // { start: 0, end: 5 }
 */
export function trimName(name: string, start: number): { start: number; end: number } | undefined {
  const words = [...name.matchAll(/\S+/g)];
  let end = start;
  let first: number | undefined;
  for (const word of words) {
    const possessive = /['’]s$/u.test(word[0]);
    const value = word[0].replace(/['’]s$/u, '');
    if (organisationWords.has(value)) return undefined;
    if (isNotAName(value)) break;
    if (!wholeNameWord.test(value)) break;
    if (first === undefined) {
      if (wholeParticle.test(value)) break;
      first = start + word.index;
    }
    end = start + word.index + value.length;
    if (possessive) break;
  }
  if (first === undefined) return undefined;
  // A trailing particle (`Pedro de`) is not part of the name.
  const kept = name.slice(first - start, end - start);
  const trailing = trailingParticle.exec(kept);
  if (trailing) end -= trailing[0].length;
  return { start: first, end };
}
